import Foundation
import Testing
@testable import PlayhubCLI
@testable import PlayhubKit

/// The command line in process: what it prints and the exit statuses of SPEC §5.
@Suite struct CLITests {
    final class Captured: @unchecked Sendable {
        var out = "", err = ""
        lazy var console = Console { [unowned self] text, isError in
            if isError { self.err += text + "\n" } else { self.out += text + "\n" }
        }
    }

    func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        let captured = Captured()
        let status = Playhub.run(arguments, output: captured.console)
        return (status, captured.out, captured.err)
    }

    @Test func buildSucceedsWithASummary() throws {
        let site = try SiteFixture(SmallHub.text)
        let (status, out, err) = run(["build", "--source", site.root.path])
        #expect(status == 0)
        #expect(err == "content/playbooks/growth/seo-audit.md:30:1: warning: raw HTML removed (1 place); use Markdown, or set unsafeHTML (tables, call-outs (`> [!NOTE]`) and links have Markdown forms; \"unsafeHTML\": true in site.json keeps HTML from trusted authors)\n")
        // Pages by kind, most first, then the write report.
        #expect(out.hasPrefix("Built 25 pages (4 index, 4 playbook, 4 tag, 3 category, 2 list, 1 404, 1 faq, 1 home, 1 industry, 1 page, 1 redirect, 1 search, 1 tool) in "), "\(out)")
        #expect(out.hasSuffix(" s: 36 files written, 0 unchanged, 0 removed; 1 warning\n"), "\(out)")
    }

    @Test func quietPrintsNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        let (status, out, _) = run(["build", "--quiet", "--source", site.root.path])
        #expect(status == 0)
        #expect(out.isEmpty)
    }

    @Test func contentErrorsExitWithOneAndNameTheFile() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/bad.md": "---\ntitle: \"Bad\"\ntags: [\"sep\"]\n---\n"])
        let (status, out, err) = run(["build", "--source", site.root.path])
        #expect(status == 1)
        #expect(out.isEmpty)
        #expect(err == """
            content/playbooks/bad.md:3:8: error: unknown tag 'sep' (did you mean 'seo'?)
            content/playbooks/growth/seo-audit.md:30:1: warning: raw HTML removed (1 place); use Markdown, or set unsafeHTML (tables, call-outs (`> [!NOTE]`) and links have Markdown forms; "unsafeHTML": true in site.json keeps HTML from trusted authors)
            1 error; nothing was written

            """)
    }

    @Test func outputIntoTheSourceFolderIsAUsageError() throws {
        let site = try SiteFixture(SmallHub.text)
        for output in [site.root.path, site.root.deletingLastPathComponent().path, site.root.appendingPathComponent("content").path, "/"] {
            let (status, _, err) = run(["build", "--source", site.root.path, "--output", output])
            #expect(status == 2, "\(output)")
            #expect(err.contains("refusing to write to output folder"), "\(output)")
        }
        #expect(!site.exists("index.html"))
    }

    @Test func unknownOptionsAndBadValuesAreUsageErrors() {
        #expect(run(["build", "--bogus"]).status == 2)
        #expect(run(["build", "--jobs", "0"]).status == 2)
        #expect(run(["build", "--base-url", "example.org"]).status == 2)
        #expect(run(["nonsense"]).status == 2)
        #expect(run(["build", "--source", "/definitely/not/here"]).status == 2)
    }

    @Test func helpListsEveryBuildOption() {
        let (status, out, _) = run(["build", "--help"])
        #expect(status == 0)
        #expect(out.contains("USAGE: playhub build [--source <source>] [--output <output>] [--base-url <base-url>] [--drafts] [--jobs <jobs>] [--no-cache] [--clean] [--quiet] [--timings]"))
        for option in ["--source", "--output", "--base-url", "--drafts", "--jobs", "--no-cache", "--clean", "--quiet"] {
            #expect(out.contains(option), "\(option)")
        }
    }

    @Test func aSecondBuildUsesTheCacheUnlessToldNot() throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        #expect(run(["build", "--source", site.root.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".playhub-cache/public.state").path))
        let cached = run(["build", "--source", site.root.path, "--timings"])
        #expect(cached.status == 0)
        #expect(cached.out.contains("(0 rendered again, the rest unchanged): 0 files written"), "\(cached.out)")
        let uncached = run(["build", "--source", site.root.path, "--no-cache"])
        #expect(uncached.status == 0)
        #expect(!uncached.out.contains("rendered again"), "\(uncached.out)")
    }

    @Test func baseURLOptionOverridesSiteJSON() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(run(["build", "--quiet", "--source", site.root.path, "--base-url", "https://cdn.example.net/hub"]).status == 0)
        site.expectFile("index.html", #"<link rel="canonical" href="https://cdn.example.net/hub/">"#, #"href="/hub/playbooks/""#)
    }

    @Test func checkWritesNothing() throws {
        let site = try SiteFixture(SmallHub.text)
        let (status, out, _) = run(["check", "--source", site.root.path])
        #expect(status == 0)
        #expect(out.contains("No errors"))
        #expect(!site.exists("index.html"))
    }
}
