import Foundation

extension SiteGraph {
    /// Stage 5, resolve: checks every reference between files (tags, categories, related)
    /// and derives what the front matter leaves out (category, dates, summary), collecting
    /// every problem.
    public static func resolve(config: SiteConfig, documents: [ParsedDocument], includeDrafts: Bool,
                               dates: ContentDates, jobs: Int = 1) -> (SiteGraph?, Diagnostics) {
        var problems = Diagnostics()
        var seenSlugs: [ContentKind: [String: String]] = [:]

        // Slugs come from file names; a bad or repeated one is reported once per file.
        var valid: [ParsedDocument] = []
        for document in documents {
            let stem = document.source.fileStem
            let location = SourceLocation(file: document.path)
            guard Slug.isValid(stem) else {
                let suggestion = Slug.from(stem)
                // A page bundle's slug is its folder's name.
                let bundle = !document.path.hasSuffix("/\(stem).md")
                let named = bundle ? "folder name '\(stem)'" : "file name '\(stem).md'"
                let renamed = bundle ? "rename the folder to '\(suggestion)'" : "rename it to '\(suggestion).md'"
                problems.append(Diagnostic(.invalidSlug, at: location, "\(named) is not a valid slug (lowercase a-z, 0-9 and single hyphens)",
                    hint: suggestion.isEmpty ? "rename it using lowercase letters, digits and hyphens" : renamed))
                continue
            }
            if let first = seenSlugs[document.kind]?[stem] {
                problems.append(Diagnostic(.duplicateSlug, at: location, "\(document.kind.rawValue) slug '\(stem)' is already used by \(first)",
                    hint: "rename one of the two files; sub-folders do not change the slug"))
                continue
            }
            seenSlugs[document.kind, default: [:]][stem] = document.path
            valid.append(document)
        }

        var categories: [String: Category] = [:]
        var tagMetas: [(String, TagMeta, ParsedDocument)] = []
        var playbookMetas: [(String, PlaybookMeta, ParsedDocument)] = []
        var termFiles: [TermKind: [String: (PageMeta, ParsedDocument)]] = [:]
        var pages: [String: Page] = [:]
        var categoryRelated: [String: [Located<String>]] = [:]

        for document in valid {
            let slug = document.source.fileStem
            switch document.meta {
            case .category(let meta):
                categories[slug] = Category(slug: slug, sourcePath: document.path, title: meta.title, description: meta.description,
                                            related: meta.related.map(\.value), weight: meta.weight, body: document.body)
                categoryRelated[slug] = meta.related
            case .tag(let meta): tagMetas.append((slug, meta, document))
            case .playbook(let meta): playbookMetas.append((slug, meta, document))
            case .industry(let meta): termFiles[.industry, default: [:]][slug] = (meta, document)
            case .tool(let meta): termFiles[.tool, default: [:]][slug] = (meta, document)
            case .page(let meta):
                if meta.draft && !includeDrafts { continue }
                pages[slug] = Page(slug: slug, sourcePath: document.path, title: meta.title, description: meta.description,
                                   weight: meta.weight, draft: meta.draft, inSitemap: meta.sitemap,
                                   updated: dates.dates(for: document.path, modified: document.source.modified).updated, body: document.body)
            }
        }

        func check(_ reference: Located<String>, in known: [String: some Any], what: String, folder: String) -> Bool {
            if known[reference.value] != nil { return true }
            let code: Diagnostic.Code = what == "tag" ? .unknownTag : what == "category" ? .unknownCategory : .unknownRelated
            let hint = DidYouMean.hint(for: reference.value, in: known.keys)
                ?? "\(what)s are the files in content/\(folder)/\(known.isEmpty ? " (there are none yet)" : "")"
            problems.append(Diagnostic(code, at: reference.location, "unknown \(what) '\(reference.value)'", hint: hint))
            return false
        }

        for (slug, related) in categoryRelated.sorted(by: { $0.key < $1.key }) {
            for reference in related where check(reference, in: categories, what: "category", folder: "categories") {
                if reference.value == slug {
                    problems.append(Diagnostic(.unknownRelated, at: reference.location, "a category cannot be related to itself"))
                }
            }
        }

        var tags: [String: Tag] = [:]
        for (slug, meta, document) in tagMetas {
            var category = ""
            if let reference = meta.category, check(reference, in: categories, what: "category", folder: "categories") {
                category = reference.value
            }
            let faq = zip(meta.faq, document.faqAnswers).map { Tag.FAQ(question: $0.question, answer: $1) }
            tags[slug] = Tag(slug: slug, sourcePath: document.path, title: meta.title, category: category,
                             description: meta.description, related: meta.related.map(\.value), faq: faq, body: document.body)
        }
        for (slug, meta, _) in tagMetas {
            for reference in meta.related where check(reference, in: tags, what: "tag", folder: "tags") && reference.value == slug {
                problems.append(Diagnostic(.unknownRelated, at: reference.location, "a tag cannot be related to itself"))
            }
        }

        // Terms named by playbooks, plus any described by a file.
        var terms: [TermKind: [String: Term]] = [:]
        for kind in TermKind.allCases {
            for (slug, (meta, document)) in termFiles[kind] ?? [:] {
                terms[kind, default: [:]][slug] = Term(kind: kind, slug: slug, title: meta.title, description: meta.description,
                                                       sourcePath: document.path, body: document.body)
            }
        }

        var playbooks: [Playbook] = []
        var termSlugOf: [String: String] = [:] // the same few names recur in thousands of playbooks
        for (slug, meta, document) in playbookMetas {
            var ok = true
            var tagSlugs: [String] = []
            for reference in meta.tags {
                if check(reference, in: tags, what: "tag", folder: "tags") {
                    if !tagSlugs.contains(reference.value) { tagSlugs.append(reference.value) }
                } else { ok = false }
            }
            var category = tagSlugs.first.flatMap { tags[$0]?.category } ?? ""
            if let reference = meta.category {
                if check(reference, in: categories, what: "category", folder: "categories") { category = reference.value } else { ok = false }
            }
            var termSlugs: [TermKind: [String]] = [:]
            for (kind, names) in [(TermKind.industry, meta.industries), (.tool, meta.tools)] {
                for name in names {
                    let termSlug = termSlugOf[name.value] ?? { let made = Slug.from(name.value); termSlugOf[name.value] = made; return made }()
                    guard !termSlug.isEmpty else {
                        problems.append(Diagnostic(.invalidSlug, at: name.location, "'\(name.value)' has no letters or digits to make a URL from"))
                        ok = false; continue
                    }
                    if terms[kind]?[termSlug] == nil {
                        terms[kind, default: [:]][termSlug] = Term(kind: kind, slug: termSlug, title: name.value)
                    }
                    if !(termSlugs[kind] ?? []).contains(termSlug) { termSlugs[kind, default: []].append(termSlug) }
                }
            }
            for alias in meta.aliases where !alias.value.hasPrefix("/") || alias.value.contains("..") {
                problems.append(Diagnostic(.wrongType, at: alias.location, "alias '\(alias.value)' must be a URL path starting with '/'",
                    hint: "e.g. \"/guides/old-name/\""))
                ok = false
            }
            if let image = meta.image, !SiteAddress.isValid(image.value) {
                problems.append(Diagnostic(.wrongType, at: image.location, SiteAddress.problem("image", image.value),
                    hint: "e.g. \"/images/onboarding.png\" (a file in static/ or content/) or \"https://cdn.example.org/onboarding.png\""))
                ok = false
            }
            let fileDates = dates.dates(for: document.path, modified: document.source.modified)
            let date = meta.date?.value ?? fileDates.created
            var updated = meta.updated?.value ?? max(fileDates.updated, date)
            if let explicit = meta.updated, explicit.value < date {
                problems.append(Diagnostic(.dateOrder, at: explicit.location, "'updated' (\(explicit.value)) is earlier than 'date' (\(date))",
                    hint: "a playbook cannot be updated before it is published"))
                updated = date
            }
            guard ok, !meta.draft || includeDrafts else { continue }
            let summary = meta.summary ?? document.defaultSummary
            playbooks.append(Playbook(
                slug: slug, sourcePath: document.path, title: meta.title, summary: summary,
                description: meta.description ?? summary, tags: tagSlugs, category: category,
                industries: termSlugs[.industry] ?? [], tools: termSlugs[.tool] ?? [], type: meta.type, author: meta.author,
                date: date, updated: updated, draft: meta.draft, featured: meta.featured, weight: meta.weight,
                aliases: meta.aliases, inSitemap: meta.sitemap, params: meta.params, image: meta.image?.value, body: document.body))
        }

        // With errors, the graph holds what did resolve (for `check --report`); no page is built from it.
        return (index(config: config, playbooks: playbooks, categories: categories, tags: tags,
                      industries: terms[.industry] ?? [:], tools: terms[.tool] ?? [:], pages: pages, jobs: jobs,
                      rankRelated: !problems.hasErrors), problems)
    }

