import Foundation

/// The dependency rule: for every planned page, one key over the facts of the site graph the
/// page shows, read the way `ViewFactory` reads them. Two builds that give a page the same
/// key (with the same site key: site.json, options, theme) render it to the same bytes, so a
/// build renders only the pages whose keys changed.
///
/// The facts come in a few sizes, each hashed once per build:
/// - the site: what every page shows (the header's menu, the footer's pages, the site title);
/// - a card: what a playbook shows wherever it is listed (title, summary, dates, type, its
///   category's link);
/// - a link: what a tag, category, industry or tool shows where it is named (title and
///   description), and where the number of playbooks its page lists is shown too, that count;
/// - a whole entity: everything of one playbook, tag, category, term or free page, body too,
///   for its own page.
/// A page's key combines the facts it reads: a playbook's page reads the whole playbook, the
/// links of its category, tags, industries and tools, and the cards of its related
/// playbooks; a tag's page reads the whole tag, its count, the cards on that page of its
/// list, and on page 1 the links of its related tags and categories and of the industries and
/// tools its playbooks use; and so on for every kind of page below. Anything not named here
/// is in the site key. `PageInputsTests` checks the rule against rendering every page of
/// random hubs before and after random edits.
struct PageInputs: Sendable {
    private let graph: SiteGraph
    private let site: UInt64
    private let cards: [UInt64]
    private let playbooks: [UInt64]
    /// Links with their counts (`withCount` in `ViewFactory`)…
    private let categoryLinks: [String: UInt64]
    private let tagLinks: [String: UInt64]
    private let termLinks: [TermKind: [String: UInt64]]
    /// …and without: a playbook's page names its tags, but not how many playbooks each has.
    private let categoryNames: [String: UInt64]
    private let tagNames: [String: UInt64]
    private let termNames: [TermKind: [String: UInt64]]

    /// `siteKey`: what the content does not decide (`InputKeys.site`).
    init(graph: SiteGraph, siteKey: UInt64) {
        self.graph = graph
        var site = StableHash()
        site.combine(siteKey)
        for slug in graph.categoryOrder { site.combine(slug); site.combine(graph.categories[slug]!.title) }
        for page in graph.pages.values.sorted(by: { $0.slug < $1.slug }) {
            site.combine(page.slug); site.combine(page.title); site.combine(page.weight ?? Int.max)
        }
        self.site = site.value

        func link(title: String, description: String?, count: Int?) -> UInt64 {
            var hash = StableHash()
            hash.combine(title); hash.combine(description); hash.combine(count ?? -1)
            return hash.value
        }
        categoryLinks = graph.categories.mapValues { link(title: $0.title, description: $0.description, count: graph.playbooksByCategory[$0.slug]?.count ?? 0) }
        categoryNames = graph.categories.mapValues { link(title: $0.title, description: $0.description, count: nil) }
        tagLinks = graph.tags.mapValues { link(title: $0.title, description: $0.description, count: graph.playbooksByTag[$0.slug]?.count ?? 0) }
        tagNames = graph.tags.mapValues { link(title: $0.title, description: $0.description, count: nil) }
        var termLinks: [TermKind: [String: UInt64]] = [:], termNames: [TermKind: [String: UInt64]] = [:]
        for kind in TermKind.allCases {
            termLinks[kind] = graph.terms(kind).mapValues { link(title: $0.title, description: $0.description, count: graph.playbooks(for: kind)[$0.slug]?.count ?? 0) }
            termNames[kind] = graph.terms(kind).mapValues { link(title: $0.title, description: $0.description, count: nil) }
        }
        self.termLinks = termLinks
        self.termNames = termNames

        var cards: [UInt64] = [], playbooks: [UInt64] = []
        cards.reserveCapacity(graph.playbooks.count)
        playbooks.reserveCapacity(graph.playbooks.count)
        var writer = BinaryWriter(capacity: 4096)
        for playbook in graph.playbooks {
            var card = StableHash()
            card.combine(playbook.slug); card.combine(playbook.title); card.combine(playbook.type); card.combine(playbook.summary)
            card.combine(playbook.featured); card.combine(playbook.draft); card.combine(playbook.date); card.combine(playbook.updated)
            card.combine(playbook.category); card.combine(categoryNames[playbook.category] ?? 0)
            cards.append(card.value)
            var whole = StableHash()
            writer.reset()
            playbook.encode(to: &writer)
            whole.combine(writer.bytes)
            whole.combine(body: playbook.body)
            playbooks.append(whole.value)
        }
        self.cards = cards
        self.playbooks = playbooks
    }

