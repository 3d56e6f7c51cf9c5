/// Where in a playbook a term was found, as the weight its match ranks with: a title match
/// outranks a tag, category, tool or industry, which outranks the summary, which outranks
/// the body. A term found in several fields counts with the best one.
public enum SearchField: Int, CaseIterable, Sendable {
    case body = 1, summary = 2, terms = 3, title = 4

    public var name: String {
        switch self {
        case .body: "body"
        case .summary: "summary"
        case .terms: "terms"
        case .title: "title"
        }
    }
}

/// One playbook's terms with their best field.
public struct SearchDocument: Sendable, Equatable {
    public var weights: [String: UInt8]

    public init(weights: [String: UInt8]) { self.weights = weights }

    /// The fields of a playbook as its pages show them (tag, category and term titles, the
    /// body as plain text).
    public init(playbook: Playbook, graph: SiteGraph) {
        var weights: [String: UInt8] = [:]
        func add(_ text: String, _ field: SearchField) {
            SearchTokenizer.forEachTerm(in: text) { term in
                if weights[term, default: 0] < UInt8(field.rawValue) { weights[term] = UInt8(field.rawValue) }
            }
        }
        add(playbook.title, .title)
        for tag in playbook.tags { add(graph.tags[tag]?.title ?? tag, .terms) }
        add(graph.categories[playbook.category]?.title ?? playbook.category, .terms)
        for tool in playbook.tools { add(graph.tools[tool]?.title ?? tool, .terms) }
        for industry in playbook.industries { add(graph.industries[industry]?.title ?? industry, .terms) }
        add(playbook.summary, .summary)
        add(SearchPlainText.of(html: playbook.body.html), .body)
        self.weights = weights
    }
}
