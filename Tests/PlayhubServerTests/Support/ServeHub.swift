import Foundation
import PlayhubTestSupport

/// A small hub for the server tests, in the txtar-like form of the end-to-end tests
/// (`-- path --` starts a file). It builds with the default theme compiled into playhub.
enum ServeHub {
    static let seoAuditPath = "content/playbooks/seo-audit.md"
    static let seoAudit = """
    ---
    title: "SEO Audit"
    summary: "Find and fix what keeps pages out of search."
    tags: ["seo"]
    date: 2024-01-10
    ---

    Start with the pages that earn money.

    ## Run the audit

    - [ ] Crawl the site
    """

    static let text = """
    -- site.json --
    {"title": "Serve Hub", "baseURL": "https://example.org/"}
    -- content/categories/growth.md --
    ---
    title: "Growth"
    description: "Getting and keeping customers."
    ---
    -- content/tags/seo.md --
    ---
    title: "SEO"
    category: "growth"
    description: "Search engine optimisation."
    ---
    -- \(seoAuditPath) --
    \(seoAudit)
    -- content/playbooks/keyword-research.md --
    ---
    title: "Keyword Research"
    summary: "Which questions buyers type into a search box."
    tags: ["seo"]
    date: 2024-02-01
    ---

    Keyword research tells you what to write.
    -- static/extra.css --
    body { color: #222; }
    -- static/files/readme.txt --
    plain text
    -- static/img/dot.svg --
    <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>
    -- static/empty-folder/.keep --
    """
}

/// A site written into a fresh temporary folder, inside a parent folder of its own so that
/// traversal tests can put a secret next to it.
final class TempSite {
    /// The folder that holds the site and, for traversal tests, files outside it.
    let base: URL
    let root: URL

    init(_ text: String) throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-serve-\(UUID().uuidString)")
        root = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, content) in Self.parse(text) { try write(path, content) }
    }

    deinit { try? FileManager.default.removeItem(at: base) }

    var output: URL { root.appendingPathComponent("public") }

    func write(_ path: String, _ content: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written in place (not replaced), as an editor that saves over the file does.
        try Data(content.utf8).write(to: url)
    }

    static func parse(_ text: String) -> [String: String] { TextSite.parse(text) }
}
