import Foundation

/// `playhub check --report`: what a hub editor should fix for readers and search engines,
/// beyond errors — thin tag pages, duplicate titles and descriptions, summaries that do not
/// fit a search result, stale playbooks, orphans, one-off terms and empty FAQ answers.
public struct HealthReport: Sendable, Encodable {
    /// One finding: what kind, where, and a sentence for people.
    public struct Finding: Sendable, Encodable, Hashable {
        public var kind: Kind
        /// The site-relative source file, or nil for terms without a file of their own.
        public var file: String?
        /// The page's URL path.
        public var url: String
        public var message: String
    }

    public enum Kind: String, Sendable, Encodable, CaseIterable {
        case thinTag = "thin-tag"
        case duplicateTitle = "duplicate-title"
        case duplicateDescription = "duplicate-description"
        case summaryTooShort = "summary-too-short"
        case summaryTooLong = "summary-too-long"
        case stale
        case orphan
        case singleUseTerm = "single-use-term"
        case emptyFAQAnswer = "empty-faq-answer"

        /// The heading of the kind's section in the text report.
        public var title: String {
            switch self {
            case .thinTag: "Thin tag pages (fewer than \(HealthReport.thinTagLimit) playbooks)"
            case .duplicateTitle: "Duplicate titles"
            case .duplicateDescription: "Duplicate meta descriptions"
            case .summaryTooShort: "Summaries too short for a search result (under \(HealthReport.summaryRange.lowerBound) characters)"
            case .summaryTooLong: "Summaries too long for a search result (over \(HealthReport.summaryRange.upperBound) characters)"
            case .stale: "Playbooks not updated in over 18 months"
            case .orphan: "Orphan playbooks (no other playbook, tag, category or page links to them)"
            case .singleUseTerm: "Tags, industries and tools used by only one playbook"
            case .emptyFAQAnswer: "FAQ answers without text"
            }
        }
    }

    static let thinTagLimit = 3
    /// What fits a search result snippet.
    static let summaryRange = 50...160

    public var findings: [Finding]
    public var pagesChecked: Int

