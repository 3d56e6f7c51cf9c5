import Foundation

/// Stage 7, render: every planned page through its template, in parallel, in plan order.
public enum PageRenderer {
    /// Every page in plan order, held in memory (a rebuild of a few pages, tests).
    public static func render(_ plans: [PagePlan], graph: SiteGraph, theme: Theme, jobs: Int,
                              isServe: Bool = false) -> ([OutputFile], Diagnostics) {
        let files = Locked<[OutputFile?]>(Array(repeating: nil, count: plans.count))
        let problems = render(plans, graph: graph, theme: theme, jobs: jobs, isServe: isServe) { number, file in
            files.withLock { $0[number] = file }
        }
        return (problems.hasErrors ? [] : files.withLock { $0.compactMap { $0 } }, problems)
    }

    /// Renders every page and hands each to `page` (with its number in `plans`) on the thread
    /// that made it, so a build can write pages as they come and hold none. `plans` may be
    /// some of the site's pages (those whose `PageInputs` changed).
    static func render(_ plans: [PagePlan], graph: SiteGraph, theme: Theme, jobs: Int, isServe: Bool = false,
                       each page: @Sendable (Int, OutputFile) -> Void) -> Diagnostics {
        var problems = Diagnostics()
        for name in Set(plans.map(\.template)).sorted() where !name.isEmpty && !theme.hasTemplate(name) {
            problems.append(Diagnostic(.missingTemplate, at: nil, "template '\(name).mustache' not found",
                hint: "add templates/\(name).mustache to the site or to themes/\(theme.name)/templates/"))
        }
        guard !problems.hasErrors else { return problems }
        var factory = ViewFactory(graph: graph, isServe: isServe)
        let links = LinkBuilder(config: graph.config)
        let siteData = SharedValue(TemplateData.fields(of: factory.site))
        @Sendable func output(_ data: [String: Any], template: String) -> Data {
            Data((theme.render(data, template: template) ?? "").utf8)
        }
        if theme.hasTemplate("card") {
            let cardFactory = factory
            let cards = CardCache(count: graph.playbooks.count) { index in
                var data = cardFactory.card(index).templateFields
                data["site"] = siteData.value
                return String(decoding: output(data, template: "card"), as: UTF8.self)
            }
            factory.cards = cards
        }
        let pageFactory = factory
        _ = Parallel.map(Array(plans.enumerated()), jobs: jobs) { number, plan in
            if case .redirect(let index) = plan.content {
                let playbook = graph.playbooks[index]
                let html = Redirects.html(to: links.absolute(.playbook(playbook.slug)), title: playbook.title, language: graph.config.language)
                page(number, OutputFile(path: plan.path.outputFile, data: Data(html.utf8)))
                return
            }
            let data = pageFactory.context(for: plan).templateData(site: siteData.value)
            page(number, OutputFile(path: plan.path.outputFile, data: output(data, template: plan.template)))
        }
        return problems
    }
}

/// Read-only data shared by the render threads.
private struct SharedValue<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A value the render threads update under a lock.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
    }
}
