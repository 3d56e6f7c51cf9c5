/// Builds the views templates read from the site graph: one place that knows how a
/// playbook becomes a card, a tag becomes a link, a page gets its head and breadcrumbs.
// Read-only after init, so one factory serves every render thread.
struct ViewFactory: @unchecked Sendable {
    let graph: SiteGraph
    let links: LinkBuilder
    let site: SiteView
    /// Each playbook's card as the theme's `card` partial renders it (none without one).
    var cards: CardCache?

    init(graph: SiteGraph, isServe: Bool = false) {
        self.graph = graph
        self.links = LinkBuilder(config: graph.config)
        let links = self.links
        var nav = graph.categoryOrder.map { LinkView(title: graph.categories[$0]!.title, url: links.link(.category($0))) }
        let pages = graph.pages.values.sorted { ($0.weight ?? Int.max, $0.title, $0.slug) < ($1.weight ?? Int.max, $1.title, $1.slug) }
        let pageLinks = pages.map { LinkView(title: $0.title, url: links.link(.page($0.slug))) }
        nav += pageLinks
        var siteDescription: String?
        if case .string(let text)? = graph.config.params["description"] { siteDescription = text }
        site = SiteView(title: graph.config.title, description: siteDescription, language: graph.config.language,
                        basePath: graph.config.basePath, baseURL: graph.config.baseURL, nav: nav,
                        menu: Self.menu(graph: graph, links: links), pages: pageLinks,
                        logoURL: graph.config.logo.map { SiteAddress.link($0, links: links) },
                        feedURL: links.link("/feed.xml"), searchURL: links.link("/search/"),
                        params: graph.config.params.mapValues(\.templateValue), isServe: isServe)
    }

    // MARK: - Pieces

    func card(_ index: Int) -> PlaybookCardView {
        let playbook = graph.playbooks[index]
        return PlaybookCardView(title: playbook.title, url: links.link(.playbook(playbook.slug)), type: playbook.type,
                                summary: playbook.summary, featured: playbook.featured, draft: playbook.draft,
                                date: playbook.date.description, dateText: playbook.date.longForm,
                                updated: playbook.updated.description, updatedText: playbook.updated.longForm,
                                wasUpdated: playbook.updated != playbook.date, category: categoryLink(playbook.category),
                                cardHTML: cards?.html(index) ?? "")
    }

    func categoryLink(_ slug: String, withCount: Bool = false) -> LinkView? {
        guard let category = graph.categories[slug] else { return nil }
        return LinkView(title: category.title, url: links.link(.category(slug)), description: category.description,
                        count: withCount ? (graph.playbooksByCategory[slug]?.count ?? 0) : nil)
    }

    func tagLink(_ slug: String, withCount: Bool = false) -> LinkView? {
        guard let tag = graph.tags[slug] else { return nil }
        return LinkView(title: tag.title, url: links.link(.tag(slug)), description: tag.description,
                        count: withCount ? (graph.playbooksByTag[slug]?.count ?? 0) : nil)
    }

    func termLink(_ kind: TermKind, _ slug: String, withCount: Bool = false) -> LinkView? {
        guard let term = graph.terms(kind)[slug] else { return nil }
        return LinkView(title: term.title, url: links.link(.term(kind, slug)), description: term.description,
                        count: withCount ? (graph.playbooks(for: kind)[slug]?.count ?? 0) : nil)
    }

    /// Breadcrumbs from home to the current page (last entry), as links and JSON-LD.
    func breadcrumbs(_ trail: [(String, URLPath)]) -> ([LinkView], JSONLD.BreadcrumbList) {
        let full = [("Home", URLPath.home)] + trail
        let views = full.enumerated().map { LinkView(title: $0.element.0, url: links.link($0.element.1), isCurrent: $0.offset == full.count - 1) }
        return (views, JSONLD.BreadcrumbList(full.map { ($0.0, links.absolute($0.1)) }))
    }

    /// `image` is a page's own share image (a playbook's), as written; site.json's is the default.
    func head(title: String?, description: String?, path: URLPath, ogType: String = "website", image: String? = nil,
              jsonLD: [any Encodable] = [], noindex: Bool = false) -> HeadView {
        let fullTitle = title.map { "\($0) | \(graph.config.title)" } ?? graph.config.title
        let imageURL = shareImage(image)
        let canonical = links.absolute(path)
        // Every FAQPage, whichever page builds it, leaves with absolute links.
        let jsonLD = jsonLD.map { ($0 as? JSONLD.FAQPage)?.withAbsoluteLinks(against: canonical) ?? $0 }
        return HeadView(title: fullTitle, ogTitle: title ?? graph.config.title, description: pageDescription(description),
                        canonical: canonical, ogType: ogType, image: imageURL,
                        twitterCard: imageURL == nil ? "summary" : "summary_large_image",
                        jsonLDHTML: JSONLD.scripts(jsonLD), noindex: noindex)
    }

    /// The absolute URL of a page's share image: its own, else the site's default, else none.
    func shareImage(_ own: String?) -> String? {
        (own ?? graph.config.image).map { SiteAddress.absolute($0, links: links) }
    }

    /// Never empty: a page without a description of its own has the site's, else its title.
    func pageDescription(_ description: String?) -> String {
        [description, site.description].compactMap { $0?.trimmed }.first { !$0.isEmpty } ?? graph.config.title
    }

    func pager(_ pagination: Pagination, page: Int, base: URLPath) -> PagerView {
        let total = pagination.pageCount
        let window = max(1, page - 2)...min(total, page + 2)
        func link(_ n: Int) -> LinkView { LinkView(title: "\(n)", url: links.link(base.paginated(n)), isCurrent: n == page) }
        return PagerView(current: page, total: total,
                         previousURL: page > 1 ? links.link(base.paginated(page - 1)) : nil,
                         nextURL: page < total ? links.link(base.paginated(page + 1)) : nil,
                         pages: window.map(link),
                         first: window.lowerBound > 1 ? link(1) : nil, last: window.upperBound < total ? link(total) : nil,
                         gapBefore: window.lowerBound > 2, gapAfter: window.upperBound < total - 1,
                         isPaginated: total > 1)
    }
}
