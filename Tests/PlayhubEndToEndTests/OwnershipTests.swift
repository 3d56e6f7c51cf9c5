import Foundation
import Testing
@testable import PlayhubKit

/// SPEC §6, "playhub deletes only what it wrote": the manifest in the output folder, files
/// others put there, files in the way of pages, and `--clean`.
@Suite struct OwnershipTests {
    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func filesPlayhubDidNotWriteSurviveEveryBuildAndAreCounted() throws {
        let site = try SiteFixture(SmallHub.text)
        let theirs = ["CNAME": "playbooks.example.org\n", ".nojekyll": "", ".git/HEAD": "ref: refs/heads/gh-pages\n",
                      "downloads/guide.pdf": "%PDF-1.4"]
        for (path, text) in theirs { try write(text, to: site.output.appendingPathComponent(path)) }
        let first = site.build()
        #expect(first.succeeded)
        #expect(first.writeReport?.foreign == 4)
        #expect(first.writeReport?.removed == 0)
        #expect(first.summary.contains(" 0 removed; 4 files not made by playhub left in place"), "\(first.summary)")
        try site.remove("content/playbooks/operations/hiring-loop.md")
        let second = site.build()
        #expect(second.writeReport?.removed == 1)
        #expect(second.writeReport?.foreign == 4)
        for (path, text) in theirs { #expect(site.read(path) == text, "\(path)") }
        let manifest = try #require(site.read(".playhub-manifest"))
        #expect(manifest.hasPrefix("playhub-manifest 1\nsite \(site.root.path)\n"))
        #expect(manifest.contains("\nindex.html\t"))
        #expect(!manifest.contains("CNAME") && !manifest.contains("hiring-loop"))
    }

    @Test func aPageThatIsGoneIsRemovedUnlessItWasChangedByHand() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        try Data("my notes".utf8).write(to: site.output.appendingPathComponent("playbooks/keyword-research/index.html"))
        try site.remove("content/playbooks/operations/hiring-loop.md")
        try site.remove("content/playbooks/growth/keyword-research.md")
        let result = site.build()
        #expect(result.succeeded)
        #expect(!site.exists("playbooks/hiring-loop/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("playbooks/hiring-loop").path))
        #expect(site.read("playbooks/keyword-research/index.html") == "my notes")
        #expect(result.writeReport?.foreign == 1)
    }

    @Test func aFileNotMadeByPlayhubWhereAPageGoesIsReplacedAndNamed() throws {
        let site = try SiteFixture(SmallHub.text)
        try write("<p>coming soon</p>", to: site.output.appendingPathComponent("index.html"))
        let first = site.build()
        #expect(first.succeeded)
        #expect(first.writeReport?.replaced == ["index.html"])
        #expect(first.summary.hasSuffix("; 1 file not made by playhub replaced by pages: index.html; 1 warning"), "\(first.summary)")
        #expect(site.read("index.html")?.contains("Test Hub") == true)
        #expect(site.build().writeReport?.replaced == []) // playhub's own now
    }

    @Test func somethingNotMadeByPlayhubInTheWayFailsTheBuildAndChangesNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        try write("keep", to: site.output.appendingPathComponent("404.html/keep.txt"))
        try write("a file", to: site.output.appendingPathComponent("categories"))
        let before = FolderState(site.output)
        let result = site.build()
        #expect(!result.succeeded)
        let output = site.output.resolvingSymlinksInPath().path
        let relative = output.hasPrefix(site.root.resolvingSymlinksInPath().path) ? "public" : output
        #expect(result.diagnostics.errors.map(\.description) == [
            "error: cannot write \(relative)/404.html: a folder not made by playhub is where this file must go; move it out of the output folder (the previous site in the output folder was left as it was)",
            "error: cannot write \(relative)/categories: a file not made by playhub is where a folder of pages must go; move it out of the output folder (the previous site in the output folder was left as it was)",
        ])
        #expect(FolderState(site.output) == before)
    }

    @Test func anOldPagesFolderWhereAFileNowGoesIsReplaced() throws {
        // A free page `sitemap-notes` once made `sitemap-notes/index.html`; the folder holds
        // only playhub's file, so a static file of that name may take its place.
        let site = try SiteFixture(SmallHub.text, files: ["content/pages/notes.md": "---\ntitle: \"Notes\"\ndescription: \"Notes.\"\n---\n\nText.\n"])
        #expect(site.build().succeeded)
        #expect(site.exists("notes/index.html"))
        try site.remove("content/pages/notes.md")
        try site.write("static/notes", "plain notes")
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(site.read("notes") == "plain notes")
    }

    @Test func theFilesOfAnotherSitesBuildAreNotThisSitesToRemove() throws {
        let one = try SiteFixture(SmallHub.text)
        let other = try SiteFixture(SmallHub.text.replacingOccurrences(of: "Test Hub", with: "Other Hub"))
        try other.remove("content/playbooks/operations/hiring-loop.md")
        #expect(one.build().succeeded)
        let shared = one.output.path
        let result = other.build(output: shared)
        #expect(result.succeeded)
        #expect(result.diagnostics.warnings.filter { $0.code != .rawHTML }.map(\.message) == [
            "the output folder was last built from another site (\(one.root.path)); its files were left in place"])
        #expect(one.exists("playbooks/hiring-loop/index.html")) // one's page: not other's to remove
        #expect(one.read("index.html")?.contains("Other Hub") == true)
    }

    @Test func cleanRemovesWhatPlayhubDidNotWriteButNeverSweepsARepository() throws {
        let site = try SiteFixture(SmallHub.text)
        try write("old", to: site.output.appendingPathComponent("old/page.html"))
        var options = BuildOptions(siteDir: site.root, jobs: 2)
        options.clean = true
        let cleaned = Builder.build(options)
        #expect(cleaned.succeeded)
        #expect(cleaned.writeReport?.cleaned == 1)
        #expect(cleaned.summary.contains(", 1 not made by playhub removed (--clean)"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("old").path))

        try write("ref: refs/heads/main\n", to: site.output.appendingPathComponent("deploy/.git/HEAD"))
        try write("mine", to: site.output.appendingPathComponent("mine.txt"))
        let before = FolderState(site.output)
        let refused = Builder.build(options)
        #expect(refused.diagnostics.items.map(\.description) == [
            "error: refusing to clean output folder '\(site.output.path)': it holds deploy/.git (--clean removes every file playhub did not write; run the build without it)"])
        #expect(refused.diagnostics.items.map(\.code) == [.unsafeOutput])
        #expect(FolderState(site.output) == before)
    }

    @Test func aFailedFirstBuildLeavesNoOutputFolderBehind() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/tags/broken.md": "---\ntitle: \"Broken\"\n---\n"])
        #expect(!site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
