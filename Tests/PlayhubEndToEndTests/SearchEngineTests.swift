import Foundation
import Testing
@testable import PlayhubKit

/// Sitemap, robots.txt, Atom feed and search index (SPEC §3).
@Suite struct SearchEngineTests {
    func built(_ extra: [String: String] = [:], baseURL: String? = nil, limits: Sitemap.Limits = .standard) throws -> SiteFixture {
        let site = try SiteFixture(SmallHub.text, files: extra)
        var options = BuildOptions(siteDir: site.root, baseURL: baseURL, jobs: 2)
        options.sitemapLimits = limits
        let result = Builder.build(options)
        #expect(result.succeeded, "\(result.diagnostics)")
        return site
    }

    func locs(_ xml: String) -> [String] { matches(of: "<loc>([^<]+)</loc>", in: xml, group: 1) }

    @Test func sitemapIsValidAndListsEveryPageButRedirectsAnd404() throws {
        let site = try built(["content/pages/hidden.md": "---\ntitle: \"Hidden\"\nsitemap: false\n---\n\nNot listed.\n"])
        #expect(XMLCheck.validate(site.output.appendingPathComponent("sitemap.xml"), schema: "sitemap.xsd") == "")
        let urls = locs(try #require(site.read("sitemap.xml")))
        #expect(Set(urls).count == urls.count, "no URL twice")
        let pages = site.outputFiles().filter { $0.hasSuffix("index.html") && !$0.hasPrefix("guides/") && $0 != "hidden/index.html" }
        let expected = pages.map { "https://example.org/" + $0.dropLast("index.html".count) }
        #expect(Set(urls) == Set(expected))
        #expect(!urls.contains { $0.contains("old-draft") || $0.contains("hidden") || $0.contains("404") || $0.contains("guides") })
        #expect(site.exists("hidden/index.html"))
    }

    @Test func sitemapDatesComeFromTheContent() throws {
        let site = try built()
        let xml = try #require(site.read("sitemap.xml"))
        func lastmod(_ path: String) -> String? {
            matches(of: "<url><loc>https://example.org\(path)</loc><lastmod>([^<]+)</lastmod></url>", in: xml, group: 1).first
        }
        #expect(lastmod("/playbooks/seo-audit/") == "2024-05-01")        // its `updated`
        #expect(lastmod("/playbooks/price-test/") == "2023-07-01")
        #expect(lastmod("/tags/seo/") == "2024-05-01")                   // newest of its playbooks
        #expect(lastmod("/tags/hiring/") == "2024-03-05")
        #expect(lastmod("/categories/operations/") == "2024-03-05")
        #expect(lastmod("/") == "2024-05-01")                            // newest playbook
        #expect(lastmod("/playbooks/page/2/") == "2024-02-15")           // newest of what page 2 lists
        #expect(lastmod("/industries/saas/") == "2024-05-01")
    }

    @Test func sitemapUsesTheBaseURLPath() throws {
        let site = try built(baseURL: "https://example.org/hub/")
        let urls = locs(try #require(site.read("sitemap.xml")))
        #expect(urls.first == "https://example.org/hub/")
        #expect(urls.allSatisfy { $0.hasPrefix("https://example.org/hub/") })
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/hub/sitemap.xml\n")
    }

    @Test func largeSitemapsBecomeAnIndexWithParts() throws {
        let site = try built(limits: Sitemap.Limits(maxURLs: 5, maxBytes: 50 * 1024 * 1024))
        let index = try #require(site.read("sitemap.xml"))
        #expect(index.contains("<sitemapindex"))
        #expect(XMLCheck.validate(site.output.appendingPathComponent("sitemap.xml"), schema: "siteindex.xsd") == "")
        let parts = locs(index)
        #expect(parts == (1...parts.count).map { "https://example.org/sitemap-\($0).xml" })
        var all: [String] = []
        for n in 1...parts.count {
            let part = try #require(site.read("sitemap-\(n).xml"))
            #expect(XMLCheck.validate(site.output.appendingPathComponent("sitemap-\(n).xml"), schema: "sitemap.xsd") == "")
            let urls = locs(part)
            #expect(urls.count <= 5)
            all += urls
            // Each part's lastmod in the index is the newest of its URLs.
            let newest = matches(of: "<lastmod>([^<]+)</lastmod>", in: part, group: 1).max()
            #expect(index.contains("<loc>https://example.org/sitemap-\(n).xml</loc><lastmod>\(newest!)</lastmod>"))
        }
        #expect(Set(all).count == all.count)
        #expect(all.count == 23) // the SEO tag's second page too
        #expect(!site.exists("sitemap-\(parts.count + 1).xml"))
    }

    @Test func sitemapSplitsOnSizeToo() throws {
        let site = try built(limits: Sitemap.Limits(maxURLs: 50_000, maxBytes: 1_000))
        let index = try #require(site.read("sitemap.xml"))
        for n in 1...locs(index).count {
            let part = try #require(site.read("sitemap-\(n).xml"))
            #expect(part.utf8.count <= 1_000)
        }
    }

    @Test func fiftyThousandAndOneURLsNeedTwoParts() throws {
        let plans = (0...50_000).map { i in
            PagePlan(path: .playbook("playbook-\(i)"), content: .playbook(index: i), template: "playbook", kind: "playbook",
                     lastModified: Day(year: 2024, month: 1 + i % 12, day: 1 + i % 28), inSitemap: true)
        }
        let files = Sitemap.files(for: plans, links: LinkBuilder(config: SiteConfig(title: "T", baseURL: "https://example.org/")))
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-sitemap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files { try file.data.write(to: folder.appendingPathComponent(file.path)) }
        #expect(XMLCheck.validate(folder.appendingPathComponent("sitemap.xml"), schema: "siteindex.xsd") == "")
        #expect(XMLCheck.validate(folder.appendingPathComponent("sitemap-1.xml"), schema: "sitemap.xsd") == "")
        #expect(XMLCheck.validate(folder.appendingPathComponent("sitemap-2.xml"), schema: "sitemap.xsd") == "")
        let first = locs(String(decoding: files[1].data, as: UTF8.self)), second = locs(String(decoding: files[2].data, as: UTF8.self))
        #expect(first.count == 50_000)
        #expect(second == ["https://example.org/playbooks/playbook-50000/"])
        #expect(Set(first + second).count == 50_001)
    }

    @Test func robotsNamesTheSitemapAndASiteCanReplaceIt() throws {
        #expect(try built().read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
        #expect(try built(["static/robots.txt": "User-agent: *\nDisallow: /\n"]).read("robots.txt") == "User-agent: *\nDisallow: /\n")
    }

    @Test func feedIsAtomWithTheNewestPlaybooks() throws {
        let site = try built(["site.json": #"{"title": "Test & Hub", "baseURL": "https://example.org/", "feedLimit": 3}"#])
        let data = try #require(site.read("feed.xml")).data(using: .utf8)!
        let feed = try #require(XMLCheck.parse(data), "feed.xml is not well-formed XML")
        #expect(feed.elements.first?.name == "feed")
        #expect(feed.elements.first?.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        let titles = feed.texts["title"] ?? []
        #expect(titles == ["Test & Hub", "Hiring Loop", "Keyword Research", "SEO <Audit> & Fixes"])
        #expect(feed.texts["id"]?.first == "https://example.org/")
        #expect(feed.texts["updated"]?.first == "2024-05-01T00:00:00Z")
        #expect(feed.elements.filter { $0.name == "entry" }.count == 3)
        #expect(feed.elements.contains { $0.name == "link" && $0.attributes["href"] == "https://example.org/playbooks/seo-audit/" })
        #expect((feed.texts["summary"] ?? []).contains("Find and fix what keeps pages out of search."))
        #expect((feed.texts["name"] ?? []).contains("Ana Lima"))
        site.expectFile("index.html", #"<link rel="alternate" type="application/atom+xml" title="Test &amp; Hub" href="/feed.xml">"#)
    }
}
