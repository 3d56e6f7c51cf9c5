import Foundation
import Testing
@testable import PlayhubKit

/// Default `date` and `updated` from git's committer dates (SPEC §1), read in one pass.
@Suite struct GitDatesTests {
    /// Runs git in the site folder with fixed author and committer dates.
    func git(_ site: SiteFixture, _ arguments: [String], committed: String? = nil, authored: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", site.root.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Test"; environment["GIT_AUTHOR_EMAIL"] = "test@example.org"
        environment["GIT_COMMITTER_NAME"] = "Test"; environment["GIT_COMMITTER_EMAIL"] = "test@example.org"
        if let committed { environment["GIT_COMMITTER_DATE"] = committed }
        if let authored { environment["GIT_AUTHOR_DATE"] = authored }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// A hub whose playbooks set no dates, committed twice at known dates.
    func repository() throws -> SiteFixture {
        let undated = SmallHub.text.replacingOccurrences(of: #"\n(date|updated): \d{4}-\d\d-\d\d"#, with: "", options: .regularExpression)
        let site = try SiteFixture(undated)
        try git(site, ["init", "-q"])
        try git(site, ["add", "."])
        // The author date is older and must be ignored: rebases and amends keep it.
        try git(site, ["commit", "-q", "-m", "first"], committed: "2023-03-04T12:00:00Z", authored: "2020-01-01T00:00:00Z")
        try site.write("content/playbooks/price-test.md", "---\ntitle: \"Price Test\"\nsummary: \"Test a price change safely.\"\ntags: [\"pricing\"]\n---\n\nChanged.\n")
        try git(site, ["commit", "-q", "-am", "second"], committed: "2024-09-10T08:00:00Z", authored: "2020-01-01T00:00:00Z")
        return site
    }

    @Test func commitDatesBecomeDateAndUpdated() throws {
        let site = try repository()
        #expect(site.build().succeeded)
        site.expectFile("playbooks/price-test/index.html",
                        #"<time datetime="2023-03-04">March 4, 2023</time>"#, #"<time datetime="2024-09-10">September 10, 2024</time>"#)
        site.expectFile("playbooks/keyword-research/index.html", #"<time datetime="2023-03-04">"#, "! Updated</dt>")
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/playbooks/price-test/</loc><lastmod>2024-09-10</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/playbooks/keyword-research/</loc><lastmod>2023-03-04</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/tags/pricing/</loc><lastmod>2024-09-10</lastmod>"))
        #expect(!sitemap.contains("2020-01-01"))
    }

    @Test func uncommittedEditUsesTheModificationTime() throws {
        let site = try repository()
        let file = site.root.appendingPathComponent("content/playbooks/growth/keyword-research.md")
        try (try String(contentsOf: file, encoding: .utf8) + "\nEdited.\n").write(to: file, atomically: true, encoding: .utf8)
        let saved = ISO8601DateFormatter().date(from: "2025-06-07T10:00:00Z")!
        try FileManager.default.setAttributes([.modificationDate: saved], ofItemAtPath: file.path)
        #expect(site.build().succeeded)
        site.expectFile("playbooks/keyword-research/index.html",
                        #"<time datetime="2023-03-04">March 4, 2023</time>"#, #"<time datetime="2025-06-07">June 7, 2025</time>"#)
    }

    @Test func outsideGitTheModificationTimeIsUsed() throws {
        let undated = SmallHub.text.replacingOccurrences(of: #"\n(date|updated): \d{4}-\d\d-\d\d"#, with: "", options: .regularExpression)
        let site = try SiteFixture(undated)
        let file = site.root.appendingPathComponent("content/playbooks/price-test.md")
        try FileManager.default.setAttributes([.modificationDate: ISO8601DateFormatter().date(from: "2022-02-02T10:00:00Z")!], ofItemAtPath: file.path)
        #expect(site.build().succeeded)
        site.expectFile("playbooks/price-test/index.html", #"<time datetime="2022-02-02">February 2, 2022</time>"#)
    }

    @Test func frontMatterDatesWin() throws {
        let site = try SiteFixture(SmallHub.text)
        try git(site, ["init", "-q"])
        try git(site, ["add", "."])
        try git(site, ["commit", "-q", "-m", "first"], committed: "2025-01-01T00:00:00Z")
        #expect(site.build().succeeded)
        site.expectFile("playbooks/seo-audit/index.html", #"<time datetime="2024-01-10">"#, #"<time datetime="2024-05-01">"#, "! 2025-01-01")
    }
}