    /// Orders everything and builds the slug → playbooks indexes in one pass; related
    /// playbooks are ranked unless `rankRelated` is false (a snapshot brings its own).
    static func index(config: SiteConfig, playbooks unordered: [Playbook], categories: [String: Category], tags: [String: Tag],
                      industries: [String: Term], tools: [String: Term], pages: [String: Page], jobs: Int = 1,
                      rankRelated: Bool = true) -> SiteGraph {
        // Sorted by index, then moved once: sorting the large values themselves copies them over and over.
        let playbooks = unordered.indices.sorted { Ordering.listOrder(unordered[$0], unordered[$1]) }.map { unordered[$0] }
        let newestFirst = playbooks.indices.sorted { Ordering.newestFirst(playbooks[$0], playbooks[$1]) }
        var byTag: [String: [Int]] = [:], byCategory: [String: [Int]] = [:]
        var byIndustry: [String: [Int]] = [:], byTool: [String: [Int]] = [:]
        var playbookIndex: [String: Int] = [:]
        for (i, playbook) in playbooks.enumerated() {
            playbookIndex[playbook.slug] = i
            for tag in playbook.tags { byTag[tag, default: []].append(i) }
            byCategory[playbook.category, default: []].append(i)
            for term in playbook.industries { byIndustry[term, default: []].append(i) }
            for term in playbook.tools { byTool[term, default: []].append(i) }
        }
        let tagOrder = tags.values.sorted { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }.map(\.slug)
        var tagsByCategory: [String: [String]] = [:]
        for slug in tagOrder { tagsByCategory[tags[slug]!.category, default: []].append(slug) }
        let categoryOrder = categories.values.sorted {
            ($0.weight ?? Int.max, $0.title.lowercased(), $0.slug) < ($1.weight ?? Int.max, $1.title.lowercased(), $1.slug)
        }.map(\.slug)
        var graph = SiteGraph(config: config, playbooks: playbooks, playbookIndex: playbookIndex, categories: categories,
                              categoryOrder: categoryOrder, tags: tags, tagOrder: tagOrder, industries: industries, tools: tools,
                              pages: pages, playbooksByTag: byTag, playbooksByCategory: byCategory,
                              playbooksByIndustry: byIndustry, playbooksByTool: byTool, tagsByCategory: tagsByCategory,
                              newestFirst: newestFirst, relatedIndex: RelatedIndex())
        if rankRelated { graph.rankRelated(jobs: jobs) }
        return graph
    }

    /// Ranks every playbook's related playbooks.
    mutating func rankRelated(jobs: Int = 1) {
        relatedIndex = RelatedIndex(playbooks: playbooks, newestFirst: newestFirst, limit: config.relatedCount, jobs: jobs)
    }
}
