import Foundation

/// One input through everything that reads untrusted input: content files (front matter,
/// YAML, Markdown, the site graph), site.json, and templates. The libFuzzer target
/// (`make fuzz`) and the regression test over the crashes it found both call `exercise`, so
/// they exercise exactly the same code.
///
/// The first byte picks the reader, so one corpus feeds all three:
/// - `0x01`: the rest is site.json;
/// - `0x02`: the second byte picks a template name (one of the default theme's, or a new
///   one), the rest is that template's text, loaded over the default theme;
/// - anything else: the whole input is a content file (so Markdown files are seeds as is).
public enum ContentFuzzing {
    public static let configMarker: UInt8 = 0x01
    public static let templateMarker: UInt8 = 0x02

    public static func exercise(_ data: Data) {
        switch data.first {
        case configMarker: exerciseConfig(Data(data.dropFirst()))
        case templateMarker: exerciseTemplate(Data(data.dropFirst()))
        default: exerciseContent(data)
        }
    }

    /// A content file, read as each kind of file, with and without raw HTML.
    static func exerciseContent(_ data: Data) {
        var documents: [ParsedDocument] = []
        for kind in ContentKind.allCases {
            let file = SourceFile(kind: kind, path: "content/\(kind.folder)/fuzz.md", fileStem: "fuzz", data: data,
                                  modified: Date(timeIntervalSince1970: 0))
            for options in [MarkdownOptions(), MarkdownOptions(unsafeHTML: true, basePath: "/hub/")] {
                let (document, _) = DocumentParser.parse(file, options: options)
                if let document, options.unsafeHTML == false { documents.append(document) }
            }
        }
        let config = SiteConfig(title: "Fuzz", baseURL: "https://example.org/")
        exerciseSite(config: config, documents: documents)
    }

    /// site.json's bytes; a usable config then sizes a small hub's pages, feed and related
    /// lists, which is what its numbers are for.
    static func exerciseConfig(_ data: Data) {
        let (config, _) = SiteConfig.load(data: data)
        guard let config else { return }
        _ = JSONValue.object(config.params).templateValue
        exerciseSite(config: config, documents: seedDocuments)
    }

    /// One template's text under one name, over the default theme; when it loads, every
    /// template is rendered once (a cycle the load missed would overflow the stack here).
    static func exerciseTemplate(_ data: Data) {
        let names = defaultTheme.sources.keys.sorted() + ["fuzz"]
        let name = names[Int(data.first ?? 0) % names.count]
        var sources = defaultTheme.sources
        sources[name] = ("templates/\(name).mustache", String(decoding: data.dropFirst(), as: UTF8.self))
        guard case .success(let theme) = Theme.make(name: "default", sources: sources, statics: [:]) else { return }
        let context: [String: Any] = ["title": "Fuzz", "items": [["title": "One", "url": "/one/"]], "site": ["title": "Hub"]]
        for template in sources.keys.sorted() { _ = theme.render(context, template: template) }
    }

    static func exerciseSite(config: SiteConfig, documents: [ParsedDocument]) {
        let (graph, problems) = SiteGraph.resolve(config: config, documents: documents, includeDrafts: true, dates: ContentDates())
        if let graph, !problems.hasErrors {
            for index in graph.playbooks.indices { _ = graph.relatedPlaybooks(of: index) }
            let plans = PagePlanner.plan(graph)
            _ = SearchEngineFiles.make(graph: graph, plans: plans)
        }
    }

    static let defaultTheme = Theme.builtIn()

    /// A category, a tag and three playbooks: enough for lists, related links and a feed.
    static let seedDocuments: [ParsedDocument] = {
        let files: [(ContentKind, String, String)] = [
            (.category, "growth", "---\ntitle: \"Growth\"\ndescription: \"Getting customers.\"\n---\n"),
            (.tag, "seo", "---\ntitle: \"SEO\"\ncategory: growth\ndescription: \"Being found.\"\n---\n"),
            (.playbook, "audit", "---\ntitle: \"Audit\"\ntags: [seo]\ndate: 2024-01-01\n---\n\nStart.\n"),
            (.playbook, "keywords", "---\ntitle: \"Keywords\"\ntags: [seo]\ndate: 2024-02-01\n---\n\nAsk.\n"),
            (.playbook, "links", "---\ntitle: \"Links\"\ntags: [seo]\ndate: 2024-03-01\n---\n\nEarn.\n"),
        ]
        return files.compactMap { kind, slug, text in
            let file = SourceFile(kind: kind, path: "content/\(kind.folder)/\(slug).md", fileStem: slug, data: Data(text.utf8),
                                  modified: Date(timeIntervalSince1970: 0))
            return DocumentParser.parse(file, options: MarkdownOptions()).0
        }
    }()
}
