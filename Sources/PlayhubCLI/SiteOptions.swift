import ArgumentParser
import Foundation
import PlayhubKit

/// `--source`, shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder, holding site.json and content/.")
    var source: String = "."

    var siteURL: URL { URL(fileURLWithPath: source).standardizedFileURL }

    func validate() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteURL.path, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("the source folder '\(source)' does not exist")
        }
    }
}

/// Prints a build's diagnostics as `file:line:column: error: message (hint)`, sorted.
enum DiagnosticPrinter {
    static func print(_ diagnostics: Diagnostics, to console: Console) {
        for diagnostic in diagnostics.sorted { console.err(diagnostic.description) }
        let errors = diagnostics.errors.count
        guard errors > 0 else { return }
        let failedWrite = diagnostics.errors.contains { $0.code == .writeFailed }
        console.err("\(errors) error\(errors == 1 ? "" : "s"); " + (failedWrite ? "the output folder was left as it was" : "nothing was written"))
    }
}
