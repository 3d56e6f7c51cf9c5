import Foundation
import Testing
@testable import PlayhubKit

/// Every count on every page is the number of playbooks a click on it lists: chips, related
/// blocks, tiles and the tag intro, checked against the cards of the page the link leads
/// to, through all its pages.
@Suite struct CountTruthTests {
    /// The small hub plus playbooks whose tags cross categories (an SEO playbook filed under
    /// Operations), and industries and tools shared beyond one tag.
    static let extra: [String: String] = [
        "content/playbooks/ops-seo.md": SmallHub.playbook(
            "title: \"Ops SEO\"\ntags: [\"seo\", \"hiring\"]\ncategory: \"operations\"\nindustries: [\"SaaS\", \"Retail\"]\ntools: [\"Google Analytics\"]"),
        "content/playbooks/retail-hiring.md": SmallHub.playbook(
            "title: \"Retail hiring\"\ntags: [\"hiring\"]\nindustries: [\"Retail\"]\ntools: [\"Google Analytics\", \"Notion\"]"),
        "content/playbooks/saas-pricing.md": SmallHub.playbook(
            "title: \"SaaS pricing\"\ntags: [\"pricing\"]\nindustries: [\"SaaS\"]"),
    ]

    /// Output path of a root-relative link.
    func file(for href: String) -> String {
        let path = String(href.dropFirst())
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// The cards a list page shows, through its later pages.
    func listed(at href: String, in site: SiteFixture) -> Int {
        var total = 0
        var next: String? = href
        var seen = Set<String>()
        while let current = next, seen.insert(current).inserted, let html = site.read(file(for: current)) {
            total += html.components(separatedBy: #"<li class="card"#).count - 1
            next = firstMatch(#"href="([^"]+)" rel="next""#, in: html)
        }
        return total
    }

    func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    @Test func everyCountIsWhatItsLinkLists() throws {
        let site = try SiteFixture(SmallHub.text, files: Self.extra)
        #expect(site.build().succeeded)
        var checked = 0
        for page in site.outputFiles() where page.hasSuffix(".html") {
            let html = site.read(page) ?? ""
            for item in html.components(separatedBy: "<li").dropFirst() where item.contains(#"class="count""#) && !item.hasPrefix(#" class="card"#) {
                let entry = String(item[..<(item.range(of: "</li>")?.lowerBound ?? item.endIndex)])
                guard let href = firstMatch(#"href="(/[^"]*)""#, in: entry),
                      let shown = firstMatch(#"class="count">\(?(\d+)"#, in: entry).flatMap(Int.init) else { continue }
                #expect(shown == listed(at: href, in: site), "\(page): the count \(shown) beside \(href)")
                checked += 1
            }
        }
        #expect(checked >= 38, "the sweep saw the counts: \(checked)")
    }

    @Test func theTagIntroCountsEveryPlaybookWithTheTagAndNamesItsCategoryApart() throws {
        let site = try SiteFixture(SmallHub.text, files: Self.extra)
        #expect(site.build().succeeded)
        // SEO is a Growth tag; one of its four playbooks is filed under Operations.
        site.expectFile("tags/seo/index.html", "There are 4 SEO playbooks. SEO belongs to Growth.",
                        "<p>There are 4 SEO playbooks available.</p>")
        #expect(listed(at: "/tags/seo/", in: site) == 4)
    }

    @Test func tagPagesArePaginatedWithTheirOwnCanonicalPagerAndSitemapEntries() throws {
        let site = try SiteFixture(SmallHub.text, files: Self.extra)
        #expect(site.build().succeeded)
        // paginate 2, four SEO playbooks: two pages.
        site.expectFile("tags/seo/index.html",
            #"<link rel="canonical" href="https://example.org/tags/seo/">"#,
            #"<a class="pager-next" href="/tags/seo/page/2/" rel="next">"#,
            #"id="faq-heading""#, #"id="related-tags-heading""#, #""@type":"FAQPage""#)
        site.expectFile("tags/seo/page/2/index.html",
            "<h1>SEO Playbooks (page 2)</h1>",
            #"<link rel="canonical" href="https://example.org/tags/seo/page/2/">"#,
            #"<a class="pager-prev" href="/tags/seo/" rel="prev">"#,
            "! faq-heading", "! related-tags-heading", "! FAQPage", "! There are 4 SEO playbooks")
        #expect(!site.exists("tags/seo/page/3/index.html"))
        site.expectFile("sitemap.xml", "<loc>https://example.org/tags/seo/</loc>", "<loc>https://example.org/tags/seo/page/2/</loc>")
    }
}
