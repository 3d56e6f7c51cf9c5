import Foundation
import Testing
@testable import PlayhubKit

/// The default theme's header (brand, search form, menu) and site.json's `logo`, `image`
/// and `menu`, with the exact errors of each mistake.
@Suite struct HeaderTests {
    func built(siteJSON: String? = nil, files: [String: String] = [:], baseURL: String? = nil) throws -> SiteFixture {
        try SmallHub.built(siteJSON: siteJSON, files: files, baseURL: baseURL)
    }

    /// The `<header class="site-header">` element of a page.
    func header(_ site: SiteFixture, _ path: String) throws -> String {
        let html = try #require(site.read(path))
        let start = try #require(html.range(of: "<header class=\"site-header\">"))
        let end = try #require(html.range(of: "</header>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    func menuLinks(_ header: String) -> [String] {
        let nav = header.range(of: "<div class=\"menu\">").map { String(header[$0.lowerBound...]) } ?? ""
        return matches(of: "<li><a href=\"([^\"]*)\">([^<]*)</a></li>", in: nav, group: 0).map {
            $0.replacingOccurrences(of: "<li><a href=\"", with: "").replacingOccurrences(of: "\">", with: " ")
                .replacingOccurrences(of: "</a></li>", with: "")
        }
    }

    @Test func brandIsTheTitleAndSearchIsAGETFormOnEveryPage() throws {
        let site = try built()
        for path in ["index.html", "tags/seo/index.html", "playbooks/seo-audit/index.html", "404.html"] {
            let header = try header(site, path)
            #expect(header.contains("<a class=\"brand\" href=\"/\">Test Hub</a>"), "\(path)")
            #expect(header.contains("<form class=\"header-search\" role=\"search\" method=\"get\" action=\"/search/\">"), "\(path)")
            #expect(header.contains("<label class=\"visually-hidden\" for=\"header-search-q\">Search playbooks</label>"))
            #expect(header.contains("<input id=\"header-search-q\" type=\"search\" name=\"q\""))
            #expect(!header.contains("<img"))
        }
    }

