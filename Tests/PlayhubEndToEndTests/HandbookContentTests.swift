import Foundation
import Testing
import PlayhubKit
@testable import PlayhubCLI

/// A handbook written for GitHub or MkDocs builds as it is: links between Markdown files,
/// images beside the text, page bundles, a body's `# Title`, and a warning for whatever is
/// not shown.
@Suite struct HandbookContentTests {
    /// A bundle (`guides/onboarding/index.md` with its image) and a plain playbook with an
    /// image in a sub-folder, linking to each other, to a tag and to files that are not there.
    static let files: [String: String] = [
        "content/playbooks/guides/onboarding/index.md": """
            ---
            tags: ["seo"]
            ---

            # Onboarding *guide*

            ![Flow of the first week](flow.png)

            Read [the audit](../../growth/seo-audit.md#run-the-audit), the [tag's FAQ](../../../tags/seo.md#faq-heading)
            and [the funnel](../../growth/funnel.md). Download [the sheet](files/plan.csv).
            """,
        "content/playbooks/guides/onboarding/flow.png": "PNG-FLOW",
        "content/playbooks/guides/onboarding/files/plan.csv": "week,task\n",
        "content/playbooks/growth/funnel.md": """
            ---
            title: "Funnel review"
            tags: ["seo"]
            ---

            ![](img/chart.png)

            **Owner:**

            The funnel review starts with the numbers.

            - See [onboarding](../guides/onboarding/) and [its week](../guides/onboarding/index.md#nope).
            - A [missing page](seo-audti.md) and [another](../nowhere/gone.md).
            - A [missing image](img/none.png).
            """,
        "content/playbooks/growth/img/chart.png": "PNG-CHART",
    ]

    @Test func relativeLinksImagesAndBundlesPointAtThePublishedCopies() throws {
        let site = try SiteFixture(SmallHub.text, files: Self.files)
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        site.expectFile("playbooks/onboarding/index.html",
            #"<img src="/playbooks/onboarding/flow.png" alt="Flow of the first week" />"#,
            #"<a href="/playbooks/seo-audit/#run-the-audit">the audit</a>"#,
            #"<a href="/tags/seo/#faq-heading">tag’s FAQ</a>"#,
            #"<a href="/playbooks/funnel/">the funnel</a>"#,
            #"<a href="/playbooks/onboarding/files/plan.csv">the sheet</a>"#,
            "<title>Onboarding guide | Test Hub</title>")
        #expect(site.read("playbooks/onboarding/flow.png") == "PNG-FLOW")
        #expect(site.read("playbooks/onboarding/files/plan.csv") == "week,task\n")
        site.expectFile("playbooks/funnel/index.html",
            #"<img src="/playbooks/growth/img/chart.png" alt="" />"#,
            #"<a href="/playbooks/onboarding/">onboarding</a>"#,
            #"<a href="/playbooks/onboarding/#nope">its week</a>"#,
            // a link to a file that is not there is left as written
            #"<a href="seo-audti.md">missing page</a>"#)
        #expect(site.read("playbooks/growth/img/chart.png") == "PNG-CHART")
    }

    @Test func brokenLinksAreWarningsInBuildAndErrorsInCheck() throws {
        let site = try SiteFixture(SmallHub.text, files: Self.files)
        let expected = [
            "content/playbooks/growth/funnel.md:12:47: warning: broken link '../guides/onboarding/index.md#nope': /playbooks/onboarding/ has no heading or element with id 'nope' (heading ids are the heading text in lowercase with hyphens)",
            "content/playbooks/growth/funnel.md:13:5: warning: broken link 'seo-audti.md': there is no content/playbooks/growth/seo-audti.md (did you mean content/playbooks/growth/seo-audit.md?)",
            "content/playbooks/growth/funnel.md:13:38: warning: broken link '../nowhere/gone.md': there is no content/playbooks/nowhere/gone.md (link to a .md file in content/ by its path from this file's folder)",
            "content/playbooks/growth/funnel.md:14:5: warning: broken link 'img/none.png': no page or file at /playbooks/funnel/img/none.png (check the slug against the file names in content/)",
        ]
        let build = site.build()
        #expect(build.succeeded)
        #expect(build.diagnostics.warnings.filter { $0.code == .brokenLink }.map(\.description) == expected)

        let check = CLITests.Captured()
        #expect(Playhub.run(["check", "--source", site.root.path], output: check.console) == 1)
        #expect(check.err.components(separatedBy: "\n").filter { $0.contains("broken link") }
                == expected.map { $0.replacingOccurrences(of: ": warning: ", with: ": error: ") })

        // site.json can make build as strict as check: then nothing is written.
        try site.write("site.json", #"{"title": "Test Hub", "baseURL": "https://example.org/", "brokenLinks": "error"}"#)
        let before = FolderState(site.output)
        let strict = site.build()
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.errors.count == 4)
        #expect(FolderState(site.output) == before)
    }

