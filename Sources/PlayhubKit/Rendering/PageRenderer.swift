import Foundation

/// Stage 7, render: every planned page through its template, in parallel, in plan order.
public enum PageRenderer {
    public static func render(_ plans: [PagePlan], graph: SiteGraph, theme: Theme, jobs: Int, isServe: Bool = false) -> ([OutputFile], Diagnostics) {
        var problems = Diagnostics()
        for name in Set(plans.map(\.template)).sorted() where !name.isEmpty && !theme.hasTemplate(name) {
            problems.append(Diagnostic(.missingTemplate, at: nil, "template '\(name).mustache' not found",
                hint: "add templates/\(name).mustache to the site or to themes/\(theme.name)/templates/"))
        }
        guard !problems.hasErrors else { return ([], problems) }
        var factory = ViewFactory(graph: graph, isServe: isServe)
        let links = LinkBuilder(config: graph.config)
        let siteData = SharedValue(TemplateData.fields(of: factory.site))
        // A playbook's card appears on a dozen pages (lists, tags, terms, related blocks):
        // render the theme's `card` partial once per playbook and hand it out as `cardHTML`.
        if theme.hasTemplate("card") {
            let cardFactory = factory
            factory.cardHTML = Parallel.map(Array(graph.playbooks.indices), jobs: jobs) { index in
                var data = cardFactory.card(index).templateFields
                data["site"] = siteData.value
                return theme.render(data, template: "card") ?? ""
            }
        }
        let pageFactory = factory
        let files = Parallel.map(plans, jobs: jobs) { plan -> OutputFile in
            let html: String
            if case .redirect(let index) = plan.content {
                let playbook = graph.playbooks[index]
                html = Redirects.html(to: links.absolute(.playbook(playbook.slug)), title: playbook.title, language: graph.config.language)
            } else {
                html = theme.render(pageFactory.context(for: plan).templateData(site: siteData.value), template: plan.template) ?? ""
            }
            return OutputFile(path: plan.path.outputFile, data: Data(html.utf8))
        }
        return (files, problems)
    }
}

/// Read-only data shared by the render threads.
private struct SharedValue<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
