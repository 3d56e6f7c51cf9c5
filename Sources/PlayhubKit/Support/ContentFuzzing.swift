import Foundation

/// One input through everything that reads untrusted content: front matter, YAML, Markdown
/// and the site graph. The libFuzzer target (`make fuzz`) and the regression test over the
/// crashes it found both call this, so they exercise exactly the same code.
public enum ContentFuzzing {
    public static func exercise(_ data: Data) {
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
        let (graph, _) = SiteGraph.resolve(config: config, documents: documents, includeDrafts: true, dates: ContentDates())
        if let graph {
            for index in graph.playbooks.indices { _ = graph.relatedPlaybooks(of: index) }
            _ = PagePlanner.plan(graph)
        }
    }
}
