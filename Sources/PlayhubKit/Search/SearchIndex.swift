/// The search page's index (`/search/index/…`, see `SearchIndexFiles`): every built playbook
/// in list order, its title, tags, category, tools, industries, summary and body text.
public enum SearchIndex {
    /// Playbooks whose terms are held at once while the postings are made.
    static let batch = 2_048

    public static func files(graph: SiteGraph, links: LinkBuilder, jobs: Int = 1,
                             layout: SearchIndexFiles.Layout = .init()) -> [OutputFile] {
        var postings = SearchPostings.Builder()
        for start in stride(from: 0, to: graph.playbooks.count, by: batch) {
            let playbooks = Array(graph.playbooks[start..<min(start + batch, graph.playbooks.count)])
            postings.add(Parallel.map(playbooks, jobs: jobs) { SearchDocument(playbook: $0, graph: graph) })
        }
        return SearchIndexFiles.files(postings: postings.finish(), metadata: metadata(graph: graph, links: links), layout: layout)
    }

    static func metadata(graph: SiteGraph, links: LinkBuilder) -> [SearchIndexFiles.Metadata] {
        graph.playbooks.map { playbook in
            SearchIndexFiles.Metadata(title: playbook.title, url: links.link(.playbook(playbook.slug)), summary: playbook.summary,
                                      category: graph.categories[playbook.category]?.title ?? "")
        }
    }
}
