import Foundation
import PlayhubTestSupport
import Testing
@testable import PlayhubKit

/// A site written into a fresh temporary folder from hugo-style text:
///
///     -- site.json --
///     {"title": "Hub", "baseURL": "https://example.org/"}
///     -- content/tags/seo.md --
///     ...
///
/// `build()` runs the real build in process; the assertions read the files it wrote.
final class SiteFixture {
    let root: URL

    init(_ text: String, files extra: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var files = SiteFixture.parse(text)
        for (path, content) in extra { files[path] = content }
        for (path, content) in files where !content.isEmpty || !path.hasSuffix("/") {
            try write(path, content)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Splits `-- path --` sections (`TextSite`); a trailing blank line is dropped.
    static func parse(_ text: String) -> [String: String] {
        TextSite.parse(text).mapValues { $0.replacingOccurrences(of: "\n\n$", with: "\n", options: .regularExpression) }
    }

    func write(_ path: String, _ content: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    /// Sets the site's files (all but the output, or just `paths`) a minute into the past, as
    /// files edited a while before a build are; a build treats files changed in the instant
    /// before it reads them as possibly changing still.
    func backdate(_ paths: String...) {
        let past = Date().addingTimeInterval(-60)
        var urls = paths.map { root.appendingPathComponent($0) }
        if paths.isEmpty, let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            urls = files.compactMap { $0 as? URL }.filter { !$0.path.contains("/public/") && !$0.path.contains("/.playhub-cache/") }
        }
        for url in urls { try? FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path) }
    }

    @discardableResult
    func build(drafts: Bool = false, baseURL: String? = nil, output: String? = nil, jobs: Int = 2) -> BuildResult {
        Builder.build(BuildOptions(siteDir: root, outputDir: output, baseURL: baseURL, includeDrafts: drafts, jobs: jobs))
    }

    // MARK: - Reading the output

    var output: URL { root.appendingPathComponent("public") }

    func read(_ path: String) -> String? {
        (try? Data(contentsOf: output.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) }

    /// Every file below the output folder, relative and sorted, but for playhub's own record
    /// of what it wrote (`.playhub-manifest`, checked by the ownership tests).
    func outputFiles(in folder: String? = nil) -> [String] {
        let output = folder.map { root.appendingPathComponent($0) } ?? output
        guard let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = output.resolvingSymlinksInPath().path + "/"
        return enumerator.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { return nil }
            return String(url.resolvingSymlinksInPath().path.dropFirst(prefix.count))
        }.filter { $0 != ".playhub-manifest" }.sorted()
    }

    /// Every output file's bytes by path (`folder`: another output folder of the site).
    func outputBytes(in folder: String? = nil) -> [String: Data] {
        let base = folder.map { root.appendingPathComponent($0) } ?? output
        var bytes: [String: Data] = [:]
        for path in outputFiles(in: folder) { bytes[path] = try? Data(contentsOf: base.appendingPathComponent(path)) }
        return bytes
    }

    /// One expectation per line: the file contains it, or with a leading `! ` it must not.
    func expectFile(_ path: String, _ expectations: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let text = read(path) else {
            Issue.record("\(path) was not written", sourceLocation: sourceLocation)
            return
        }
        for expectation in expectations {
            if expectation.hasPrefix("! ") {
                let needle = String(expectation.dropFirst(2))
                #expect(!text.contains(needle), "\(path) must not contain \(needle)", sourceLocation: sourceLocation)
            } else {
                #expect(text.contains(expectation), "\(path) should contain \(expectation)", sourceLocation: sourceLocation)
            }
        }
    }
}

