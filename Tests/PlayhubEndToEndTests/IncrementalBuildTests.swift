import Foundation
import Testing
@testable import PlayhubKit

/// Rebuilds through a `BuildCache` (as `serve` makes them) reuse what did not change and
/// still write exactly what a clean build writes.
@Suite struct IncrementalBuildTests {
    func build(_ site: SiteFixture, cache: BuildCache?, output: String) -> BuildResult {
        var options = BuildOptions(siteDir: site.root, outputDir: output, jobs: 2)
        options.cache = cache
        let result = Builder.build(options)
        #expect(result.succeeded, "\(result.diagnostics)")
        return result
    }

    /// Builds incrementally into `public/` and cleanly into `clean/`, and compares every file.
    func expectSameAsClean(_ site: SiteFixture, cache: BuildCache, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let incremental = build(site, cache: cache, output: "public")
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("clean"))
        let clean = build(site, cache: nil, output: "clean")
        #expect(incremental.files.map(\.path) == clean.files.map(\.path), sourceLocation: sourceLocation)
        for (a, b) in zip(incremental.files, clean.files) where a.data != b.data {
            Issue.record("\(a.path) differs from a clean build", sourceLocation: sourceLocation)
        }
        for path in site.outputFiles() {
            let onDisk = try? Data(contentsOf: site.root.appendingPathComponent("clean/\(path)"))
            #expect(onDisk == (try? Data(contentsOf: site.output.appendingPathComponent(path))), "\(path)", sourceLocation: sourceLocation)
        }
    }

    @Test func nothingChangedReusesEverything() throws {
        let site = try SiteFixture(SmallHub.text)
        let cache = BuildCache()
        let first = build(site, cache: cache, output: "public")
        #expect(cache.lastReuse.documents == 0 && cache.lastReuse.pages == 0)
        let second = build(site, cache: cache, output: "public")
        #expect(cache.lastReuse.documents == 11) // every content file of the small hub
        let rendered = first.files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix("guides/") }.count
        #expect(cache.lastReuse.pages == rendered + 4) // every page and the four playbooks' cards
        #expect(second.files == first.files)
        #expect(second.writeReport?.written == 0)
    }

    @Test func editingABodyRerendersOnlyThatPlaybook() throws {
        let site = try SiteFixture(SmallHub.text)
        let cache = BuildCache()
        let first = build(site, cache: cache, output: "public")
        let pages = first.files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix("guides/") }.count
        try site.write("content/playbooks/price-test.md", """
            ---
            title: "Price Test"
            summary: "Test a price change safely."
            tags: ["pricing", "seo"]
            tools: ["Google Analytics"]
            date: 2023-06-01
            updated: 2023-07-01
            ---

            Change one price at a time, and write down why.
            """)
        expectSameAsClean(site, cache: cache)
        // The reused count is from the incremental build (the clean one used no cache).
        #expect(cache.lastReuse.documents == 10)
        #expect(cache.lastReuse.pages == pages + 4 - 1)
    }

    @Test func editingATitleChangesEveryPageThatShowsIt() throws {
        let site = try SiteFixture(SmallHub.text)
        let cache = BuildCache()
        _ = build(site, cache: cache, output: "public")
        try site.write("content/tags/pricing.md", "---\ntitle: \"Pricing Strategy\"\ncategory: \"growth\"\ndescription: \"Setting and testing prices.\"\n---\n")
        expectSameAsClean(site, cache: cache)
        site.expectFile("playbooks/price-test/index.html", "Pricing Strategy")
        site.expectFile("tags/seo/index.html", "Pricing Strategy")
    }

    @Test func addingAndRemovingPlaybooksAndChangingTemplates() throws {
        let site = try SiteFixture(SmallHub.text)
        let cache = BuildCache()
        _ = build(site, cache: cache, output: "public")
        try site.write("content/playbooks/new-one.md", "---\ntitle: \"New One\"\ntags: [seo]\ndate: 2025-01-01\nupdated: 2025-01-01\n---\n\nNew.\n")
        try site.remove("content/playbooks/operations/hiring-loop.md")
        expectSameAsClean(site, cache: cache)
        try site.write("templates/partials/card.mustache", "<li class=\"card\"><a href=\"{{url}}\">{{title}}</a> (custom)</li>\n")
        expectSameAsClean(site, cache: cache)
        #expect(cache.lastReuse.pages == 0)
        site.expectFile("tags/seo/index.html", "(custom)")
    }
}
