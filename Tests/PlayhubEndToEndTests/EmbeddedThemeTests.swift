import Foundation
import Testing
@testable import PlayhubKit

/// The default theme compiled into playhub must be the one in themes/default.
@Test func embeddedThemeMatchesThemesDefault() throws {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = repository.appendingPathComponent("themes/default")
    let onDisk = Theme.collectFiles(in: folder)
    #expect(!onDisk.isEmpty)
    #expect(Set(onDisk.keys) == Set(EmbeddedTheme.files.keys), "run scripts/embed-theme.sh (make theme)")
    for (path, data) in onDisk {
        #expect(EmbeddedTheme.files[path] == data, "\(path) differs: run scripts/embed-theme.sh (make theme)")
    }
}
