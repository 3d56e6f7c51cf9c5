import Foundation
import Testing
@testable import PlayhubKit

/// The example hub in this repository (`site.json`, `content/`) builds cleanly, and every
/// link in it resolves.
@Suite struct ExampleHubTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func buildsWithoutErrorsAndEveryLinkResolves() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = Builder.build(BuildOptions(siteDir: Self.repository, outputDir: output.path, jobs: 2))
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(result.diagnostics.items.isEmpty, "\(result.diagnostics)")
        #expect((result.pagesByKind["playbook"] ?? 0) >= 30)
        #expect((result.pagesByKind["tag"] ?? 0) >= 10)
        #expect((result.pagesByKind["category"] ?? 0) >= 3)
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted()
        let broken = LinkAudit(output: output, basePath: "/").run(files: files)
        #expect(broken.isEmpty, "\(broken.prefix(20))")
        #expect(XMLCheck.validate(output.appendingPathComponent("sitemap.xml"), schema: "sitemap.xsd") == "")
    }

    @Test func linkAuditFindsABrokenLinkAndFragment() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/pages/broken.md": "---\ntitle: \"Broken\"\n---\n\n[gone](/playbooks/gone/) and [bad anchor](/playbooks/seo-audit/#nowhere) and [ok](/playbooks/seo-audit/#prepare)\n",
        ])
        #expect(site.build().succeeded)
        let broken = LinkAudit(output: site.output, basePath: "/").run(files: site.outputFiles()).map(\.link)
        #expect(broken == ["/playbooks/gone/", "/playbooks/seo-audit/#nowhere"])
    }
}
