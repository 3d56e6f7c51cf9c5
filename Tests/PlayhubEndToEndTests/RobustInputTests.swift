import Foundation
import Testing
@testable import PlayhubKit

/// Awkward input gets a correct page or a clear `file:line:column` error, never a crash.
@Suite struct RobustInputTests {
    func build(_ files: [String: Data]) throws -> (SiteFixture, BuildResult) {
        let site = try SiteFixture(SmallHub.text)
        for (path, data) in files {
            let url = site.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return (site, site.build())
    }

    func errors(_ result: BuildResult) -> [String] { result.diagnostics.errors.map(\.description) }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        var bytes = Data("---\ntitle: \"Caf".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(Data("\"\ntags: [seo]\n---\n".utf8))
        let (_, result) = try build(["content/playbooks/bad-bytes.md": bytes])
        #expect(errors(result) == ["content/playbooks/bad-bytes.md:2:12: error: file is not valid UTF-8 (save it as UTF-8 in your editor)"])
    }

    @Test func byteOrderMarkAndCRLFAreFine() throws {
        let text = "\u{FEFF}---\r\ntitle: \"Windows File\"\r\ntags: [seo]\r\ndate: 2024-01-01\r\nupdated: 2024-01-01\r\n---\r\n\r\n## Step one\r\n\r\n- [ ] Do it\r\n"
        let (site, result) = try build(["content/playbooks/windows-file.md": Data(text.utf8)])
        #expect(result.succeeded, "\(result.diagnostics)")
        site.expectFile("playbooks/windows-file/index.html", "<h1>Windows File</h1>", #"<h2 id="step-one">Step one</h2>"#,
                        #"<label><input type="checkbox" class="task-box" id="task-windows-file-1" name="task-windows-file-1"> Do it</label>"#, "! \r")
    }

    @Test func crlfErrorsKeepTheirLines() throws {
        let text = "---\r\ntitle: \"X\"\r\ntags: [sep]\r\n---\r\n"
        let (_, result) = try build(["content/playbooks/crlf.md": Data(text.utf8)])
        #expect(errors(result) == ["content/playbooks/crlf.md:3:8: error: unknown tag 'sep' (did you mean 'seo'?)"])
    }

    @Test func emptyFileAndFrontMatterOnly() throws {
        let (site, result) = try build([
            "content/playbooks/empty.md": Data(),
            "content/playbooks/only-front-matter.md": Data("---\ntitle: \"Just Metadata\"\ntags: [seo]\ndate: 2024-01-01\nupdated: 2024-01-01\n---\n".utf8),
        ])
        #expect(errors(result) == ["content/playbooks/empty.md:1:1: error: file does not start with front matter (put a `---` line, the YAML keys (title: ...) and another `---` line at the top)"])
        try site.remove("content/playbooks/empty.md")
        #expect(site.build().succeeded)
        site.expectFile("playbooks/only-front-matter/index.html", "<h1>Just Metadata</h1>")
    }

    @Test func unclosedFrontMatterAndTabs() throws {
        let (_, result) = try build([
            "content/playbooks/unclosed.md": Data("---\ntitle: \"X\"\ntags: [seo]\n\n## Body\n".utf8),
            "content/playbooks/tabbed.md": Data("---\ntitle: \"X\"\ntags:\n\t- seo\n---\n".utf8),
        ])
        #expect(errors(result) == [
            "content/playbooks/tabbed.md:4:1: error: a tab indents this front matter line (YAML indents with spaces only; replace the tab with spaces)",
            "content/playbooks/unclosed.md:1:1: error: front matter opened with `---` on line 1 is never closed (add a `---` line after the last front matter key)",
        ])
    }

    @Test func aTenMegabyteFileBuilds() throws {
        var body = "---\ntitle: \"Huge\"\ntags: [seo]\ndate: 2024-01-01\nupdated: 2024-01-01\n---\n\n"
        let paragraph = "Step \(String(repeating: "with many words ", count: 40))done.\n\n"
        while body.utf8.count < 10_000_000 { body += "## Section\n\n" + paragraph }
        let (site, result) = try build(["content/playbooks/huge.md": Data(body.utf8)])
        #expect(result.succeeded, "\(result.diagnostics)")
        let html = try #require(site.read("playbooks/huge/index.html"))
        #expect(html.utf8.count > 9_000_000)
        #expect(html.contains(#"<h2 id="section-100">Section</h2>"#))
    }

    @Test func titlesFullOfHTMLAreEscapedEverywhere() throws {
        let evil = #"<script>alert("x")</script> & <img src=x onerror=alert(1)>"#
        let text = "---\ntitle: '\(evil)'\nsummary: '\(evil)'\nauthor: '\(evil)'\ntype: '\(evil)'\ntags: [seo]\nindustries: ['\(evil)']\ndate: 2024-01-01\nupdated: 2024-01-01\n---\n\nBody.\n"
        let (site, result) = try build(["content/playbooks/evil.md": Data(text.utf8)])
        #expect(result.succeeded, "\(result.diagnostics)")
        // HTML and XML escape it; the search index carries it as JSON text, which the search
        // page inserts with textContent.
        for file in site.outputFiles() where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            site.expectFile(file, "! <script>alert", "! <img src=x")
        }
        site.expectFile("playbooks/evil/index.html", "<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</h1>")
    }

    @Test func slugsCollidingAcrossFoldersAreReported() throws {
        let (_, result) = try build(["content/playbooks/operations/seo-audit.md": Data("---\ntitle: \"Again\"\ntags: [seo]\n---\n".utf8)])
        #expect(errors(result).count == 1)
        #expect(errors(result).first?.contains("playbook slug 'seo-audit' is already used by") == true)
    }

    @Test func contentSymlinkLeadingOutsideIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-outside-\(UUID().uuidString).md")
        try Data("---\ntitle: \"Secret\"\ntags: [seo]\n---\n\nSECRET-CONTENT\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try SiteFixture(SmallHub.text)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/playbooks/leak.md"), withDestinationURL: outside)
        let result = site.build()
        #expect(errors(result) == ["content/playbooks/leak.md:1:1: error: symlink leads outside the site folder; it is not read (copy the file into the site, or point the link at a file inside it)"])
        #expect(!site.exists("playbooks/leak/index.html"))
    }

    @Test func contentSymlinkInsideTheSiteIsFollowed() throws {
        let site = try SiteFixture(SmallHub.text, files: ["drafts/shared.md": "---\ntitle: \"Shared\"\ntags: [seo]\ndate: 2024-01-01\nupdated: 2024-01-01\n---\n\nShared text.\n"])
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/playbooks/shared.md"),
                                                   withDestinationURL: site.root.appendingPathComponent("drafts/shared.md"))
        #expect(site.build().succeeded)
        site.expectFile("playbooks/shared/index.html", "Shared text.")
    }
}
