/// One page the build will write: where it goes, what it shows and how search engines see it.
/// Plans are small values; the view a template reads is built only when the page renders.
public struct PagePlan: Sendable {
    /// What a page shows, by key into the `SiteGraph`.
    public enum Content: Sendable, Hashable {
        case home
        case playbook(index: Int)
        case playbookList(page: Int)
        case tag(slug: String, page: Int)
        case tagIndex
        case category(slug: String, page: Int)
        case categoryIndex
        case term(kind: TermKind, slug: String, page: Int)
        case termIndex(kind: TermKind)
        case faq
        /// The client-side search page over `/search/index/`.
        case search
        case page(slug: String)
        case notFound
        /// An old URL (a playbook's `aliases`) that sends readers and search engines to it.
        case redirect(playbook: Int)
    }

    public var path: URLPath
    public var content: Content
    /// The template file name, without `.mustache` (redirects use none).
    public var template: String
    /// A summary label, e.g. "playbook", for the build summary.
    public var kind: String
    /// The newest change among what the page shows (the sitemap's `<lastmod>`).
    public var lastModified: Day?
    public var inSitemap: Bool
}
