/// One page the build will write: where it goes, what it shows and how search engines see it.
/// Plans are small values; the view a template reads is built only when the page renders.
public struct PagePlan: Sendable {
    /// What a page shows, by key into the `SiteGraph`.
    public enum Content: Sendable, Hashable {
        case home
        case playbook(index: Int)
        case playbookList(page: Int)
        case page(slug: String)
        case notFound
    }

    public var path: URLPath
    public var content: Content
    /// The template file name, without `.mustache`.
    public var template: String
    /// A summary label, e.g. "playbook", for the build summary.
    public var kind: String
    public var lastModified: Day?
    public var inSitemap: Bool
}
