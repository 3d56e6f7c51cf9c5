/// Stage 6, plan: decides every page of the site (SPEC §3), its URL, template and last change.
public enum PagePlanner {
    public static func plan(_ graph: SiteGraph) -> [PagePlan] {
        var plans: [PagePlan] = []
        func add(_ path: URLPath, _ content: PagePlan.Content, _ template: String, kind: String, lastModified: Day?, inSitemap: Bool = true) {
            plans.append(PagePlan(path: path, content: content, template: template, kind: kind, lastModified: lastModified, inSitemap: inSitemap))
        }
        /// Page 1 at `base`, later pages at `base/page/N/`, each dated by what it lists.
        func paginated(_ base: URLPath, _ items: [Int], kind: String, template: String, inSitemap: Bool = true,
                       _ content: (Int) -> PagePlan.Content) {
            let pagination = Pagination(itemCount: items.count, size: graph.config.paginate)
            for n in 1...pagination.pageCount {
                let shown = pagination.range(ofPage: n).map { items[$0] }
                add(base.paginated(n), content(n), template, kind: kind, lastModified: graph.newestUpdate(of: shown), inSitemap: inSitemap)
            }
        }
        let everything = Array(graph.playbooks.indices)
        let newest = graph.newestUpdate(of: everything)

        add(.home, .home, "home", kind: "home", lastModified: newest)
        paginated(URLPath("/playbooks/"), everything, kind: "list", template: "list") { .playbookList(page: $0) }
        for index in graph.playbooks.indices { plans.append(playbookPage(index, in: graph)) }

        add(URLPath("/categories/"), .categoryIndex, "terms", kind: "index", lastModified: newest)
        for slug in graph.categoryOrder {
            paginated(.category(slug), graph.playbooksByCategory[slug] ?? [], kind: "category", template: "category") {
                .category(slug: slug, page: $0)
            }
        }
        add(URLPath("/tags/"), .tagIndex, "tags", kind: "index", lastModified: newest)
        for slug in graph.tagOrder {
            // An empty tag page is `noindex`, so it is left out of the sitemap too.
            let members = graph.playbooksByTag[slug] ?? []
            paginated(.tag(slug), members, kind: "tag", template: "tag", inSitemap: !members.isEmpty) { .tag(slug: slug, page: $0) }
        }
        for kind in TermKind.allCases {
            add(URLPath("/\(kind.folder)/"), .termIndex(kind: kind), "terms", kind: "index", lastModified: newest)
            for slug in graph.termOrder(kind) {
                paginated(.term(kind, slug), graph.playbooks(for: kind)[slug] ?? [], kind: kind.rawValue, template: "term") {
                    .term(kind: kind, slug: slug, page: $0)
                }
            }
        }
        add(URLPath("/faq/"), .faq, "faq", kind: "faq", lastModified: newest)
        add(URLPath("/search/"), .search, "search", kind: "search", lastModified: newest)

        for slug in graph.pages.keys.sorted() {
            let page = graph.pages[slug]!
            add(.page(slug), .page(slug: slug), "page", kind: "page", lastModified: page.updated, inSitemap: page.inSitemap && !page.draft)
        }
        add(URLPath("/404.html"), .notFound, "404", kind: "404", lastModified: nil, inSitemap: false)

        for (index, playbook) in graph.playbooks.enumerated() {
            for alias in playbook.aliases {
                add(aliasPath(alias.value), .redirect(playbook: index), "", kind: "redirect", lastModified: nil, inSitemap: false)
            }
        }
        return plans
    }

    /// The page of the playbook at `index`.
    static func playbookPage(_ index: Int, in graph: SiteGraph) -> PagePlan {
        let playbook = graph.playbooks[index]
        return PagePlan(path: .playbook(playbook.slug), content: .playbook(index: index), template: "playbook", kind: "playbook",
                        lastModified: playbook.updated, inSitemap: playbook.inSitemap && !playbook.draft)
    }

    /// `/guides/old/` stays a folder page; `/old.html` stays a file; `/old` becomes `/old/`.
    /// The path is taken as a web server takes it: `//` is `/`, a `.` segment is nothing and
    /// `index.html` is its folder, so `/./`, `/index.html` and `//tags/` are the pages they
    /// reach, and clash with them.
    public static func aliasPath(_ alias: String) -> URLPath {
        var segments = alias.split(separator: "/").filter { $0 != "." }
        if segments.last == "index.html" { segments.removeLast() }
        let path = "/" + segments.joined(separator: "/")
        if segments.isEmpty { return .home }
        if alias.hasSuffix("/") || !(segments.last!.hasSuffix(".html")) || alias.hasSuffix("/index.html") { return URLPath(path + "/") }
        return URLPath(path)
    }

    /// Two pages at one URL would overwrite each other: a free page named like a built-in
    /// section, or an alias that is already a page's URL. Each clash is reported at its source.
    public static func clashes(in plans: [PagePlan], graph: SiteGraph) -> [Diagnostic] {
        var owners: [URLPath: PagePlan] = [:]
        var problems: [Diagnostic] = []
        var aliasesSeen: [String: Int] = [:] // "playbook path" → how many of its aliases reach the path
        for plan in plans {
            var nth = 0
            if case .redirect(let index) = plan.content {
                nth = aliasesSeen["\(index) \(plan.path)", default: 0]
                aliasesSeen["\(index) \(plan.path)"] = nth + 1
            }
            guard let first = owners[plan.path] else { owners[plan.path] = plan; continue }
            switch plan.content {
            case .redirect(let index):
                // Aliases that reach one path (`/./` and `/index.html`) are told apart by order.
                let alias = graph.playbooks[index].aliases.filter { aliasPath($0.value) == plan.path }[nth]
                let what: String
                if case .redirect(let other) = first.content { what = "an alias of \(graph.playbooks[other].sourcePath)" } else { what = "the URL of a page" }
                problems.append(Diagnostic(.duplicateSlug, at: alias.location, "alias '\(alias.value)' is already \(what)",
                    hint: "remove the alias or change it to an unused path"))
            case .page(let slug):
                problems.append(Diagnostic(.duplicateSlug, at: SourceLocation(file: graph.pages[slug]!.sourcePath),
                    "page '\(slug)' would be served at \(plan.path), which the hub already uses",
                    hint: "rename the file; /playbooks/, /tags/, /categories/, /industries/, /tools/, /faq/ and /search/ are reserved"))
            default:
                problems.append(Diagnostic(.duplicateSlug, at: nil, "two pages would be written at \(plan.path)"))
            }
        }
        return problems
    }
}
