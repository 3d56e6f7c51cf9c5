import Foundation
import Testing
@testable import PlayhubKit

/// The search page's split index as a build writes it (`/search/index/`), and what a query
/// over it fetches and ranks.
@Suite struct SearchIndexBuildTests {
    func built(baseURL: String? = nil) throws -> SiteFixture {
        let site = try SiteFixture(SmallHub.text)
        let result = Builder.build(BuildOptions(siteDir: site.root, baseURL: baseURL, jobs: 2))
        #expect(result.succeeded, "\(result.diagnostics)")
        return site
    }

    @Test func theIndexIsAManifestTermShardsAndMetadataChunks() throws {
        let site = try built()
        let files = site.outputFiles().filter { $0.hasPrefix("search/") }.sorted()
        #expect(files == ["search/index.html", "search/index/docs-0.json", "search/index/manifest.json", "search/index/terms-0.json"])
        #expect(!site.exists("search-index.json"))
        let chunk = try JSONSerialization.jsonObject(with: Data(site.read("search/index/docs-0.json")!.utf8)) as! [[String]]
        // Every published playbook, in list order (featured first, then weight, then newest).
        #expect(chunk.map { $0[1] } == ["/playbooks/seo-audit/", "/playbooks/hiring-loop/", "/playbooks/keyword-research/", "/playbooks/price-test/"])
        #expect(chunk[0] == ["SEO <Audit> & Fixes", "/playbooks/seo-audit/", "Find and fix what keeps pages out of search.", "Growth"])
        let manifest = try #require(site.read("search/index/manifest.json"))
        #expect(manifest.contains(#""documents":4,"chunkSize":20,"#))
        #expect(manifest.contains(#""weights":{"title":4,"terms":3,"summary":2,"body":1}"#))
        site.expectFile("search/index.html", #"data-index="/search/index/""#, "<noscript>", "search.js", #"id="search-more""#)
    }

    @Test func queriesRankTitleThenTermsThenSummaryThenBody() throws {
        let site = try built()
        let query = try SearchQuery(output: site.output)
        func titles(_ text: String) throws -> [String] { try query.titles(query.run(text).documents) }
        // A tool's name; ties keep list order.
        #expect(try titles("analytics") == ["SEO <Audit> & Fixes", "Price Test"])
        // The summary outranks the body.
        #expect(try titles("search") == ["SEO <Audit> & Fixes", "Keyword Research"])
        // The last word is a prefix: the title "Price" outranks the tag "Pricing".
        #expect(try titles("pric") == ["Price Test", "SEO <Audit> & Fixes"])
        #expect(try titles("analytics pric") == ["Price Test", "SEO <Audit> & Fixes"])
        // Only in a body; every word must match.
        #expect(try titles("scorecard") == ["Hiring Loop"])
        #expect(try titles("scorecard pricing").isEmpty)
        #expect(try titles("Interviewing").isEmpty)
        #expect(try query.run("interview", prefix: false).documents.count == 1)
    }

    @Test func underABasePathTheIndexAndItsLinksCarryIt() throws {
        let site = try built(baseURL: "https://example.org/hub/")
        site.expectFile("search/index.html", #"data-index="/hub/search/index/""#, #"src="/hub/search.js""#)
        site.expectFile("search/index/docs-0.json", #""/hub/playbooks/seo-audit/""#)
    }

    @Test func theSameSiteWritesTheSameIndexBytes() throws {
        let one = try built(), two = try built()
        for path in one.outputFiles() where path.hasPrefix("search/index/") {
            #expect(one.read(path) == two.read(path), "\(path)")
        }
    }
}
