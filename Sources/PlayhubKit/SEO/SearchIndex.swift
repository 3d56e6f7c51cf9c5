import Foundation

/// `/search-index.json`: title, summary, URL, tags and category of every built playbook, in
/// list order, for the search page's script (or any client-side search).
public enum SearchIndex {
    struct Entry: Encodable {
        let title: String
        let summary: String
        let url: String
        let tags: [String]
        let category: String
    }

    public static func file(graph: SiteGraph, links: LinkBuilder) -> OutputFile {
        let entries = graph.playbooks.map { playbook in
            Entry(title: playbook.title, summary: playbook.summary, url: links.link(.playbook(playbook.slug)),
                  tags: playbook.tags.compactMap { graph.tags[$0]?.title },
                  category: graph.categories[playbook.category]?.title ?? "")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return OutputFile(path: "search-index.json", data: data + Data("\n".utf8))
    }
}
