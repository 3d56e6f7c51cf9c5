import Foundation
import Testing
@testable import PlayhubKit
@testable import PlayhubCLI

/// SPEC §6: what a deploy pipeline relies on.
@Suite struct SafetyTests {
    /// path → bytes and modification time of every output file.
    func manifest(_ site: SiteFixture) throws -> [String: (Data, Date)] {
        var result: [String: (Data, Date)] = [:]
        for path in site.outputFiles() {
            let url = site.output.appendingPathComponent(path)
            let mtime = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
            result[path] = (try Data(contentsOf: url), mtime)
        }
        return result
    }

    @Test func failedBuildLeavesThePreviousOutputByteForByte() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let before = try manifest(site)
        try site.write("content/playbooks/price-test.md", "---\ntitle: \"Changed\"\ntags: [pricing]\n---\n\nChanged.\n")
        try site.write("content/tags/broken.md", "---\ntitle: \"Broken\"\n---\n")
        try site.remove("content/playbooks/operations/hiring-loop.md")
        #expect(!site.build().succeeded)
        let after = try manifest(site)
        #expect(Set(after.keys) == Set(before.keys))
        for (path, (data, mtime)) in before {
            #expect(after[path]?.0 == data, "\(path) changed")
            #expect(after[path]?.1 == mtime, "\(path) was touched")
        }
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in site.outputFiles() {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: site.output.appendingPathComponent(path).path)
        }
        try site.write("content/playbooks/operations/hiring-loop.md",
                       "---\ntitle: \"Hiring Loop\"\nsummary: \"A structured interview loop.\"\ntags: [\"hiring\"]\ndate: 2024-03-01\nupdated: 2024-03-05\nweight: 1\n---\n\nInterview with a scorecard and a debrief.\n")
        let result = site.build()
        #expect(result.succeeded)
        let changed = try manifest(site).filter { $0.value.1 != old }.keys.sorted()
        // Its page, and the search shard that gains "debrief".
        #expect(changed == ["playbooks/hiring-loop/index.html", "search/index/terms-0.json"])
        #expect(result.writeReport == OutputWriter.Report(written: 2, unchanged: site.outputFiles().count - 2, removed: 0))
    }

    @Test func noTemporaryFilesAreLeftBehind() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        #expect(site.build(baseURL: "https://example.org/other/").succeeded)
        #expect(site.outputFiles().filter { $0.contains("playhub-tmp") } == [])
    }

    @Test func outputFoldersThatMustNeverBeWrittenAreRefused() throws {
        let site = try SiteFixture(SmallHub.text, files: ["static/logo.txt": "logo", "templates/.keep": "", "themes/mine/static/a.css": "a"])
        let refused = [site.root.path, site.root.deletingLastPathComponent().path, "/",
                       FileManager.default.homeDirectoryForCurrentUser.path,
                       site.root.appendingPathComponent("content").path, site.root.appendingPathComponent("content/playbooks/out").path,
                       site.root.appendingPathComponent("static").path, site.root.appendingPathComponent("templates/out").path,
                       site.root.appendingPathComponent("themes").path]
        for output in refused {
            let result = site.build(output: output)
            #expect(result.diagnostics.items.map(\.code) == [.unsafeOutput], "\(output)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("static/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/index.html").path))
    }

    @Test func symlinksInTheOutputFolderAreNeverFollowedOut() throws {
        let site = try SiteFixture(SmallHub.text)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-victim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("keep me".utf8).write(to: outside.appendingPathComponent("index.html"))
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        // A folder the build writes into, and a link it did not make, both lead out.
        try FileManager.default.createSymbolicLink(at: site.output.appendingPathComponent("tags"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: site.output.appendingPathComponent("stale.html"), withDestinationURL: outside.appendingPathComponent("index.html"))
        #expect(site.build().succeeded)
        #expect(try String(contentsOf: outside.appendingPathComponent("index.html"), encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["index.html"])
        #expect(site.exists("tags/seo/index.html"))
        // Not playhub's: left in place, and still leading where it led.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.appendingPathComponent("stale.html").path)
            == outside.appendingPathComponent("index.html").path)
    }
}
