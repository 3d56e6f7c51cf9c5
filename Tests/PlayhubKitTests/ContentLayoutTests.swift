import Testing
@testable import PlayhubKit

/// Where content files are published, and what a relative link in one of them leads to.
@Suite struct ContentLayoutTests {
    let layout = ContentLayout(
        contentDir: "content",
        pages: [("playbooks/growth/seo-audit.md", .playbook("seo-audit")), ("playbooks/kit/index.md", .playbook("kit")),
                ("tags/pricing.md", .tag("pricing")), ("pages/about us.md", .page("about-us"))],
        bundles: ["playbooks/kit": "playbooks/kit/index.md"],
        files: [("playbooks/kit/flow.png", "playbooks/kit/flow.png"), ("playbooks/growth/img/a b.png", "playbooks/growth/img/a b.png")])

    @Test func relativePathsResolveFromTheLinkingFilesFolder() {
        let from = "playbooks/growth/launch.md"
        #expect(layout.resolve("seo-audit.md", from: from) == .resolved(target: .page(.playbook("seo-audit")), suffix: ""))
        #expect(layout.resolve("./seo-audit.md#steps", from: from) == .resolved(target: .page(.playbook("seo-audit")), suffix: "#steps"))
        #expect(layout.resolve("../../tags/pricing.md?x=1#faq", from: from) == .resolved(target: .page(.tag("pricing")), suffix: "?x=1#faq"))
        #expect(layout.resolve("img/a%20b.png", from: from) == .resolved(target: .file("playbooks/growth/img/a b.png"), suffix: ""))
        #expect(layout.resolve("../../pages/about%20us.md", from: from) == .resolved(target: .page(.page("about-us")), suffix: ""))
    }

    @Test func aBundleIsReachedByItsIndexOrItsFolder() {
        let from = "playbooks/growth/launch.md"
        for link in ["../kit/index.md", "../kit/", "../kit", "../kit/index.md/"] {
            #expect(layout.resolve(link, from: from) == .resolved(target: .page(.playbook("kit")), suffix: ""), "\(link)")
        }
        #expect(layout.resolve("flow.png", from: "playbooks/kit/index.md") == .resolved(target: .file("playbooks/kit/flow.png"), suffix: ""))
        #expect(layout.resolve("../growth/seo-audit.md/", from: "playbooks/kit/index.md") == .resolved(target: .page(.playbook("seo-audit")), suffix: ""))
    }

    @Test func whatIsNotAContentFileIsMissingUnknownOrNotRelative() {
        let from = "playbooks/growth/launch.md"
        #expect(layout.resolve("sea-audit.md", from: from) == .missing("playbooks/growth/sea-audit.md"))
        #expect(layout.resolve("../growth/", from: "playbooks/kit/index.md") == .missing("playbooks/growth/"))
        #expect(layout.resolve("img/none.png", from: from) == .unknown)
        #expect(layout.resolve("../../../outside.md", from: from) == .unknown)
        for link in ["https://example.org/x.md", "mailto:a@b.c", "/playbooks/x/", "#top", "?q=1", "//cdn.example.org/a.png", ""] {
            #expect(layout.resolve(link, from: from) == .notRelative, "\(link)")
        }
    }

    @Test func aBundlesFilesAreUnderItsPageOtherFilesAtTheirPath() {
        let bundles = ["playbooks/guides/kit": "playbooks/guides/kit/README.md"]
        #expect(ContentLayout.outputPath(of: "playbooks/guides/kit/img/a.png", bundles: bundles) == "playbooks/kit/img/a.png")
        #expect(ContentLayout.outputPath(of: "playbooks/guides/other.png", bundles: bundles) == "playbooks/guides/other.png")
        #expect(ContentLayout.outputPath(of: "images/logo.svg", bundles: bundles) == "images/logo.svg")
    }

    @Test func theClosestFileIsSuggestedButNeverTheLinkingOne() {
        #expect(layout.suggestion(for: "playbooks/seo-audit.md", from: "playbooks/x.md") == "playbooks/growth/seo-audit.md")
        #expect(layout.suggestion(for: "playbooks/growth/seo-audit.md", from: "playbooks/growth/seo-audit.md") == nil)
    }

    @Test func theKeyChangesWhenAFileIsAddedOrRenamed() {
        let one = ContentLayout(contentDir: "content", pages: [("playbooks/a.md", .playbook("a"))], bundles: [:], files: [])
        let same = ContentLayout(contentDir: "content", pages: [("playbooks/a.md", .playbook("a"))], bundles: [:], files: [])
        let renamed = ContentLayout(contentDir: "content", pages: [("playbooks/b.md", .playbook("b"))], bundles: [:], files: [])
        #expect(one == same)
        #expect(one != renamed)
    }
}
