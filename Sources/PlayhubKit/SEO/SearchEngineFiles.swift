/// The files for search engines and readers' tools, written beside the pages: sitemap,
/// robots.txt, Atom feed and, unless `search` is false, the search page's index.
public enum SearchEngineFiles {
    public static func make(graph: SiteGraph, plans: [PagePlan], sitemapLimits: Sitemap.Limits = .standard,
                            search: Bool = true, jobs: Int = 1) -> [OutputFile] {
        let links = LinkBuilder(config: graph.config)
        return Sitemap.files(for: plans, links: links, limits: sitemapLimits)
            + [Robots.file(links: links), AtomFeed.file(graph: graph, links: links)]
            + (search ? SearchIndex.files(graph: graph, links: links, jobs: jobs) : [])
    }
}
