/// The header's menu: short on every hub, however many categories it has (14 categories
/// once took a phone's whole first screen on every page).
extension ViewFactory {
    /// Categories the default menu names before its "All categories" link.
    static let defaultMenuCategories = 5

    /// site.json `menu` as written (paths get the base path), else the first categories by
    /// weight and a link to all of them.
    static func menu(graph: SiteGraph, links: LinkBuilder) -> [LinkView] {
        if let entries = graph.config.menu {
            return entries.map { LinkView(title: $0.title, url: SiteAddress.link($0.url, links: links)) }
        }
        let first = graph.categoryOrder.prefix(defaultMenuCategories).map {
            LinkView(title: graph.categories[$0]!.title, url: links.link(.category($0)))
        }
        return first + [LinkView(title: "All categories", url: links.link("/categories/"))]
    }
}
