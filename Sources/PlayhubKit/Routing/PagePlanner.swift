/// Stage 6, plan: decides every page of the site and its URL, template and last change.
public enum PagePlanner {
    public static func plan(_ graph: SiteGraph) -> [PagePlan] {
        var plans: [PagePlan] = []
        let newest = graph.newestUpdate(of: Array(graph.playbooks.indices))
        plans.append(PagePlan(path: .home, content: .home, template: "home", kind: "home", lastModified: newest, inSitemap: true))

        let pagination = Pagination(itemCount: graph.playbooks.count, size: graph.config.paginate)
        for n in 1...pagination.pageCount {
            let shown = Array(pagination.range(ofPage: n))
            plans.append(PagePlan(path: URLPath("/playbooks/").paginated(n), content: .playbookList(page: n), template: "list",
                                  kind: "list", lastModified: graph.newestUpdate(of: shown), inSitemap: true))
        }
        for (index, playbook) in graph.playbooks.enumerated() {
            plans.append(PagePlan(path: .playbook(playbook.slug), content: .playbook(index: index), template: "playbook",
                                  kind: "playbook", lastModified: playbook.updated, inSitemap: playbook.inSitemap && !playbook.draft))
        }
        for slug in graph.pages.keys.sorted() {
            let page = graph.pages[slug]!
            plans.append(PagePlan(path: .page(slug), content: .page(slug: slug), template: "page", kind: "page",
                                  lastModified: nil, inSitemap: page.inSitemap && !page.draft))
        }
        plans.append(PagePlan(path: URLPath("/404.html"), content: .notFound, template: "404", kind: "404",
                              lastModified: nil, inSitemap: false))
        return plans
    }
}
