import Foundation
import Testing
@testable import PlayhubKit

/// `playhub build` keeps a snapshot in `.playhub-cache/` beside the output folder: a rebuild
/// after editing only playbook bodies renders just those pages, yet the output folder ends up
/// byte for byte what a clean build writes. Every other change rebuilds in full.
@Suite struct CachedRebuildTests {
    /// A build as `playhub build` runs it: with the cache on disk.
    @discardableResult
    func build(_ site: SiteFixture, output: String = "public") -> BuildResult {
        var options = BuildOptions(siteDir: site.root, outputDir: output, jobs: 2)
        options.persistentCache = true
        let result = Builder.build(options)
        #expect(result.succeeded, "\(result.diagnostics)")
        return result
    }

    /// Every file of `public/` against a clean build without a cache, byte by byte.
    func expectSameAsClean(_ site: SiteFixture, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let clean = site.root.appendingPathComponent("clean")
        try? FileManager.default.removeItem(at: clean)
        let result = Builder.build(BuildOptions(siteDir: site.root, outputDir: "clean", jobs: 1))
        #expect(result.succeeded, sourceLocation: sourceLocation)
        let cleanFiles = site.outputFiles(in: "clean")
        #expect(!cleanFiles.isEmpty, sourceLocation: sourceLocation)
        #expect(site.outputFiles() == cleanFiles, sourceLocation: sourceLocation)
        for path in cleanFiles {
            let expected = try? Data(contentsOf: clean.appendingPathComponent(path))
            #expect(expected == (try? Data(contentsOf: site.output.appendingPathComponent(path))), "\(path)", sourceLocation: sourceLocation)
        }
    }

    func pageCount(_ result: BuildResult) -> Int { result.pagesByKind.values.reduce(0, +) }

    let priceTestEdited = SmallHub.priceTest(body: """
        Change one price at a time, and **write down why** before you start.

        ## Afterwards

        Compare the two weeks.
        """)

