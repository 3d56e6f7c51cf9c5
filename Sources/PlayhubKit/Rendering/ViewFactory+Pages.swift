/// The context of each kind of page: its view, head and breadcrumbs.
extension ViewFactory {
    func context(for plan: PagePlan) -> PageContext {
        switch plan.content {
        case .home: return home(plan)
        case .playbook(let index): return playbook(index, plan)
        case .playbookList(let page): return playbookList(page, plan)
        case .tag(let slug, let page): return tag(slug, page: page, plan)
        case .tagIndex: return tagIndex(plan)
        case .category(let slug, let page): return category(slug, page: page, plan)
        case .categoryIndex: return categoryIndex(plan)
        case .term(let kind, let slug, let page): return term(kind, slug, page: page, plan)
        case .termIndex(let kind): return termIndex(kind, plan)
        case .faq: return faqPage(plan)
        case .search: return search(plan)
        case .page(let slug): return freePage(slug, plan)
        case .notFound, .redirect: return notFound(plan)
        }
    }

    func home(_ plan: PagePlan) -> PageContext {
        let all = Array(graph.playbooks.indices)
        let featured = all.filter { graph.playbooks[$0].featured }
        let latest = graph.newestFirst.prefix(12)
        let view = HomeView(title: graph.config.title, description: site.description,
                            categories: graph.categoryOrder.compactMap { categoryLink($0, withCount: true) },
                            featured: featured.prefix(12).map(card), latest: latest.map(card),
                            allPlaybooksURL: links.link("/playbooks/"), playbookCount: all.count,
                            playbookCountLabel: Plural.playbooks(all.count))
        return PageContext(site: site, head: head(title: nil, description: site.description, path: plan.path), breadcrumbs: [], page: view)
    }

    func playbook(_ index: Int, _ plan: PagePlan) -> PageContext {
        let playbook = graph.playbooks[index]
        var trail: [(String, URLPath)] = []
        if let category = graph.categories[playbook.category] { trail.append((category.title, .category(category.slug))) }
        trail.append((playbook.title, plan.path))
        let (crumbs, crumbsLD) = breadcrumbs(trail)
        let toc = TableOfContents(headings: playbook.body.headings)
        let view = PlaybookView(
            title: playbook.title, type: playbook.type, summary: playbook.summary, author: playbook.author,
            date: playbook.date.description, dateText: playbook.date.longForm,
            updated: playbook.updated.description, updatedText: playbook.updated.longForm,
            wasUpdated: playbook.updated != playbook.date, readingMinutes: playbook.readingMinutes,
            category: categoryLink(playbook.category), tags: playbook.tags.compactMap { tagLink($0) },
            industries: playbook.industries.compactMap { termLink(.industry, $0) },
            tools: playbook.tools.compactMap { termLink(.tool, $0) },
            tocHTML: toc.html, hasTOC: !toc.isEmpty, bodyHTML: playbook.body.html, hasChecklist: playbook.body.taskCount > 0,
            related: graph.relatedPlaybooks(of: index).map(card), featured: playbook.featured, draft: playbook.draft,
            params: playbook.params.mapValues(\.templateValue))
        let article = JSONLD.Article(headline: playbook.title, description: pageDescription(playbook.description), datePublished: playbook.date,
                                     dateModified: playbook.updated, author: playbook.author, url: links.absolute(plan.path),
                                     keywords: playbook.tags.compactMap { graph.tags[$0]?.title },
                                     image: shareImage(playbook.image), publisher: graph.config.title,
                                     publisherLogo: graph.config.logo.map { SiteAddress.absolute($0, links: links) })
        // A draft is only ever built for preview: should one be deployed, it stays out of search.
        let head = head(title: playbook.title, description: playbook.description, path: plan.path, ogType: "article",
                        image: playbook.image, jsonLD: [crumbsLD, article], noindex: playbook.draft)
        return PageContext(site: site, head: head, breadcrumbs: crumbs, page: view)
    }

    func playbookList(_ page: Int, _ plan: PagePlan) -> PageContext {
        let pagination = Pagination(itemCount: graph.playbooks.count, size: graph.config.paginate)
        let title = page > 1 ? "All playbooks (page \(page))" : "All playbooks"
        let (crumbs, crumbsLD) = breadcrumbs([("Playbooks", URLPath("/playbooks/"))])
        let view = ListView(title: title, description: "Every playbook in \(graph.config.title).",
                            items: pagination.range(ofPage: page).map(card),
                            pager: pager(pagination, page: page, base: URLPath("/playbooks/")),
                            totalCount: graph.playbooks.count, totalCountLabel: Plural.playbooks(graph.playbooks.count))
        return PageContext(site: site, head: head(title: title, description: view.description, path: plan.path, jsonLD: [crumbsLD]),
                           breadcrumbs: crumbs, page: view)
    }

    func freePage(_ slug: String, _ plan: PagePlan) -> PageContext {
        let page = graph.pages[slug]!
        let (crumbs, crumbsLD) = breadcrumbs([(page.title, plan.path)])
        let view = FreePageView(title: page.title, description: page.description, bodyHTML: page.body.html, draft: page.draft)
        return PageContext(site: site, head: head(title: page.title, description: page.description, path: plan.path, jsonLD: [crumbsLD],
                                                  noindex: page.draft),
                           breadcrumbs: crumbs, page: view)
    }

    func search(_ plan: PagePlan) -> PageContext {
        let (crumbs, crumbsLD) = breadcrumbs([("Search", plan.path)])
        let view = SearchView(title: "Search", description: "Search every playbook of \(graph.config.title).",
                              indexURL: links.link("/" + SearchIndexFiles.folder), playbookCount: graph.playbooks.count,
                              playbookCountLabel: Plural.playbooks(graph.playbooks.count),
                              categories: graph.categoryOrder.compactMap { categoryLink($0, withCount: true) },
                              tagsURL: links.link("/tags/"))
        return PageContext(site: site, head: head(title: view.title, description: view.description, path: plan.path, jsonLD: [crumbsLD]),
                           breadcrumbs: crumbs, page: view)
    }

    func notFound(_ plan: PagePlan) -> PageContext {
        let view = FreePageView(title: "Page not found", description: "The page you asked for does not exist.", bodyHTML: "")
        return PageContext(site: site, head: head(title: view.title, description: view.description, path: plan.path, noindex: true),
                           breadcrumbs: [], page: view)
    }
}
