import Foundation

/// The tag page (SPEC "The tag page") and the FAQ built from tags.
extension ViewFactory {
    /// Page `page` of a tag: its list paginated like every list; page 1 also holds the FAQ,
    /// the article and the related blocks.
    func tag(_ slug: String, page: Int, _ plan: PagePlan) -> PageContext {
        let tag = graph.tags[slug]!
        let members = graph.playbooksByTag[slug] ?? []
        let pagination = Pagination(itemCount: members.count, size: graph.config.paginate)
        let first = page == 1
        let category = graph.categories[tag.category]
        let title = first ? "\(tag.title) Playbooks" : "\(tag.title) Playbooks (page \(page))"
        var trail: [(String, URLPath)] = []
        if let category { trail.append((category.title, .category(category.slug))) }
        trail.append((tag.title, .tag(slug)))
        if !first { trail.append(("Page \(page)", plan.path)) }
        let (crumbs, crumbsLD) = breadcrumbs(trail)
        let newest = graph.newestUpdate(of: members)
        let faq = first ? faqItems(for: slug) : []
        let view = TagView(
            title: title, tagTitle: tag.title, description: tag.description, category: categoryLink(tag.category),
            lastUpdated: newest?.description, lastUpdatedText: newest?.longForm,
            count: members.count, countLabel: Plural.playbooks(members.count), intro: intro(for: tag, count: members.count),
            playbooks: pagination.range(ofPage: page).map { card(members[$0]) },
            pager: pager(pagination, page: page, base: .tag(slug)), isFirstPage: first,
            otherTags: first ? (graph.tagsByCategory[tag.category] ?? []).filter { $0 != slug }.compactMap { tagLink($0, withCount: true) } : [],
            faq: faq, articleHTML: first ? tag.body.html : "", hasArticle: first && (!tag.body.html.isEmpty || tag.body.title != nil),
            articleHeading: tag.body.title ?? "About \(tag.title)",
            relatedCategories: first ? (category?.related ?? []).compactMap { categoryLink($0, withCount: true) } : [],
            relatedTags: first ? graph.relatedTags(of: slug).compactMap { tagLink($0, withCount: true) } : [],
            industries: first ? termLinks(.industry, among: members) : [], tools: first ? termLinks(.tool, among: members) : [])
        let jsonLD: [any Encodable] = first ? [crumbsLD, JSONLD.FAQPage(faq.map { ($0.question, $0.answerHTML) })] : [crumbsLD]
        // A tag nobody uses yet is a page with nothing on it: kept for links, not for search.
        let head = head(title: title, description: tag.description, path: plan.path, jsonLD: jsonLD, noindex: members.isEmpty)
        return PageContext(site: site, head: head, breadcrumbs: crumbs, page: view)
    }

    /// "There are 12 SEO playbooks. SEO belongs to Growth." The count is of every playbook
    /// with the tag, whatever its category, so the category is a fact of its own.
    func intro(for tag: Tag, count: Int) -> String {
        let belongs = graph.categories[tag.category].map { " \(tag.title) belongs to \($0.title)." } ?? ""
        switch count {
        case 0: return "There are no \(tag.title) playbooks yet.\(belongs) \(tag.description)"
        case 1: return "There is 1 \(tag.title) playbook.\(belongs) \(tag.description)"
        default: return "There are \(count) \(tag.title) playbooks.\(belongs) \(tag.description)"
        }
    }