    /// Builds the report from a resolved site; `today` decides what is stale.
    public static func make(graph: SiteGraph, today: Day = Day(Date())) -> HealthReport {
        var findings: [Finding] = []
        let links = LinkBuilder(config: graph.config)
        func add(_ kind: Kind, _ file: String?, _ path: URLPath, _ message: String) {
            findings.append(Finding(kind: kind, file: file, url: links.link(path), message: message))
        }

        for slug in graph.tagOrder {
            let tag = graph.tags[slug]!
            let count = graph.playbooksByTag[slug]?.count ?? 0
            if count < thinTagLimit { add(.thinTag, tag.sourcePath, .tag(slug), "'\(tag.title)' lists \(Plural.playbooks(count))") }
            if count == 1 { add(.singleUseTerm, tag.sourcePath, .tag(slug), "tag '\(tag.title)' is used by 1 playbook") }
            for faq in tag.faq where plainText(faq.answer.html).isEmpty {
                add(.emptyFAQAnswer, tag.sourcePath, .tag(slug), "the answer to '\(faq.question)' has no text")
            }
        }
        for kind in TermKind.allCases {
            for slug in graph.termOrder(kind) where graph.playbooks(for: kind)[slug]?.count == 1 {
                let term = graph.terms(kind)[slug]!
                add(.singleUseTerm, term.sourcePath, .term(kind, slug), "\(kind.rawValue) '\(term.title)' is used by 1 playbook")
            }
        }

        // Titles and descriptions as search results show them, across every kind of page.
        var titles: [String: [(String?, URLPath)]] = [:], descriptions: [String: [(String?, URLPath)]] = [:]
        for playbook in graph.playbooks {
            titles[playbook.title.lowercased(), default: []].append((playbook.sourcePath, .playbook(playbook.slug)))
            descriptions[playbook.description.lowercased(), default: []].append((playbook.sourcePath, .playbook(playbook.slug)))
        }
        for slug in graph.tagOrder {
            let tag = graph.tags[slug]!
            titles["\(tag.title) playbooks".lowercased(), default: []].append((tag.sourcePath, .tag(slug)))
            descriptions[tag.description.lowercased(), default: []].append((tag.sourcePath, .tag(slug)))
        }
        for slug in graph.categoryOrder {
            let category = graph.categories[slug]!
            descriptions[category.description.lowercased(), default: []].append((category.sourcePath, .category(slug)))
        }
        for (kind, groups) in [(Kind.duplicateTitle, titles), (.duplicateDescription, descriptions)] {
            for (_, pages) in groups where pages.count > 1 {
                let urls = pages.map { links.link($0.1) }
                for (file, path) in pages {
                    add(kind, file, path, "same \(kind == .duplicateTitle ? "title" : "description") as \(urls.filter { $0 != links.link(path) }.joined(separator: ", "))")
                }
            }
        }

        let linkedPlaybooks = inboundPlaybookLinks(graph)
        let staleBefore = today.monthsEarlier(18)
        for playbook in graph.playbooks {
            let length = playbook.summary.count
            if length < summaryRange.lowerBound {
                add(.summaryTooShort, playbook.sourcePath, .playbook(playbook.slug), "the summary has \(length) characters")
            } else if length > summaryRange.upperBound {
                add(.summaryTooLong, playbook.sourcePath, .playbook(playbook.slug), "the summary has \(length) characters")
            }
            if playbook.updated < staleBefore {
                add(.stale, playbook.sourcePath, .playbook(playbook.slug), "last updated \(playbook.updated)")
            }
            if !linkedPlaybooks.contains(playbook.slug) {
                add(.orphan, playbook.sourcePath, .playbook(playbook.slug), "'\(playbook.title)' is only reachable through lists")
            }
        }
        // Kinds in the report's order, then by file, page and message: one total order, so the
        // report never depends on dictionary iteration or on the sort being stable.
        let kindOrder = Dictionary(uniqueKeysWithValues: Kind.allCases.enumerated().map { ($1, $0) })
        findings.sort { (kindOrder[$0.kind]!, $0.file ?? "", $0.url, $0.message) < (kindOrder[$1.kind]!, $1.file ?? "", $1.url, $1.message) }
        return HealthReport(findings: findings, pagesChecked: graph.playbooks.count + graph.tags.count + graph.categories.count)
    }

    /// Slugs of playbooks that some other body links to (`/playbooks/<slug>/`).
    static func inboundPlaybookLinks(_ graph: SiteGraph) -> Set<String> {
        var linked = Set<String>()
        for source in LinkChecker.sources(graph) {
            for link in source.links {
                guard let target = LinkChecker.resolve(link.destination, on: source.page), target.path.hasPrefix("/playbooks/") else { continue }
                let slug = target.path.dropFirst("/playbooks/".count).split(separator: "/").first.map(String.init) ?? ""
                if source.page != .playbook(slug) { linked.insert(slug) }
            }
        }
        return linked
    }

    /// The text of some HTML without its tags, trimmed.
    static func plainText(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
    }

    /// The report for people: one section per kind that has findings.
    public var text: String {
        guard !findings.isEmpty else { return "Hub health: no findings in \(pagesChecked) pages.\n" }
        var out = "Hub health: \(findings.count) finding\(findings.count == 1 ? "" : "s")\n"
        for kind in Kind.allCases {
            let items = findings.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            out += "\n\(kind.title): \(items.count)\n"
            for item in items { out += "  \(item.file ?? item.url): \(item.message)\n" }
        }
        return out
    }

    /// The report for tools.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}

extension Day {
    /// The same day `months` earlier (the month's last day when it is shorter).
    func monthsEarlier(_ months: Int) -> Day {
        let total = year * 12 + (month - 1) - months
        let (y, m) = (total / 12, total % 12 + 1)
        return Day(year: y, month: m, day: min(day, Day.daysIn(m, y)))!
    }
}