    /// The key of one page.
    func key(_ plan: PagePlan) -> UInt64 {
        var hash = StableHash()
        hash.combine(site)
        hash.combine(plan.path.value)
        hash.combine(plan.template)
        switch plan.content {
        case .home:
            for slug in graph.categoryOrder { hash.combine(categoryLinks[slug]!) }
            hash.combine(graph.playbooks.count)
            for index in graph.playbooks.indices where graph.playbooks[index].featured { hash.combine(cards[index]) }
            hash.combine(-1)
            for index in graph.newestFirst.prefix(12) { hash.combine(cards[index]) }
        case .playbook(let index):
            let playbook = graph.playbooks[index]
            hash.combine(playbooks[index])
            hash.combine(categoryNames[playbook.category] ?? 0)
            for slug in playbook.tags { hash.combine(tagNames[slug] ?? 0) }
            for slug in playbook.industries { hash.combine(termNames[.industry]![slug] ?? 0) }
            for slug in playbook.tools { hash.combine(termNames[.tool]![slug] ?? 0) }
            for related in graph.relatedPlaybooks(of: index) { hash.combine(cards[related]) }
        case .playbookList(let page):
            list(Array(graph.playbooks.indices), page: page, into: &hash)
        case .tag(let slug, let page):
            let tag = graph.tags[slug]!
            let members = graph.playbooksByTag[slug] ?? []
            hash.combine(encoded: tag)
            hash.combine(categoryNames[tag.category] ?? 0)
            hash.combine(graph.newestUpdate(of: members))
            list(members, page: page, into: &hash)
            guard page == 1 else { break }
            for other in graph.tagsByCategory[tag.category] ?? [] { hash.combine(tagLinks[other]!) }
            for related in graph.categories[tag.category]?.related ?? [] { hash.combine(categoryLinks[related] ?? 0) }
            for related in graph.relatedTags(of: slug) { hash.combine(related); hash.combine(tagLinks[related] ?? 0) }
            for index in members {
                for industry in graph.playbooks[index].industries { hash.combine(industry); hash.combine(termLinks[.industry]![industry] ?? 0) }
                hash.combine(-1)
                for tool in graph.playbooks[index].tools { hash.combine(tool); hash.combine(termLinks[.tool]![tool] ?? 0) }
                hash.combine(-2)
            }
        case .tagIndex:
            for slug in graph.categoryOrder {
                hash.combine(categoryNames[slug]!)
                for tag in graph.tagsByCategory[slug] ?? [] { hash.combine(tag); hash.combine(tagLinks[tag]!) }
            }
            hash.combine(graph.tags.count)
        case .category(let slug, let page):
            let category = graph.categories[slug]!
            let members = graph.playbooksByCategory[slug] ?? []
            hash.combine(encoded: category)
            for tag in graph.tagsByCategory[slug] ?? [] { hash.combine(tag); hash.combine(tagLinks[tag]!) }
            for related in category.related { hash.combine(related); hash.combine(categoryLinks[related] ?? 0) }
            hash.combine(graph.newestUpdate(of: members))
            list(members, page: page, into: &hash)
        case .categoryIndex:
            for slug in graph.categoryOrder { hash.combine(slug); hash.combine(categoryLinks[slug]!) }
        case .term(let kind, let slug, let page):
            hash.combine(encoded: graph.terms(kind)[slug]!)
            list(graph.playbooks(for: kind)[slug] ?? [], page: page, into: &hash)
        case .termIndex(let kind):
            for slug in graph.termOrder(kind) { hash.combine(slug); hash.combine(termLinks[kind]![slug]!) }
        case .faq:
            // Each tag's generated answers state its count and name its category.
            for slug in graph.categoryOrder {
                hash.combine(categoryNames[slug]!)
                for tag in graph.tagsByCategory[slug] ?? [] {
                    hash.combine(encoded: graph.tags[tag]!)
                    hash.combine(tagLinks[tag]!)
                }
            }
        case .search:
            hash.combine(graph.playbooks.count)
            for slug in graph.categoryOrder { hash.combine(categoryLinks[slug]!) }
        case .page(let slug):
            let page = graph.pages[slug]!
            hash.combine(encoded: page)
        case .notFound:
            break
        case .redirect(let index):
            hash.combine(graph.playbooks[index].slug)
            hash.combine(graph.playbooks[index].title)
        }
        return hash.value
    }

    /// A paginated list: its length, the page and the cards on it.
    private func list(_ members: [Int], page: Int, into hash: inout StableHash) {
        hash.combine(members.count)
        hash.combine(page)
        for index in Pagination(itemCount: members.count, size: graph.config.paginate).range(ofPage: page) {
            hash.combine(cards[members[index]])
        }
    }
}

extension StableHash {
    mutating func combine(_ day: Day?) {
        combine(day != nil)
        if let day { combine(day) }
    }

    /// A value as the build cache writes it (a tag, category, term or page: bodies included).
    mutating func combine(encoded value: some BinaryCodable) {
        var writer = BinaryWriter(capacity: 1024)
        value.encode(to: &writer)
        combine(writer.bytes)
    }

    /// A rendered body: its HTML and what is derived from it (headings, reading time,
    /// checklist, leading title).
    mutating func combine(body: RenderedMarkdown) {
        combine(body.html)
        combine(body.title)
        combine(body.wordCount)
        combine(body.taskCount)
        for heading in body.headings { combine(heading.level); combine(heading.text); combine(heading.id) }
    }
}