    /// The tag's FAQ: three generated questions whose answers are computed from the content,
    /// then the tag's own entries. The same list feeds the page and its FAQPage JSON-LD.
    func faqItems(for slug: String) -> [FAQItemView] {
        let tag = graph.tags[slug]!
        let count = graph.playbooksByTag[slug]?.count ?? 0
        var items: [FAQItemView] = []
        var ids = Set<String>()
        func add(_ question: String, _ answerHTML: String) {
            var id = "faq-" + Slug.from(question)
            var n = 1
            while ids.contains(id) { n += 1; id = "faq-\(Slug.from(question))-\(n)" }
            ids.insert(id)
            items.append(FAQItemView(question: question, answerHTML: answerHTML, id: id))
        }
        add("What is \(tag.title)?", "<p>\(HTML.escape(tag.description))</p>")
        let countText = count == 1 ? "There is 1 \(tag.title) playbook" : "There are \(count) \(tag.title) playbooks"
        add("How many \(tag.title) playbooks are available?", "<p>\(HTML.escape(countText)) available.</p>")
        if let category = graph.categories[tag.category] {
            add("What category does \(tag.title) belong to?",
                "<p>\(HTML.escape(tag.title)) belongs to the <a href=\"\(HTML.escape(links.link(.category(category.slug))))\">\(HTML.escape(category.title))</a> category.</p>")
        }
        for entry in tag.faq { add(entry.question, entry.answer.html.trimmed) }
        return items
    }

    /// Industries or tools used by `members`, most used among them first; each shows the
    /// count its page lists (all its playbooks), so a click never contradicts the number.
    func termLinks(_ kind: TermKind, among members: [Int]) -> [LinkView] {
        var counts: [String: Int] = [:]
        for index in members {
            let playbook = graph.playbooks[index]
            for slug in kind == .industry ? playbook.industries : playbook.tools { counts[slug, default: 0] += 1 }
        }
        let terms = graph.terms(kind)
        return counts.keys.sorted {
            counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : (terms[$0]!.title.lowercased(), $0) < (terms[$1]!.title.lowercased(), $1)
        }.compactMap { termLink(kind, $0, withCount: true) }
    }

    func tagIndex(_ plan: PagePlan) -> PageContext {
        let (crumbs, crumbsLD) = breadcrumbs([("Tags", plan.path)])
        var groups = graph.categoryOrder.compactMap { slug -> TagGroupView? in
            guard let tags = graph.tagsByCategory[slug], !tags.isEmpty, let category = categoryLink(slug) else { return nil }
            return TagGroupView(category: category, tags: tags.compactMap { tagLink($0, withCount: true) })
        }
        groups.sort { $0.category.title.lowercased() < $1.category.title.lowercased() }
        let view = TagIndexView(title: "All tags", description: "Every topic in \(graph.config.title), A–Z by category.",
                                groups: groups, count: graph.tags.count)
        return PageContext(site: site, head: head(title: view.title, description: view.description, path: plan.path, jsonLD: [crumbsLD]),
                           breadcrumbs: crumbs, page: view)
    }

    func faqPage(_ plan: PagePlan) -> PageContext {
        let (crumbs, crumbsLD) = breadcrumbs([("FAQ", plan.path)])
        var all: [FAQItemView] = []
        var used = Set<String>()
        let categories = graph.categoryOrder.compactMap { categorySlug -> FAQCategoryGroupView? in
            guard let tags = graph.tagsByCategory[categorySlug], !tags.isEmpty, let category = categoryLink(categorySlug) else { return nil }
            let groups = tags.map { tagSlug -> FAQTagGroupView in
                // Ids are unique across the whole page: prefix each with its tag.
                let items = faqItems(for: tagSlug).map { item -> FAQItemView in
                    var item = item
                    item.id = "\(tagSlug)-\(item.id)"
                    if used.contains(item.id) { item.id += "-\(used.count)" }
                    used.insert(item.id)
                    return item
                }
                all += items
                return FAQTagGroupView(id: tagSlug, tag: tagLink(tagSlug)!, items: items)
            }
            return FAQCategoryGroupView(category: category, tags: groups)
        }
        let view = FAQPageView(title: "Frequently asked questions",
                               description: "Answers about every topic in \(graph.config.title), grouped by category and tag.",
                               categories: categories, questionCount: all.count)
        let faqLD = JSONLD.FAQPage(all.map { ($0.question, $0.answerHTML) })
        return PageContext(site: site, head: head(title: view.title, description: view.description, path: plan.path, jsonLD: [crumbsLD, faqLD]),
                           breadcrumbs: crumbs, page: view)
    }
}