    @Test func defaultMenuNamesTheFirstFiveCategoriesByWeightAndAllCategories() throws {
        var files: [String: String] = [:]
        for n in 3...7 {
            files["content/categories/area-\(n).md"] = "---\ntitle: \"Area \(n)\"\ndescription: \"Area.\"\nweight: \(10 - n)\n---\n"
        }
        let site = try built(files: files)
        // Weights: growth 1, operations 2, area-7 3, area-6 4, area-5 5, area-4 6, area-3 7.
        #expect(menuLinks(try header(site, "tags/seo/index.html")) == [
            "/categories/growth/ Growth", "/categories/operations/ Operations", "/categories/area-7/ Area 7",
            "/categories/area-6/ Area 6", "/categories/area-5/ Area 5", "/categories/ All categories",
        ])
        // Free pages leave the header for the footer.
        site.expectFile("index.html", "<li><a href=\"/about/\">About</a></li>")
        #expect(!(try header(site, "index.html")).contains("/about/"))
    }

    @Test func smallHubMenuStillLinksAllCategories() throws {
        let site = try built()
        #expect(menuLinks(try header(site, "index.html")) == [
            "/categories/growth/ Growth", "/categories/operations/ Operations", "/categories/ All categories",
        ])
        let header = try header(site, "index.html")
        #expect(header.contains("<div class=\"menu\">\n      <details class=\"menu-toggle\"><summary>Menu</summary></details>\n      <nav aria-label=\"Main\">"))
    }

    @Test func menuAndLogoFromSiteJSONGetTheBasePath() throws {
        let site = try built(siteJSON: """
        {
          "title": "Test <Hub>",
          "baseURL": "https://example.org/",
          "logo": "/images/logo.svg",
          "menu": [
            {"title": "Guides", "url": "/guides/"},
            {"title": "Q&A", "url": "/faq/#top"},
            {"title": "Blog", "url": "https://blog.example.com/"}
          ]
        }
        """, baseURL: "https://example.org/hub/")
        let header = try header(site, "tags/seo/index.html")
        #expect(header.contains("<a class=\"brand\" href=\"/hub/\"><img src=\"/hub/images/logo.svg\" alt=\"Test &lt;Hub&gt;\"></a>"))
        #expect(header.contains("action=\"/hub/search/\""))
        #expect(menuLinks(header) == ["/hub/guides/ Guides", "/hub/faq/#top Q&amp;A", "https://blog.example.com/ Blog"])
    }

    @Test func absoluteLogoURLIsKeptAsWritten() throws {
        let site = try built(siteJSON: #"{"title": "Test Hub", "baseURL": "https://example.org/", "logo": "https://cdn.example.org/logo.png"}"#)
        #expect(try header(site, "index.html").contains("<img src=\"https://cdn.example.org/logo.png\" alt=\"Test Hub\">"))
    }

    @Test func anEmptyMenuShowsNoMenu() throws {
        let site = try built(siteJSON: #"{"title": "Test Hub", "baseURL": "https://example.org/", "menu": []}"#)
        #expect(!(try header(site, "index.html")).contains("<details"))
    }

    @Test func logoImageAndMenuErrorsPointAtTheirKeys() throws {
        let found = try SmallHub.failedBuild(["site.json": """
        {
          "title": "Test Hub",
          "baseURL": "https://example.org/",
          "logo": "logo.svg",
          "image": 3,
          "menu": [
            {"title": "Guides", "link": "/guides/"},
            "About",
            {"title": " ", "url": "guides/"}
          ]
        }
        """]).map(\.description)
        #expect(found == [
            "site.json:4:3: error: 'logo' must be a path under the site starting with '/' or an http(s) URL, not 'logo.svg' (e.g. \"logo\": \"/images/logo.svg\")",
            "site.json:5:3: error: 'image' must be a string (e.g. \"image\": \"/images/share.png\")",
            "site.json:6:3: error: menu[0].url must be a string (e.g. \"url\": \"/categories/guides/\")",
            "site.json:6:3: error: menu[1] must be an object with a \"title\" and a \"url\" (e.g. \"menu\": [{\"title\": \"Guides\", \"url\": \"/categories/guides/\"}])",
            "site.json:6:3: error: menu[2].title must be a non-empty string (e.g. \"title\": \"Guides\")",
            "site.json:6:3: error: menu[2].url must be a path under the site starting with '/' or an http(s) URL, not 'guides/' (e.g. \"url\": \"/categories/guides/\")",
            "site.json:6:3: error: unknown key 'link' in menu[0] (a menu entry takes \"title\" and \"url\")",
        ])
    }

    @Test func menuMustBeAListAndEntryKeysGetAHint() throws {
        let found = try SmallHub.failedBuild(["site.json": """
        {
          "title": "Test Hub",
          "baseURL": "https://example.org/",
          "image": "//cdn.example.org/x.png",
          "menu": {"title": "Guides"}
        }
        """]).map(\.description)
        #expect(found == [
            "site.json:4:3: error: 'image' must be a path under the site starting with '/' or an http(s) URL, not '//cdn.example.org/x.png' (e.g. \"image\": \"/images/share.png\")",
            "site.json:5:3: error: 'menu' must be a list of {\"title\": …, \"url\": …} entries (e.g. \"menu\": [{\"title\": \"Guides\", \"url\": \"/categories/guides/\"}])",
        ])
        let typo = try SmallHub.failedBuild(["site.json": """
        {
          "title": "Test Hub",
          "baseURL": "https://example.org/",
          "menu": [{"title": "Guides", "uri": "/guides/"}]
        }
        """]).map(\.description)
        #expect(typo == [
            "site.json:4:3: error: menu[0].url must be a string (e.g. \"url\": \"/categories/guides/\")",
            "site.json:4:3: error: unknown key 'uri' in menu[0] (did you mean 'url'?)",
        ])
    }
}
