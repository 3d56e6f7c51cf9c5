/// The search page's index (`/search/index/…`, see `SearchIndexFiles`): every built playbook
/// in list order, its title, tags, category, tools, industries, summary and body text.
public enum SearchIndex {
    public static func files(graph: SiteGraph, links: LinkBuilder, jobs: Int = 1,
                             layout: SearchIndexFiles.Layout = .init()) -> [OutputFile] {
        let documents = Parallel.map(graph.playbooks, jobs: jobs) { SearchDocument(playbook: $0, graph: graph) }
        return SearchIndexFiles.files(postings: SearchPostings(documents: documents),
                                      metadata: metadata(graph: graph, links: links), layout: layout)
    }

    static func metadata(graph: SiteGraph, links: LinkBuilder) -> [SearchIndexFiles.Metadata] {
        graph.playbooks.map { playbook in
            SearchIndexFiles.Metadata(title: playbook.title, url: links.link(.playbook(playbook.slug)), summary: playbook.summary,
                                      category: graph.categories[playbook.category]?.title ?? "")
        }
    }
}