    @Test func underABasePathLinksAndImagesGetIt() throws {
        let site = try SiteFixture(SmallHub.text, files: Self.files)
        #expect(site.build(baseURL: "https://example.org/hub/").succeeded)
        site.expectFile("playbooks/onboarding/index.html",
            #"<img src="/hub/playbooks/onboarding/flow.png""#,
            #"<a href="/hub/playbooks/seo-audit/#run-the-audit">"#,
            #"<a href="/hub/tags/seo/#faq-heading">"#)
    }

    @Test func aBodyTitleIsTheTitleAndEveryPageHasOneH1() throws {
        let site = try SiteFixture(SmallHub.text, files: Self.files.merging([
            "content/pages/about.md": "---\ndescription: \"About.\"\n---\n\n# About this hub\n\nText.\n\n# Second top heading\n",
            "content/playbooks/growth/titled.md": "---\ntitle: \"Front matter wins\"\ntags: [\"seo\"]\n---\n\n# Body heading\n\nText.\n",
        ]) { $1 })
        #expect(site.build().succeeded)
        for page in site.outputFiles().filter({ $0.hasSuffix(".html") }) {
            let html = site.read(page) ?? ""
            #expect(html.components(separatedBy: "<h1").count - 1 <= 1, "\(page) has more than one <h1>")
        }
        site.expectFile("about/index.html", "<h1>About this hub</h1>", #"<h2 id="second-top-heading">Second top heading</h2>"#)
        site.expectFile("playbooks/titled/index.html", "Front matter wins</h1>", "! Body heading")
        // The default summary skips the image and the lone bold label.
        site.expectFile("playbooks/funnel/index.html",
            #"<meta name="description" content="The funnel review starts with the numbers.">"#)
    }

    @Test func aMissingTitleNamesTheBodyHeadingAsTheOtherWay() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/untitled.md": "---\ntags: [\"seo\"]\n---\n\nNo heading.\n"])
        #expect(site.build().diagnostics.errors.map(\.description) == [
            "content/playbooks/untitled.md:1:1: error: required front matter key 'title' is missing (add `title: \"How to run a pipeline review\"`, or start the body with `# Title`)"])
    }

    @Test func rawHTMLThatSafeModeDropsIsAWarningOnceAFile() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/playbooks/severity.md": """
                ---
                title: "Severity"
                tags: ["seo"]
                ---

                Levels:

                <table><tr><td>SEV1</td></tr></table>

                Call <b>now</b>.
                """,
        ])
        let result = site.build()
        #expect(result.diagnostics.warnings.filter { $0.location?.file == "content/playbooks/severity.md" }.map(\.description) == [
            "content/playbooks/severity.md:8:1: warning: raw HTML removed (3 places); use Markdown, or set unsafeHTML (tables, call-outs (`> [!NOTE]`) and links have Markdown forms; \"unsafeHTML\": true in site.json keeps HTML from trusted authors)"])
    }

    @Test func bundleNamesAndPlacesThatTakeNoPageAreWarnings() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/playbooks/README.md": "# All playbooks\n",
            "content/playbooks/kit/index.md": "---\ntitle: \"Kit\"\ntags: [\"seo\"]\n---\n",
            "content/playbooks/kit/README.md": "# Kit readme\n",
        ])
        let result = site.build()
        #expect(result.succeeded)
        #expect(result.diagnostics.warnings.filter { $0.code == .ignoredFile }.map(\.description) == [
            "content/playbooks/README.md:1:1: warning: not read: a playbook named README.md needs a folder to give it its slug (move it to content/playbooks/<slug>/README.md, or rename it to <slug>.md)",
            "content/playbooks/kit/README.md:1:1: warning: not read: content/playbooks/kit/index.md is this folder's playbook (merge the two files, or rename this one to <slug>.md)",
        ])
        #expect(site.exists("playbooks/kit/index.html"))
    }

    @Test func aContentFileWhereAPageGoesIsAnError() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/kit/index.md": "---\ntitle: \"Kit\"\ntags: [\"seo\"]\n---\n",
                                                          "content/playbooks/kit/index.html": "<p>old export</p>"])
        #expect(site.build().diagnostics.errors.map(\.description) == [
            "content/playbooks/kit/index.html:1:1: error: the content file content/playbooks/kit/index.html would be published at /playbooks/kit/index.html, where the page /playbooks/kit/ goes (rename it)"])
    }
}

extension HandbookContentTests {
    @Test func aBundleFolderThatIsNoSlugIsNamedAsAFolder() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/CI-CD/README.md": "---\ntags: [\"seo\"]\n---\n\n# CI/CD\n"])
        #expect(site.build().diagnostics.errors.map(\.description) == [
            "content/playbooks/CI-CD/README.md:1:1: error: folder name 'CI-CD' is not a valid slug (lowercase a-z, 0-9 and single hyphens) (rename the folder to 'ci-cd')"])
    }
}

extension HandbookContentTests {
    @Test func aLinkToAFolderWithoutAnIndexOrToAMissingReadmeSaysWhatIsThere() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/playbooks/ops/runbook.md": "---\ntitle: \"Runbook\"\ntags: [\"seo\"]\n---\n\nSee [the team](../team/), [growth](../growth/) and [privacy](../privacy/README.md).\n",
            "content/playbooks/ops/security/privacy/README.md": "---\ntitle: \"Privacy\"\ntags: [\"seo\"]\n---\n",
            "content/playbooks/team/charter.md": "---\ntitle: \"Charter\"\ntags: [\"seo\"]\n---\n",
        ])
        let result = site.build()
        #expect(result.diagnostics.warnings.filter { $0.code == .brokenLink }.map(\.description) == [
            "content/playbooks/ops/runbook.md:6:5: warning: broken link '../team/': content/playbooks/team/ is a folder with no index.md or README.md (link to one of its files, such as content/playbooks/team/charter.md, or add an index.md)",
            "content/playbooks/ops/runbook.md:6:27: warning: broken link '../growth/': content/playbooks/growth/ is a folder with no index.md or README.md (link to one of its files, such as content/playbooks/growth/keyword-research.md, or add an index.md)",
            "content/playbooks/ops/runbook.md:6:52: warning: broken link '../privacy/README.md': there is no content/playbooks/privacy/README.md (did you mean content/playbooks/ops/security/privacy/README.md?)",
        ])
    }
}

extension HandbookContentTests {
    @Test func absoluteLinksToTheSiteAndRawHTMLLinksAreCheckedToo() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "site.json": #"{"title": "Test Hub", "baseURL": "https://example.org/hub/", "unsafeHTML": true}"#,
            "content/playbooks/linked.md": """
                ---
                title: "Linked"
                tags: ["seo"]
                ---

                [Fine](https://example.org/hub/playbooks/seo-audit/), [gone](https://example.org/hub/playbooks/gone/),
                [elsewhere](https://example.com/playbooks/gone/).

                <p>Raw <a href="/playbooks/missing/">missing</a> and <a href="/tags/seo/">kept</a>.</p>
                """,
        ])
        let result = site.build()
        #expect(result.diagnostics.warnings.filter { $0.code == .brokenLink }.map(\.description) == [
            "content/playbooks/linked.md:6:55: warning: broken link 'https://example.org/hub/playbooks/gone/': no page or file at /playbooks/gone/ (did you mean '/playbooks/'?)",
            "content/playbooks/linked.md:9:17: warning: broken link '/playbooks/missing/': no page or file at /playbooks/missing/ (check the slug against the file names in content/)",
        ])
        site.expectFile("playbooks/linked/index.html", #"<a href="/hub/tags/seo/">kept</a>"#)
    }

    @Test func aPageWithoutAnyTextHasTheSitesDescription() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "site.json": #"{"title": "Test Hub", "baseURL": "https://example.org/", "params": {"description": "Playbooks for small teams."}}"#,
            "content/playbooks/pictures.md": "---\ntitle: \"Pictures\"\ntags: [\"seo\"]\n---\n\n![Only a picture](/p.png)\n\n**Label**\n",
        ])
        #expect(site.build().succeeded)
        site.expectFile("playbooks/pictures/index.html",
            #"<meta name="description" content="Playbooks for small teams.">"#,
            #"<meta property="og:description" content="Playbooks for small teams.">"#,
            #""description":"Playbooks for small teams.""#)
    }

    @Test func checkReportsHealthEvenWithErrorsAfterThem() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/bad.md": "---\ntitle: \"Bad\"\ntags: [\"sep\"]\n---\n"])
        let captured = CLITests.Captured()
        #expect(Playhub.run(["check", "--report", "--source", site.root.path], output: captured.console) == 1)
        #expect(captured.err.hasPrefix("content/playbooks/bad.md:3:8: error: unknown tag 'sep' (did you mean 'seo'?)\n"), "\(captured.err)")
        #expect(captured.out.contains("Hub health"), "\(captured.out)")
    }
}
