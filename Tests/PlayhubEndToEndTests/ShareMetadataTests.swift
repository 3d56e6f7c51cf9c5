import Foundation
import Testing
@testable import PlayhubKit

/// Open Graph, Twitter and JSON-LD metadata on every page (SPEC "Every page"), a playbook's
/// `image`, and the theme's favicons.
@Suite struct ShareMetadataTests {
    func built(siteJSON: String? = nil, files: [String: String] = [:], baseURL: String? = nil) throws -> SiteFixture {
        try SmallHub.built(siteJSON: siteJSON, files: files, baseURL: baseURL)
    }

    func meta(_ html: String, property: String) -> [String] {
        matches(of: "<meta (?:property|name)=\"\(property)\" content=\"([^\"]*)\">", in: html, group: 1)
    }

    /// Every HTML page built from a template (redirect pages for aliases have no head to speak of).
    func pages(_ site: SiteFixture) -> [String] {
        site.outputFiles().filter { $0.hasSuffix(".html") && !$0.hasPrefix("guides/") }
    }

    func jsonLD(_ html: String, type: String) throws -> [String: Any] {
        let blocks = matches(of: "<script type=\"application/ld\\+json\">(.*?)</script>", in: html, group: 1)
        for block in blocks {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
            if object["@type"] as? String == type { return object }
        }
        Issue.record("no \(type) JSON-LD")
        return [:]
    }

