import Foundation
import Testing
@testable import PlayhubKit

/// Rebuilds through a `BuildCache` kept in memory (as `serve` makes them) reuse what did not
/// change and still write exactly what a clean build writes.
@Suite struct IncrementalBuildTests {
    func build(_ site: SiteFixture, cache: BuildCache?, output: String) -> BuildResult {
        var options = BuildOptions(siteDir: site.root, outputDir: output, jobs: 2)
        options.cache = cache
        let result = Builder.build(options)
        #expect(result.succeeded, "\(result.diagnostics)")
        return result
    }

    /// Builds incrementally into `public/` and cleanly into `clean/`, and compares every file.
    @discardableResult
    func expectSameAsClean(_ site: SiteFixture, cache: BuildCache, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildResult {
        let incremental = build(site, cache: cache, output: "public")
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("clean"))
        _ = build(site, cache: nil, output: "clean")
        let clean = site.outputBytes(in: "clean")
        #expect(site.outputFiles() == clean.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in clean {
            let onDisk = try? Data(contentsOf: site.output.appendingPathComponent(path))
            #expect(onDisk == bytes, "\(path)", sourceLocation: sourceLocation)
        }
        return incremental
    }

    @Test func nothingChangedRendersNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let cache = BuildCache()
        let first = build(site, cache: cache, output: "public")
        #expect(first.renderedPages == first.pagesByKind.values.reduce(0, +))
        let second = build(site, cache: cache, output: "public")
        #expect(second.renderedPages == 0)
        #expect(second.writeReport?.written == 0)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".playhub-cache").path)) // memory only
    }

    @Test func editingABodyRerendersOnlyThatPlaybook() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let cache = BuildCache()
        _ = build(site, cache: cache, output: "public")
        try site.write("content/playbooks/price-test.md", SmallHub.priceTest(body: "Change one price at a time, and write down why.\n"))
        let rebuilt = expectSameAsClean(site, cache: cache)
        #expect(rebuilt.renderedPages == 1)
        site.expectFile("playbooks/price-test/index.html", "write down why")
    }

    @Test func editingATitleReusesTheParsesAndPagesThatDidNotChange() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let cache = BuildCache()
        let first = build(site, cache: cache, output: "public")
        try site.write("content/tags/pricing.md", "---\ntitle: \"Pricing Strategy\"\ncategory: \"growth\"\ndescription: \"Setting and testing prices.\"\n---\n")
        let rebuilt = expectSameAsClean(site, cache: cache)
        #expect(cache.reusedDocuments == 10) // every content file but the tag
        // The pages that name the tag, not e.g. the hiring pages, which show no pricing tag.
        #expect(rebuilt.renderedPages > 0 && rebuilt.renderedPages < first.renderedPages / 2,
                "\(rebuilt.renderedPages) of \(first.renderedPages)")
        site.expectFile("playbooks/price-test/index.html", "Pricing Strategy")
        site.expectFile("tags/seo/index.html", "Pricing Strategy")
    }

    @Test func addingAndRemovingPlaybooksAndChangingTemplates() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let cache = BuildCache()
        _ = build(site, cache: cache, output: "public")
        try site.write("content/playbooks/new-one.md", "---\ntitle: \"New One\"\ntags: [seo]\ndate: 2025-01-01\nupdated: 2025-01-01\n---\n\nNew.\n")
        try site.remove("content/playbooks/operations/hiring-loop.md")
        expectSameAsClean(site, cache: cache)
        try site.write("templates/partials/card.mustache", "<li class=\"card\"><a href=\"{{url}}\">{{title}}</a> (custom)</li>\n")
        let templated = expectSameAsClean(site, cache: cache)
        #expect(templated.renderedPages == templated.pagesByKind.values.reduce(0, +))
        site.expectFile("tags/seo/index.html", "(custom)")
    }
}
