/// The files for search engines and readers' tools, written beside the pages: sitemap,
/// robots.txt, Atom feed and search index.
public enum SearchEngineFiles {
    public static func make(graph: SiteGraph, plans: [PagePlan], sitemapLimits: Sitemap.Limits = .standard) -> [OutputFile] {
        let links = LinkBuilder(config: graph.config)
        return Sitemap.files(for: plans, links: links, limits: sitemapLimits)
            + [Robots.file(links: links), AtomFeed.file(graph: graph, links: links), SearchIndex.file(graph: graph, links: links)]
    }
}