    @Test func everyPageSaysItsOwnTitleSiteNameURLAndCard() throws {
        let site = try built()
        let all = pages(site)
        #expect(all.count > 15)
        for path in all {
            let html = try #require(site.read(path))
            let title = try #require(matches(of: "<title>([^<]*)</title>", in: html, group: 1).first, "\(path)")
            let h1 = try #require(matches(of: "<h1>([^<]*)</h1>", in: html, group: 1).first, "\(path)")
            let canonical = matches(of: "<link rel=\"canonical\" href=\"([^\"]*)\">", in: html, group: 1)
            #expect(meta(html, property: "og:title") == [h1], "\(path): og:title is the page's title alone")
            #expect(title == (path == "index.html" ? "Test Hub" : "\(h1) | Test Hub"), "\(path)")
            #expect(meta(html, property: "og:site_name") == ["Test Hub"], "\(path)")
            #expect(canonical.count == 1 && meta(html, property: "og:url") == canonical, "\(path)")
            #expect(meta(html, property: "og:type") == [path.hasPrefix("playbooks/") && path != "playbooks/index.html"
                                                         && !path.hasPrefix("playbooks/page/") ? "article" : "website"], "\(path)")
            #expect(meta(html, property: "twitter:card") == ["summary"], "\(path)")
            #expect(meta(html, property: "og:image") == [], "\(path)")
            #expect(html.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"), "\(path)")
        }
    }

    @Test func siteImageIsTheDefaultAndAPlaybookImageWins() throws {
        let site = try built(siteJSON: """
        {"title": "Test Hub", "baseURL": "https://example.org/", "image": "/images/share.png", "logo": "/images/logo.svg"}
        """, files: [
            "content/playbooks/price-test.md": SmallHub.playbook("""
            title: "Price Test"
            tags: ["pricing"]
            image: "/images/price-test.png"
            """),
            "content/playbooks/operations/hiring-loop.md": SmallHub.playbook("""
            title: "Hiring Loop"
            tags: ["hiring"]
            image: "https://cdn.example.com/hiring.jpg?w=1200&h=630"
            """),
        ], baseURL: "https://example.org/hub/")
        for path in pages(site) {
            let html = try #require(site.read(path))
            let expected = switch path {
            case "playbooks/price-test/index.html": "https://example.org/hub/images/price-test.png"
            case "playbooks/hiring-loop/index.html": "https://cdn.example.com/hiring.jpg?w=1200&amp;h=630"
            default: "https://example.org/hub/images/share.png"
            }
            #expect(meta(html, property: "og:image") == [expected], "\(path)")
            #expect(meta(html, property: "twitter:card") == ["summary_large_image"], "\(path)")
            #expect(html.contains("<link rel=\"icon\" href=\"/hub/favicon.svg\" type=\"image/svg+xml\">"), "\(path)")
        }
        let article = try jsonLD(try #require(site.read("playbooks/price-test/index.html")), type: "Article")
        #expect(article["image"] as? String == "https://example.org/hub/images/price-test.png")
        let publisher = try #require(article["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "Organization")
        #expect(publisher["name"] as? String == "Test Hub")
        let logo = try #require(publisher["logo"] as? [String: Any])
        #expect(logo["@type"] as? String == "ImageObject")
        #expect(logo["url"] as? String == "https://example.org/hub/images/logo.svg")
    }

    @Test func articleWithoutImagesHasAPublisherWithoutLogo() throws {
        let site = try built()
        let article = try jsonLD(try #require(site.read("playbooks/seo-audit/index.html")), type: "Article")
        #expect(article["image"] == nil)
        let publisher = try #require(article["publisher"] as? [String: Any])
        #expect(publisher["name"] as? String == "Test Hub")
        #expect(publisher["logo"] == nil)
    }

    @Test func faqAnswersInJSONLDLinkWithAbsoluteURLs() throws {
        let site = try built(files: ["content/tags/seo.md": """
        ---
        title: "SEO"
        category: "growth"
        description: "Search engine optimisation."
        faq:
          - q: "Where do I start?"
            a: "With the [audit](/playbooks/seo-audit/), the [pricing tag](../pricing/#faq) or [Google](https://google.com/?a=1&b=2)."
        ---
        """], baseURL: "https://example.org/hub/")
        for path in ["tags/seo/index.html", "faq/index.html"] {
            let html = try #require(site.read(path))
            let faq = try jsonLD(html, type: "FAQPage")
            let answers = try #require(faq["mainEntity"] as? [[String: Any]]).compactMap { ($0["acceptedAnswer"] as? [String: Any])?["text"] as? String }
            let hrefs = answers.flatMap { matches(of: "href=\"([^\"]*)\"", in: $0, group: 1) }
            #expect(hrefs.contains("https://example.org/hub/categories/growth/"), "\(path): \(hrefs)")
            #expect(hrefs.contains("https://example.org/hub/playbooks/seo-audit/"), "\(path): \(hrefs)")
            #expect(hrefs.contains("https://google.com/?a=1&amp;b=2"), "\(path): \(hrefs)")
            #expect(hrefs.allSatisfy { $0.hasPrefix("https://") }, "\(path): \(hrefs)")
            // The page itself keeps root-relative links.
            #expect(html.contains("<a href=\"/hub/playbooks/seo-audit/\">audit</a>"), "\(path)")
        }
        let tagAnswers = try #require(site.read("tags/seo/index.html"))
        #expect(tagAnswers.contains("href=\\\"https://example.org/hub/tags/pricing/#faq\\\""))
    }

    @Test func playbookImageMustBeAPathOrURL() throws {
        let found = try SmallHub.failedBuild(["content/playbooks/bad.md": SmallHub.playbook("title: \"Bad\"\ntags: [seo]\nimage: cover.png")])
            .map(\.description)
        #expect(found == [
            "content/playbooks/bad.md:4:8: error: image must be a path under the site starting with '/' or an http(s) URL, not 'cover.png' (e.g. \"/images/onboarding.png\" (a file in static/ or content/) or \"https://cdn.example.org/onboarding.png\")",
        ])
    }

    @Test func themeShipsFaviconsThatASiteCanReplace() throws {
        let site = try built()
        let svg = try #require(site.read("favicon.svg"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let ico = try Data(contentsOf: site.output.appendingPathComponent("favicon.ico"))
        #expect(Array(ico.prefix(4)) == [0, 0, 1, 0], "an ICO file starts with reserved 0 and type 1")
        let own = try built(files: ["static/favicon.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"])
        #expect(own.read("favicon.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        #expect(own.exists("favicon.ico"))
    }
}