    @Test func theCacheLivesInTheSiteFolderAndNothingChangedRendersNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let first = build(site)
        #expect(first.renderedPages == pageCount(first))
        let cache = site.root.appendingPathComponent(".playhub-cache")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted() == ["public.graph", "public.state"])
        #expect(!site.outputFiles().contains { $0.contains("playhub-cache") })

        let second = build(site)
        #expect(second.renderedPages == 0)
        #expect(second.writeReport?.written == 0)
        #expect(second.writeReport?.removed == 0)
        #expect(second.summary.contains("(0 rendered again, the rest unchanged)"))
        #expect(second.pagesByKind == first.pagesByKind)
        expectSameAsClean(site)
    }

    @Test func editingABodyRendersOnlyThatPlaybooksPage() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        build(site)
        try site.write("content/playbooks/price-test.md", priceTestEdited)
        let rebuilt = build(site)
        #expect(rebuilt.renderedPages == 1)
        // The page, and the search index's manifest and term shards that hold its new words.
        #expect((rebuilt.writeReport?.written ?? 0) > 1)
        #expect(try SearchQuery(output: site.output).titles(SearchQuery(output: site.output).run("afterwards").documents) == ["Price Test"])
        site.expectFile("playbooks/price-test/index.html", "<strong>write down why</strong>", "id=\"afterwards\"")
        expectSameAsClean(site)

        // A file edited in the instant before the build read it is read again next time;
        // once it is old enough it is left alone.
        site.backdate("content/playbooks/price-test.md")
        let reread = build(site)
        #expect(reread.renderedPages == 1 && reread.writeReport?.written == 0)
        #expect(build(site).renderedPages == 0)
        expectSameAsClean(site)
    }

    @Test func aChangedFileBesideTheTextIsCopiedAgain() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/growth/img/chart.png": "PNG-1"])
        site.backdate()
        build(site)
        try site.write("content/playbooks/growth/img/chart.png", "PNG-2")
        let rebuilt = build(site)
        #expect(site.read("playbooks/growth/img/chart.png") == "PNG-2")
        #expect(rebuilt.renderedPages == 0, "no page shows the file's bytes")
        expectSameAsClean(site)
    }

    @Test func aBodyEditThatFixesABrokenLinkTakesItsWarningAway() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/playbooks/price-test.md": SmallHub.priceTest(body: "See [the audit](growth/seo-audti.md).\n")])
        site.backdate()
        let first = build(site)
        #expect(first.diagnostics.warnings.filter { $0.code == .brokenLink }.count == 1)
        try site.write("content/playbooks/price-test.md", SmallHub.priceTest(body: "See [the audit](growth/seo-audit.md).\n"))
        let fixed = build(site)
        #expect(fixed.renderedPages == 1)
        #expect(fixed.diagnostics.warnings.filter { $0.code == .brokenLink }.isEmpty, "\(fixed.diagnostics)")
        site.expectFile("playbooks/price-test/index.html", #"<a href="/playbooks/seo-audit/">the audit</a>"#)
        try site.write("content/playbooks/price-test.md", SmallHub.priceTest(body: "See [the audit](growth/seo-audit.md#nope).\n"))
        let broken = build(site)
        #expect(broken.renderedPages == 1)
        #expect(broken.diagnostics.warnings.filter { $0.code == .brokenLink }.map(\.message)
                == ["broken link 'growth/seo-audit.md#nope': /playbooks/seo-audit/ has no heading or element with id 'nope'"])
        expectSameAsClean(site)
    }

    @Test func editingATitleRendersThePagesThatShowIt() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let first = build(site)
        try site.write("content/playbooks/price-test.md", priceTestEdited.replacingOccurrences(of: "\"Price Test\"", with: "\"Price Experiment\""))
        let rebuilt = build(site)
        // Its page, its tag, category and list pages, home, the pages listing it as related.
        #expect(rebuilt.renderedPages > 3 && rebuilt.renderedPages < pageCount(first), "\(rebuilt.renderedPages) of \(pageCount(first))")
        site.expectFile("tags/pricing/index.html", "Price Experiment")
        expectSameAsClean(site)
    }

    @Test func aChangedSummaryFromTheBodyRendersTheCardsThatShowIt() throws {
        // keyword-research has no `summary:`: its first paragraph is the summary cards show.
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let first = build(site)
        let path = "content/playbooks/growth/keyword-research.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "Keyword research tells you", with: "Keyword research shows you"))
        let rebuilt = build(site)
        #expect(rebuilt.renderedPages > 1 && rebuilt.renderedPages < pageCount(first), "\(rebuilt.renderedPages) of \(pageCount(first))")
        site.expectFile("tags/seo/index.html", "Keyword research shows you")
        expectSameAsClean(site)
    }

    @Test func addingAndRemovingRenderWhatListsThemAndConfigurationEverything() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        build(site)
        try site.write("content/playbooks/new-one.md", "---\ntitle: \"New One\"\ntags: [seo]\ndate: 2025-01-01\nupdated: 2025-01-01\n---\n\nNew.\n")
        let added = build(site)
        #expect(added.renderedPages > 1 && added.renderedPages < pageCount(added), "\(added.renderedPages) of \(pageCount(added))")
        #expect(site.exists("playbooks/new-one/index.html"))
        expectSameAsClean(site)
        try site.remove("content/playbooks/operations/hiring-loop.md")
        let removed = build(site)
        #expect(removed.renderedPages > 1 && removed.renderedPages < pageCount(removed), "\(removed.renderedPages) of \(pageCount(removed))")
        #expect(!site.exists("playbooks/hiring-loop/index.html"))
        expectSameAsClean(site)
        try site.write("templates/partials/card.mustache", "<li class=\"card\"><a href=\"{{url}}\">{{title}}</a> (custom)</li>\n")
        let retemplated = build(site)
        #expect(retemplated.renderedPages == pageCount(retemplated))
        site.expectFile("tags/seo/index.html", "(custom)")
        expectSameAsClean(site)
        let config = try String(contentsOf: site.root.appendingPathComponent("site.json"), encoding: .utf8)
        try site.write("site.json", config.replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"The "))
        let reconfigured = build(site)
        #expect(reconfigured.renderedPages == pageCount(reconfigured))
        expectSameAsClean(site)
    }

    @Test func pagesChangedOrRemovedInTheOutputAreWrittenAgain() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        build(site)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("tags/seo/index.html"))
        try Data("tampered".utf8).write(to: site.output.appendingPathComponent("playbooks/price-test/index.html"))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("sitemap.xml"))
        try Data("body{}".utf8).write(to: site.output.appendingPathComponent("style.css"))
        let repaired = build(site)
        #expect(repaired.renderedPages == 2)
        #expect(site.exists("sitemap.xml"))
        expectSameAsClean(site)
    }

    @Test func filesAddedToTheOutputByHandAreLeftInPlaceAndCounted() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        build(site)
        let made = site.outputFiles()
        try Data("stray".utf8).write(to: site.output.appendingPathComponent("extra.html"))
        try Data("notes".utf8).write(to: site.output.appendingPathComponent("tags/seo/notes.txt"))
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("drafts/old"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: site.output.appendingPathComponent("drafts/old/index.html"))
        let rebuilt = build(site)
        #expect(rebuilt.renderedPages == 0)
        #expect(rebuilt.writeReport?.removed == 0)
        #expect(rebuilt.writeReport?.foreign == 3)
        #expect(rebuilt.summary.contains("; 3 files not made by playhub left in place"), "\(rebuilt.summary)")
        #expect(site.read("drafts/old/index.html") == "old")
        #expect(Set(site.outputFiles()) == Set(made + ["extra.html", "tags/seo/notes.txt", "drafts/old/index.html"]))
        // Counted again by the next rebuild, from the snapshot, and by a full one.
        #expect(build(site).writeReport?.foreign == 3)
        #expect(site.build().writeReport?.foreign == 3)
    }

    @Test func aDraftsBodyChangesNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        build(site)
        let path = "content/playbooks/old-draft.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text + "\nMore work in progress.\n")
        let rebuilt = build(site)
        #expect(rebuilt.renderedPages == 0)
        #expect(rebuilt.writeReport?.written == 0)
        expectSameAsClean(site)
    }

    @Test func anEditThatBreaksTheBuildWritesNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        build(site)
        let before = site.read("playbooks/price-test/index.html")
        try site.write("content/playbooks/price-test.md", priceTestEdited.replacingOccurrences(of: "tags: [\"pricing\", \"seo\"]", with: "tags: [\"pricing\", \"sep\"]"))
        var options = BuildOptions(siteDir: site.root, jobs: 2)
        options.persistentCache = true
        let failed = Builder.build(options)
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.errors.contains { $0.message.contains("unknown tag 'sep'") }, "\(failed.diagnostics)")
        #expect(site.read("playbooks/price-test/index.html") == before)
        try site.write("content/playbooks/price-test.md", priceTestEdited)
        build(site)
        expectSameAsClean(site)
    }

    @Test func aDamagedOrForeignCacheIsIgnored() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let first = build(site)
        let state = site.root.appendingPathComponent(".playhub-cache/public.state")
        var bytes = try Data(contentsOf: state)
        bytes.removeLast(bytes.count / 3)
        try bytes.write(to: state)
        try site.write("content/playbooks/price-test.md", priceTestEdited)
        #expect(build(site).renderedPages == pageCount(first))
        expectSameAsClean(site)

        let graph = site.root.appendingPathComponent(".playhub-cache/public.graph")
        try Data(repeating: 0x7f, count: 4096).write(to: graph)
        // The graph is not trusted, the content is read again; the pages are as the last
        // build left them (their keys are in the state).
        #expect(build(site).renderedPages == 0)
        expectSameAsClean(site)

        // An edit that keeps every length (a title's letters changed in place) fails the
        // checksum: the build reads all the content and publishes what it says.
        build(site)
        var graphBytes = try Data(contentsOf: graph)
        let title = Data("Price Test".utf8)
        let at = try #require(graphBytes.range(of: title))
        graphBytes.replaceSubrange(at, with: Data("Price Tost".utf8))
        try graphBytes.write(to: graph)
        try site.write("content/playbooks/price-test.md", priceTestEdited + "\nOne more line.\n")
        #expect(build(site).renderedPages == 1)
        #expect(site.read("index.html")?.contains("Price Tost") == false)
        expectSameAsClean(site)
    }

    @Test func theCacheOfAnOutputElsewhereStaysInTheSiteFolder() throws {
        let site = try SiteFixture(SmallHub.text)
        let web = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-www-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: web) }
        let output = web.appendingPathComponent("hub")
        var options = BuildOptions(siteDir: site.root, outputDir: output.path, jobs: 2)
        options.persistentCache = true
        #expect(Builder.build(options).succeeded)
        #expect(try FileManager.default.contentsOfDirectory(atPath: web.path) == ["hub"]) // nothing beside the output
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".playhub-cache").path)
        #expect(names.count == 2 && names.allSatisfy { $0.hasPrefix("hub-") }, "\(names)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".playhub-cache").path))
    }

    @Test func theCacheIsNeverWrittenThroughALink() throws {
        let site = try SiteFixture(SmallHub.text)
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent(".playhub-cache"), withDestinationURL: elsewhere)
        build(site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(site.exists("index.html"))
    }

    @Test func aCacheFolderOthersCanWriteIsNeitherReadNorWritten() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let first = build(site)
        let folder = site.root.appendingPathComponent(".playhub-cache")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let before = try Data(contentsOf: folder.appendingPathComponent("public.state"))
        #expect(build(site).renderedPages == pageCount(first)) // not trusted: a full build
        #expect(try Data(contentsOf: folder.appendingPathComponent("public.state")) == before) // and not written
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        build(site)
        #expect(build(site).renderedPages == 0)
    }

    @Test func buildWithoutTheCacheNeitherReadsNorWritesIt() throws {
        let site = try SiteFixture(SmallHub.text)
        let result = site.build()
        #expect(result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".playhub-cache").path))
    }
}
