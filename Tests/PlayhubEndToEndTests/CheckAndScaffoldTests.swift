import Foundation
import Testing
@testable import PlayhubKit
@testable import PlayhubCLI

/// `playhub check` (links), `playhub new` and `playhub init`.
@Suite struct CheckAndScaffoldTests {
    func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        let captured = CLITests.Captured()
        let status = Playhub.run(arguments, output: captured.console)
        return (status, captured.out, captured.err)
    }

    @Test func checkFindsBrokenLinksAndFragmentsAtTheirLines() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/pages/links.md": """
            ---
            title: "Links"
            ---

            Fine: [audit](/playbooks/seo-audit/), [its steps](/playbooks/seo-audit/#run-the-audit), [tag](/tags/seo/),
            [feed](/feed.xml), [external](https://example.com/nowhere/) and [here](#links-here).

            ## Links here

            Broken: [typo](/playbooks/seo-audti/) and
            [bad anchor](/playbooks/seo-audit/#run-the-audt).
            """,
            "content/tags/hiring.md": "---\ntitle: \"Hiring\"\ncategory: \"operations\"\ndescription: \"Hiring.\"\nfaq:\n  - q: \"Where?\"\n    a: \"See [the loop](/playbooks/hiring-lop/).\"\n---\n",
        ])
        let (status, out, err) = run(["check", "--source", site.root.path])
        #expect(status == 1)
        #expect(out.isEmpty)
        #expect(err == """
            content/pages/links.md:10:9: error: broken link '/playbooks/seo-audti/': no page or file at /playbooks/seo-audti/ (did you mean '/playbooks/seo-audit/'?)
            content/pages/links.md:11:1: error: broken link '/playbooks/seo-audit/#run-the-audt': /playbooks/seo-audit/ has no heading or element with id 'run-the-audt' (did you mean 'run-the-audit'?)
            content/playbooks/growth/seo-audit.md:30:1: warning: raw HTML removed (1 place); use Markdown, or set unsafeHTML (tables, call-outs (`> [!NOTE]`) and links have Markdown forms; "unsafeHTML": true in site.json keeps HTML from trusted authors)
            content/tags/hiring.md:7:13: error: broken link '/playbooks/hiring-lop/': no page or file at /playbooks/hiring-lop/ (did you mean '/playbooks/hiring-loop/'?)
            3 errors

            """)
        #expect(!site.exists("index.html"), "check writes nothing")
        let build = site.build()
        #expect(build.succeeded, "broken links do not fail a build")
        #expect(build.diagnostics.warnings.filter { $0.code == .brokenLink }.count == 3, "but they are warnings")
    }

    @Test func newWritesASkeletonThatBuildsAndNeverOverwrites() throws {
        let site = try SiteFixture(SmallHub.text)
        let (status, out, _) = run(["new", "playbook", "Renewal \"Risk\" Review", "--tags", "pricing,seo", "--source", site.root.path])
        #expect(status == 0)
        #expect(out == "Wrote content/playbooks/renewal-risk-review.md\n")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/playbooks/renewal-risk-review.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Renewal \\\"Risk\\\" Review\"\n"))
        #expect(text.contains("tags: [\"pricing\", \"seo\"]\n"))
        #expect(text.contains("date: \(Day(Date()))\n"))
        #expect(text.contains("- [ ] "))
        #expect(site.build().succeeded)
        site.expectFile("playbooks/renewal-risk-review/index.html", "<h1>Renewal &quot;Risk&quot; Review</h1>")

        try site.write("content/playbooks/renewal-risk-review.md", "mine")
        let again = run(["new", "playbook", "Renewal Risk Review", "--source", site.root.path])
        #expect(again.status == 1)
        #expect(again.err == "error: content/playbooks/renewal-risk-review.md already exists; playhub new never overwrites a file\n")
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/playbooks/renewal-risk-review.md"), encoding: .utf8) == "mine")
    }

    @Test func newRefusesUnknownTagsAndOtherKinds() throws {
        let site = try SiteFixture(SmallHub.text)
        let unknown = run(["new", "playbook", "X", "--tags", "hirng", "--source", site.root.path])
        #expect(unknown.status == 1)
        #expect(unknown.err == "error: unknown tag 'hirng' (did you mean 'hiring'?)\n")
        #expect(run(["new", "tag", "X", "--source", site.root.path]).status == 2)
    }

    @Test func initWritesAHubThatBuildsAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, _, _) = run(["init", folder.path])
        #expect(status == 0)
        let result = Builder.build(BuildOptions(siteDir: folder, jobs: 2))
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(result.diagnostics.items.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/playbooks/first-week-onboarding/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("themes").path), "the built-in theme is used")
        let checked = run(["check", "--source", folder.path])
        #expect(checked.status == 0, "\(checked.err)")
        let again = run(["init", folder.path])
        #expect(again.status == 2)
        #expect(again.err.contains("is not empty"))
    }
}
