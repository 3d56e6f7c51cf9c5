import Foundation
import Testing
@testable import PlayhubKit

@Suite struct BuildTests {
    @Test func writesEveryPublishedPlaybookAndNoDraft() throws {
        let site = try SiteFixture(SmallHub.text)
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        for slug in ["seo-audit", "keyword-research", "price-test", "hiring-loop"] {
            #expect(site.exists("playbooks/\(slug)/index.html"), "\(slug)")
        }
        #expect(!site.exists("playbooks/old-draft/index.html"))
        #expect(site.exists("index.html"))
        #expect(site.exists("about/index.html"))
        #expect(site.exists("404.html"))
        #expect(site.exists("style.css"))
        for file in site.outputFiles() where file.hasSuffix(".html") {
            site.expectFile(file, "! Unfinished Draft")
        }
    }

    @Test func draftsAreBuiltWithTheDraftsOption() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build(drafts: true).succeeded)
        site.expectFile("playbooks/old-draft/index.html", "<h1>Unfinished Draft</h1>")
    }

    @Test func playbookPageShowsWhatTheSpecAsks() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        site.expectFile("playbooks/seo-audit/index.html",
            // the title is escaped everywhere
            "<title>SEO &lt;Audit&gt; &amp; Fixes | Test Hub</title>",
            "<h1>SEO &lt;Audit&gt; &amp; Fixes</h1>",
            "! <Audit>",
            // breadcrumbs Home › category › title
            #"<li><a href="/">Home</a></li>"#,
            #"<li><a href="/categories/growth/">Growth</a></li>"#,
            #"<span aria-current="page">SEO &lt;Audit&gt; &amp; Fixes</span>"#,
            // facts, terms and tags as links
            "Ana Lima", #"<time datetime="2024-01-10">January 10, 2024</time>"#, #"<time datetime="2024-05-01">May 1, 2024</time>"#,
            #"<a class="chip" href="/tags/seo/">SEO</a>"#, #"<a class="chip" href="/tags/pricing/">Pricing</a>"#,
            #"<a href="/industries/saas/">SaaS</a>"#, #"<a href="/tools/google-analytics/">Google Analytics</a>"#,
            // head
            #"<link rel="canonical" href="https://example.org/playbooks/seo-audit/">"#,
            #"<meta name="description" content="Find and fix what keeps pages out of search.">"#,
            #""@type":"Article""#, #""@type":"BreadcrumbList""#,
            // task list, raw HTML dropped by default
            #"<li><label><input type="checkbox" class="task-box" id="task-seo-audit-1" name="task-seo-audit-1"> Crawl the site</label></li>"#,
            #"<li><label><input type="checkbox" class="task-box" id="task-seo-audit-2" name="task-seo-audit-2" checked> Export Search Console data</label></li>"#,
            "! raw block")
    }

    @Test func tableOfContentsLinksMatchHeadingIDs() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let html = try #require(site.read("playbooks/seo-audit/index.html"))
        let tocLinks = matches(of: #"<nav class="toc"[\s\S]*?</nav>"#, in: html).first.map { matches(of: ##"href="#([^"]+)""##, in: $0, group: 1) } ?? []
        let prose = html.components(separatedBy: #"<div class="prose">"#).last?.components(separatedBy: "</article>").first ?? ""
        let headingIDs = matches(of: #"<h[23] id="([^"]+)""#, in: prose, group: 1)
        #expect(tocLinks == ["prepare", "review", "run-the-audit", "review-1", "prepare-1"])
        #expect(tocLinks == headingIDs)
    }

    @Test func relatedPlaybooksFollowSharedTagsThenTermsThenDate() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let html = try #require(site.read("playbooks/seo-audit/index.html"))
        let related = html.components(separatedBy: #"id="related-heading""#).last ?? ""
        let titles = matches(of: #"<h3 class="card-title"><a href="[^"]+">([^<]+)</a>"#, in: related, group: 1)
        // price-test shares two tags; keyword-research one tag and an industry; hiring-loop nothing.
        #expect(titles == ["Price Test", "Keyword Research"])
        // Neither has a `type`: the page's own "Checklist" must not leak into their cards.
        #expect(!related.contains(#"<span class="badge">Checklist</span>"#))
    }

    @Test func defaultSummaryIsTheFirstParagraphCutAtAWord() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let html = try #require(site.read("playbooks/keyword-research/index.html"))
        let lead = try #require(matches(of: #"<p class="lead">([^<]+)</p>"#, in: html, group: 1).first)
        #expect(lead.hasPrefix("Keyword research tells you which questions"))
        #expect(lead.hasSuffix("…"))
        #expect(lead.count <= 161)
    }

    @Test func baseURLPathPrefixesEveryInternalLink() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build(baseURL: "https://example.org/hub/").succeeded)
        site.expectFile("playbooks/seo-audit/index.html",
            #"<link rel="canonical" href="https://example.org/hub/playbooks/seo-audit/">"#,
            #"<a href="/hub/playbooks/keyword-research/">keyword playbook</a>"#,
            #"<a class="chip" href="/hub/tags/seo/">SEO</a>"#,
            #"href="/hub/style.css""#,
            #"! href="/tags/"#)
    }

    @Test func unsafeHTMLKeepsRawHTML() throws {
        let site = try SiteFixture(SmallHub.text, files: ["site.json": #"{"title": "T", "baseURL": "https://example.org/", "unsafeHTML": true}"#])
        #expect(site.build().succeeded)
        site.expectFile("playbooks/seo-audit/index.html", #"<div class="raw">raw block</div>"#)
    }

    @Test func twoBuildsAreByteIdenticalAndTheSecondRewritesNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let bytes = site.outputBytes()
        #expect(bytes.count > 20)
        #expect(site.build(output: "again", jobs: 1).succeeded)
        #expect(site.outputBytes(in: "again") == bytes)
        let second = site.build(jobs: 1)
        #expect(site.outputBytes() == bytes)
        #expect(second.writeReport?.written == 0)
        #expect(second.writeReport?.unchanged == bytes.count)
    }

    @Test func removedPagesLeaveNoStaleFiles() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        try site.remove("content/playbooks/price-test.md")
        let result = site.build()
        #expect(result.succeeded)
        #expect(!site.exists("playbooks/price-test/index.html"))
        #expect(!site.exists("playbooks/price-test"))
        #expect((result.writeReport?.removed ?? 0) >= 1)
    }

    @Test func failingBuildWritesNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let before = site.outputFiles().map { ($0, site.read($0)) }
        try site.write("content/playbooks/new.md", "---\ntitle: \"New\"\ntags: [\"grwth\"]\n---\n\nBody.\n")
        try site.write("content/playbooks/price-test.md", "---\ntitle: \"Changed\"\ntags: [\"pricing\"]\n---\n\nChanged.\n")
        let result = site.build()
        #expect(!result.succeeded)
        #expect(site.outputFiles().map { ($0, site.read($0)) }.elementsEqual(before, by: { $0 == $1 }))
        #expect(!site.exists("playbooks/new/index.html"))
    }

    @Test func siteWithoutThemeFolderUsesTheBuiltInDefaultTheme() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("themes").path))
        #expect(site.build().succeeded)
        site.expectFile("style.css", "playhub default theme")
    }

    @Test func siteTemplatesOverrideTheTheme() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "templates/page.mustache": "<!DOCTYPE html><title>{{title}}</title><p>custom {{title}}</p>",
            "static/style.css": "/* site css */",
        ])
        #expect(site.build().succeeded)
        site.expectFile("about/index.html", "<p>custom About</p>")
        site.expectFile("style.css", "/* site css */", "! playhub default theme")
    }
}

/// Captures of `pattern` in `text` (group 0: the whole match).
func matches(of pattern: String, in text: String, group: Int = 0) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { match in
        Range(match.range(at: group), in: text).map { String(text[$0]) }
    }
}
