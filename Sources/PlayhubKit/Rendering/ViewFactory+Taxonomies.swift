/// Category, industry and tool pages, and their index pages.
extension ViewFactory {
    func category(_ slug: String, page: Int, _ plan: PagePlan) -> PageContext {
        let category = graph.categories[slug]!
        let members = graph.playbooksByCategory[slug] ?? []
        let pagination = Pagination(itemCount: members.count, size: graph.config.paginate)
        let title = page > 1 ? "\(category.title) playbooks (page \(page))" : "\(category.title) playbooks"
        let (crumbs, crumbsLD) = breadcrumbs([(category.title, .category(slug))] + (page > 1 ? [("Page \(page)", plan.path)] : []))
        let newest = graph.newestUpdate(of: members)
        let view = CategoryView(
            title: title, description: category.description,
            tags: (graph.tagsByCategory[slug] ?? []).compactMap { tagLink($0, withCount: true) },
            items: pagination.range(ofPage: page).map { card(members[$0]) },
            pager: pager(pagination, page: page, base: .category(slug)),
            count: members.count, countLabel: Plural.playbooks(members.count),
            articleHTML: page == 1 ? category.body.html : "",
            hasArticle: page == 1 && (!category.body.html.isEmpty || category.body.title != nil),
            articleHeading: category.body.title,
            relatedCategories: category.related.compactMap { categoryLink($0, withCount: true) },
            lastUpdated: newest?.description, lastUpdatedText: newest?.longForm)
        return PageContext(site: site, head: head(title: title, description: category.description, path: plan.path, jsonLD: [crumbsLD]),
                           breadcrumbs: crumbs, page: view)
    }

    func term(_ kind: TermKind, _ slug: String, page: Int, _ plan: PagePlan) -> PageContext {
        let term = graph.terms(kind)[slug]!
        let members = graph.playbooks(for: kind)[slug] ?? []
        let pagination = Pagination(itemCount: members.count, size: graph.config.paginate)
        let title = page > 1 ? "\(term.title) playbooks (page \(page))" : "\(term.title) playbooks"
        let indexPath = URLPath("/\(kind.folder)/")
        let (crumbs, crumbsLD) = breadcrumbs([(kind.pluralTitle, indexPath), (term.title, .term(kind, slug))]
                                             + (page > 1 ? [("Page \(page)", plan.path)] : []))
        let body = page == 1 ? (term.body?.html ?? "") : ""
        let description = term.description
            ?? "\(Plural.playbooks(members.count).capitalizedFirst) \(kind == .industry ? "for" : "that use") \(term.title)."
        let view = TermView(title: title, kind: kind.rawValue, kindLink: LinkView(title: kind.pluralTitle, url: links.link(indexPath)),
                            description: term.description, bodyHTML: body, hasBody: !body.isEmpty,
                            items: pagination.range(ofPage: page).map { card(members[$0]) },
                            pager: pager(pagination, page: page, base: .term(kind, slug)),
                            count: members.count, countLabel: Plural.playbooks(members.count))
        return PageContext(site: site, head: head(title: title, description: description, path: plan.path, jsonLD: [crumbsLD]),
                           breadcrumbs: crumbs, page: view)
    }

    func categoryIndex(_ plan: PagePlan) -> PageContext {
        let (crumbs, crumbsLD) = breadcrumbs([("Categories", plan.path)])
        let view = TermIndexView(title: "Categories", description: "Every category of \(graph.config.title).",
                                 terms: graph.categoryOrder.compactMap { categoryLink($0, withCount: true) })
        return PageContext(site: site, head: head(title: view.title, description: view.description, path: plan.path, jsonLD: [crumbsLD]),
                           breadcrumbs: crumbs, page: view)
    }

    func termIndex(_ kind: TermKind, _ plan: PagePlan) -> PageContext {
        let (crumbs, crumbsLD) = breadcrumbs([(kind.pluralTitle, plan.path)])
        let view = TermIndexView(title: kind.pluralTitle,
                                 description: "Playbooks of \(graph.config.title) by \(kind == .industry ? "industry" : "tool"), A–Z.",
                                 terms: graph.termOrder(kind).compactMap { termLink(kind, $0, withCount: true) })
        return PageContext(site: site, head: head(title: view.title, description: view.description, path: plan.path, jsonLD: [crumbsLD]),
                           breadcrumbs: crumbs, page: view)
    }
}

extension String {
    /// "12 playbooks" → "12 playbooks"; "playbooks" → "Playbooks".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
