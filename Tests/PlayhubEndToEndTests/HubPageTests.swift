import Foundation
import Testing
@testable import PlayhubKit

/// The hub pages of SPEC §3 on the small hub, whose every number is known.
@Suite struct HubPageTests {
    func built(_ extra: [String: String] = [:], drafts: Bool = false) throws -> SiteFixture {
        let site = try SiteFixture(SmallHub.text, files: extra)
        let result = site.build(drafts: drafts)
        #expect(result.succeeded, "\(result.diagnostics)")
        return site
    }

    /// Titles of the playbook cards in `html`, in order.
    func cardTitles(_ html: String) -> [String] {
        matches(of: #"<h3 class="card-title"><a href="[^"]+">([^<]+)</a>"#, in: html, group: 1)
    }

    func section(_ html: String, from start: String, to end: String) -> String {
        guard let a = html.range(of: start) else { return "" }
        let rest = html[a.upperBound...]
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }

    @Test func tagPageHasItsSevenPartsInOrder() throws {
        let site = try built()
        let html = try #require(site.read("tags/seo/index.html"))
        let markers = [#"<nav class="breadcrumbs"#, "<h1>SEO Playbooks</h1>", "Last updated", #"id="playbooks-heading""#,
                       #"id="more-heading""#, #"id="faq-heading""#, #"id="why-seo""#, #"id="related-categories-heading""#,
                       #"id="related-tags-heading""#, #"id="industries-heading""#, #"id="tools-heading""#]
        let positions = markers.map { html.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "\(zip(markers, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        site.expectFile("tags/seo/index.html",
            #"<li><a href="/categories/growth/">Growth</a></li>"#, #"<span aria-current="page">SEO</span>"#,
            #"Last updated <time datetime="2024-05-01">May 1, 2024</time>"#,
            "There are 3 SEO playbooks. SEO belongs to Growth.",
            "! Unfinished Draft")
    }

    @Test func tagPageListsFeaturedThenWeightThenNewest() throws {
        let site = try built(["content/playbooks/weighted.md": "---\ntitle: \"Weighted\"\ntags: [seo]\nweight: 5\ndate: 2020-01-01\nupdated: 2020-01-01\n---\n\nW.\n"])
        // Paginated like every list (the small hub's paginate is 2): the order runs on.
        let first = section(try #require(site.read("tags/seo/index.html")), from: #"id="playbooks-heading""#, to: "</section>")
        let second = section(try #require(site.read("tags/seo/page/2/index.html")), from: #"id="playbooks-heading""#, to: "</section>")
        #expect(cardTitles(first) == ["SEO &lt;Audit&gt; &amp; Fixes", "Weighted"])
        #expect(cardTitles(second) == ["Keyword Research", "Price Test"])
        site.expectFile("tags/seo/index.html", "There are 4 SEO playbooks")
    }

    @Test func countsAreSingularAndPlural() throws {
        let site = try built()
        site.expectFile("tags/hiring/index.html", "There is 1 Hiring playbook. Hiring belongs to Operations.", "<p>There is 1 Hiring playbook available.</p>")
        site.expectFile("tags/pricing/index.html", "There are 2 Pricing playbooks. Pricing belongs to Growth.", "<p>There are 2 Pricing playbooks available.</p>")
    }

    @Test func tagFAQIsGeneratedThenOwnAndMatchesItsJSONLD() throws {
        let site = try built()
        let html = try #require(site.read("tags/seo/index.html"))
        let faq = section(html, from: #"id="faq-heading""#, to: "</section>")
        let questions = matches(of: #"<h3 class="faq-q">([^<]+)</h3>"#, in: faq, group: 1)
        #expect(questions == ["What is SEO?", "How many SEO playbooks are available?", "What category does SEO belong to?", "Where do I start?"])
        let answers = matches(of: #"<div class="faq-a">([\s\S]*?)</div>\n"#, in: faq, group: 1)
        #expect(answers == [
            "<p>Search engine optimisation: being found by people who search.</p>",
            "<p>There are 3 SEO playbooks available.</p>",
            #"<p>SEO belongs to the <a href="/categories/growth/">Growth</a> category.</p>"#,
            "<p>With the <strong>SEO audit</strong>.</p>",
        ])
        let ld = try faqJSONLD(html)
        #expect(ld.map(\.0) == questions.map(unescapeHTML))
        // The same answers, their links made absolute for readers away from the page.
        #expect(ld.map(\.1) == answers.map { $0.replacingOccurrences(of: "href=\"/", with: "href=\"https://example.org/") })
    }

    @Test func relatedBlocksOnTheTagPage() throws {
        let site = try built()
        let seo = try #require(site.read("tags/seo/index.html"))
        func links(_ heading: String, in html: String) -> [String] {
            matches(of: #"<li><a href="[^"]+">([^<]+)</a> <span class="count">([^<]+)</span>"#,
                    in: section(html, from: #"id="\#(heading)""#, to: "</section>"), group: 0)
                .map { matches(of: #">([^<]+)</a> <span class="count">([^<]+)<"#, in: $0, group: 1)[0] + " " + matches(of: #"class="count">([^<]+)<"#, in: $0, group: 1)[0] }
        }
        #expect(links("related-categories-heading", in: seo) == ["Operations 1 playbook"])
        #expect(links("related-tags-heading", in: seo) == ["Pricing 2 playbooks"])
        #expect(links("industries-heading", in: seo) == ["SaaS 2 playbooks"])
        #expect(links("tools-heading", in: seo) == ["Google Analytics 2 playbooks"])
        // Pricing has no `related`: tags sharing its playbooks fill the block.
        let pricing = try #require(site.read("tags/pricing/index.html"))
        #expect(links("related-tags-heading", in: pricing) == ["SEO 3 playbooks"])
        let more = section(seo, from: #"id="more-heading""#, to: "</section>")
        #expect(more.contains(#"<a class="chip" href="/tags/pricing/">Pricing <span class="count">(2)</span></a>"#))
        #expect(!more.contains("/tags/seo/"))
        #expect(more.contains(#"<a href="/categories/growth/">All Growth playbooks →</a>"#))
    }

    @Test func paginationEdges() throws {
        // paginate is 2: four playbooks fill exactly two pages; growth's three need two; operations one.
        let site = try built(["content/categories/empty.md": "---\ntitle: \"Empty\"\ndescription: \"Nothing yet.\"\n---\n"])
        #expect(cardTitles(site.read("playbooks/index.html") ?? "").count == 2)
        #expect(cardTitles(site.read("playbooks/page/2/index.html") ?? "").count == 2)
        #expect(!site.exists("playbooks/page/3/index.html"))
        #expect(cardTitles(site.read("categories/growth/page/2/index.html") ?? "") == ["Price Test"])
        #expect(!site.exists("categories/operations/page/2/index.html"))
        #expect(site.exists("categories/empty/index.html"))
        #expect(cardTitles(site.read("categories/empty/index.html") ?? "").isEmpty)
        site.expectFile("playbooks/page/2/index.html", #"<a class="pager-prev" href="/playbooks/" rel="prev">"#, "! pager-next",
                        #"<link rel="canonical" href="https://example.org/playbooks/page/2/">"#)
        site.expectFile("playbooks/index.html", #"<a class="pager-next" href="/playbooks/page/2/" rel="next">"#, "! pager-prev")
        site.expectFile("categories/operations/index.html", "! class=\"pager\"")
    }

    @Test func exactlyOnePageFull() throws {
        let site = try built(["site.json": #"{"title": "T", "baseURL": "https://example.org/", "paginate": 3}"#])
        #expect(cardTitles(site.read("categories/growth/index.html") ?? "").count == 3)
        #expect(!site.exists("categories/growth/page/2/index.html"))
        site.expectFile("categories/growth/index.html", "! class=\"pager\"")
    }

    @Test func categoryIndustryAndToolPages() throws {
        let site = try built()
        site.expectFile("categories/growth/index.html", "<h1>Growth playbooks</h1>", "Getting and keeping customers.",
                        #"<a class="chip" href="/tags/seo/">SEO <span class="count">(3)</span></a>"#, "Growth playbooks.</p>")
        site.expectFile("industries/saas/index.html", "<h1>SaaS playbooks</h1>", "2 playbooks")
        site.expectFile("tools/google-analytics/index.html", "<h1>Google Analytics playbooks</h1>", "2 playbooks")
        site.expectFile("categories/index.html", #"<a href="/categories/growth/">Growth</a>"#, "3 playbooks")
        site.expectFile("industries/index.html", #"<a href="/industries/saas/">SaaS</a>"#)
        site.expectFile("tools/index.html", #"<a href="/tools/google-analytics/">Google Analytics</a>"#)
        let tags = try #require(site.read("tags/index.html"))
        #expect(matches(of: #"<li><a href="/tags/[^"]+">([^<]+)</a>"#, in: tags, group: 1) == ["Pricing", "SEO", "Hiring"])
    }

    @Test func faqPageGathersEveryTagAndMatchesItsJSONLD() throws {
        let site = try built()
        let html = try #require(site.read("faq/index.html"))
        let questions = matches(of: #"<h4 class="faq-q">([^<]+)</h4>"#, in: html, group: 1)
        #expect(questions.count == 10) // three generated for each of three tags, plus SEO's own
        #expect(questions.contains("Where do I start?"))
        let answers = matches(of: #"<div class="faq-a">([\s\S]*?)</div>\n"#, in: html, group: 1)
        let ld = try faqJSONLD(html)
        #expect(ld.map(\.0) == questions.map(unescapeHTML))
        // The same answers, their links made absolute for readers away from the page.
        #expect(ld.map(\.1) == answers.map { $0.replacingOccurrences(of: "href=\"/", with: "href=\"https://example.org/") })
    }

    @Test func aliasesRedirectToThePlaybook() throws {
        let site = try built()
        site.expectFile("guides/seo-audit/index.html",
                        #"<link rel="canonical" href="https://example.org/playbooks/seo-audit/">"#,
                        #"<meta http-equiv="refresh" content="0; url=https://example.org/playbooks/seo-audit/">"#)
    }

    @Test func aliasThatIsAlreadyAPageIsAnError() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/playbooks/price-test.md": "---\ntitle: \"Price Test\"\ntags: [pricing]\naliases: [\"/playbooks/keyword-research/\"]\n---\n\nB.\n",
        ])
        let result = site.build()
        #expect(result.diagnostics.errors.map(\.description) == [
            "content/playbooks/price-test.md:4:11: error: alias '/playbooks/keyword-research/' is already the URL of a page (remove the alias or change it to an unused path)",
        ])
    }

    @Test func draftsAreAbsentEverywhereUnlessAsked() throws {
        let site = try built()
        for file in site.outputFiles() { site.expectFile(file, "! Unfinished Draft", "! old-draft") }
        site.expectFile("tags/seo/index.html", "There are 3 SEO playbooks")
        let withDrafts = try built(drafts: true)
        withDrafts.expectFile("tags/seo/index.html", "There are 4 SEO playbooks", "Unfinished Draft")
        withDrafts.expectFile("playbooks/old-draft/index.html", "<h1>Unfinished Draft</h1>")
    }

    @Test func everyInternalLinkResolves() throws {
        for baseURL in ["https://example.org/", "https://example.org/hub/"] {
            let site = try SiteFixture(SmallHub.text)
            #expect(site.build(baseURL: baseURL).succeeded)
            let broken = LinkAudit(output: site.output, basePath: URL(string: baseURL)!.path.hasSuffix("/") ? URL(string: baseURL)!.path : URL(string: baseURL)!.path + "/").run(files: site.outputFiles())
            #expect(broken.isEmpty, "\(broken)")
        }
    }

    @Test func everyPageIsReachableFromHome() throws {
        let site = try built()
        var seen: Set<String> = ["index.html"], queue = ["index.html"]
        while let page = queue.popLast() {
            let html = site.read(page) ?? ""
            for link in matches(of: ##"href="(/[^"#]*)"##, in: html, group: 1) {
                var path = String(link.dropFirst())
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                if site.exists(path), seen.insert(path).inserted { queue.append(path) }
            }
        }
        let pages = site.outputFiles().filter { $0.hasSuffix(".html") && $0 != "404.html" && !$0.hasPrefix("guides/") }
        #expect(Set(pages).subtracting(seen).sorted() == [])
    }

    // MARK: - Helpers

    /// (question, answer) pairs of the FAQPage JSON-LD in `html`.
    func faqJSONLD(_ html: String) throws -> [(String, String)] {
        let scripts = matches(of: #"<script type="application/ld\+json">([\s\S]*?)</script>"#, in: html, group: 1)
        for script in scripts {
            let object = try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any]
            guard object?["@type"] as? String == "FAQPage", let entities = object?["mainEntity"] as? [[String: Any]] else { continue }
            return entities.map { ($0["name"] as? String ?? "", ($0["acceptedAnswer"] as? [String: Any])?["text"] as? String ?? "") }
        }
        Issue.record("no FAQPage JSON-LD")
        return []
    }

    func unescapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func pagerListsAWindowAroundTheCurrentPage() throws {
        let site = try SiteFixture(SmallHub.text)
        let graph = try #require(Builder.build(BuildOptions(siteDir: site.root, jobs: 1, writeOutput: false)).graph)
        let factory = ViewFactory(graph: graph)
        let middle = factory.pager(Pagination(itemCount: 100, size: 1), page: 50, base: URLPath("/playbooks/"))
        #expect(middle.pages.map(\.title) == ["48", "49", "50", "51", "52"])
        #expect(middle.first?.url == "/playbooks/" && middle.last?.url == "/playbooks/page/100/")
        #expect(middle.gapBefore && middle.gapAfter)
        let start = factory.pager(Pagination(itemCount: 100, size: 1), page: 2, base: URLPath("/playbooks/"))
        #expect(start.pages.map(\.title) == ["1", "2", "3", "4"])
        #expect(start.first == nil && start.last?.title == "100" && !start.gapBefore && start.gapAfter)
        let near = factory.pager(Pagination(itemCount: 5, size: 1), page: 4, base: URLPath("/playbooks/"))
        #expect(near.pages.map(\.title) == ["2", "3", "4", "5"])
        #expect(near.first?.title == "1" && !near.gapBefore && near.last == nil && !near.gapAfter)
    }
}
