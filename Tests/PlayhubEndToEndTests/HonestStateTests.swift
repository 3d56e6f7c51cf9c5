import Foundation
import Testing
@testable import PlayhubKit

/// Pages say what they are: drafts are marked and kept out of search engines, a tag without
/// playbooks is not offered to them, and cards call a date an update only when it is one.
@Suite struct HonestStateTests {
    static let robots = #"<meta name="robots" content="noindex">"#
    static let badge = #"<span class="badge badge-draft">Draft</span>"#

    @Test func draftsCarryABadgeOnTheirPageAndCardsAndAreNoindex() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/pages/plans.md": "---\ntitle: \"Plans\"\ndraft: true\n---\n\nSoon.\n"])
        #expect(site.build(drafts: true).succeeded)
        site.expectFile("playbooks/old-draft/index.html", Self.robots, #"<p class="draft-note">\#(Self.badge)"#)
        site.expectFile("plans/index.html", Self.robots, #"<p class="draft-note">\#(Self.badge)"#)
        // Its card, wherever it is listed.
        let tag = try #require(site.read("tags/seo/index.html"))
        let card = try #require(tag.components(separatedBy: "<li class=\"card").first { $0.contains("Unfinished Draft") })
        #expect(card.contains(Self.badge))
        #expect(tag.components(separatedBy: Self.badge).count == 2, "only the draft's card has the badge")
        for page in ["playbooks/seo-audit/index.html", "about/index.html", "tags/seo/index.html", "index.html"] {
            site.expectFile(page, "! \(Self.robots)")
        }
        // A published playbook is no draft, though its related cards may list one.
        site.expectFile("playbooks/seo-audit/index.html", "! draft-note")
    }

    @Test func aPublishedBuildHasNoDraftBadge() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        for file in site.outputFiles() where file.hasSuffix(".html") {
            site.expectFile(file, "! badge-draft")
        }
    }

    @Test func aTagWithoutPlaybooksIsNoindexAndNotInTheSitemap() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/tags/empty.md": "---\ntitle: \"Empty\"\ncategory: \"growth\"\ndescription: \"Nothing yet.\"\n---\n",
        ])
        #expect(site.build().succeeded)
        site.expectFile("tags/empty/index.html", Self.robots, "There are no Empty playbooks yet.")
        site.expectFile("tags/seo/index.html", "! \(Self.robots)")
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(!sitemap.contains("/tags/empty/"))
        #expect(sitemap.contains("<loc>https://example.org/tags/seo/</loc>"))
        #expect(XMLCheck.validate(site.output.appendingPathComponent("sitemap.xml"), schema: "sitemap.xsd") == "")
    }

    @Test func aTagWhoseOnlyPlaybookIsADraftIsEmptyInAPublishedBuild() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/tags/later.md": "---\ntitle: \"Later\"\ncategory: \"growth\"\ndescription: \"Soon.\"\n---\n",
            "content/playbooks/old-draft.md": "---\ntitle: \"Unfinished Draft\"\ntags: [\"later\"]\ndate: 2024-04-01\ndraft: true\n---\n\nWork.\n",
        ])
        #expect(site.build().succeeded)
        site.expectFile("tags/later/index.html", Self.robots)
        #expect(site.read("sitemap.xml")?.contains("/tags/later/") == false)
    }

    @Test func cardsSayUpdatedOnlyWhenThePlaybookWasUpdated() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/playbooks/fresh.md": "---\ntitle: \"Fresh\"\ntags: [\"hiring\"]\ndate: 2024-03-02\nupdated: 2024-03-02\n---\n\nNew.\n",
        ])
        #expect(site.build().succeeded)
        let hiring = try #require(site.read("tags/hiring/index.html"))
        func card(_ title: String) -> String? { hiring.components(separatedBy: "<li class=\"card").first { $0.contains(">\(title)</a>") } }
        let fresh = try #require(card("Fresh"))
        #expect(fresh.contains(#"<time datetime="2024-03-02">Published March 2, 2024</time>"#))
        #expect(!fresh.contains("Updated"))
        let loop = try #require(card("Hiring Loop"))
        #expect(loop.contains(#"<time datetime="2024-03-05">Updated March 5, 2024</time>"#))
        #expect(!loop.contains("Published"))
    }
}
