/// Stage 5's result: the whole hub as values keyed by slug, with the indexes every page
/// needs (which playbooks carry a tag, which tags a category has …). Pages refer to each
/// other by slug or index, never by reference.
public struct SiteGraph: Sendable {
    public var config: SiteConfig
    /// Every playbook that is built, in list order (featured, weight, newest, slug).
    public var playbooks: [Playbook]
    public var playbookIndex: [String: Int]
    public var categories: [String: Category]
    /// Categories by weight, then title.
    public var categoryOrder: [String]
    public var tags: [String: Tag]
    /// Tags A–Z by title.
    public var tagOrder: [String]
    public var industries: [String: Term]
    public var tools: [String: Term]
    public var pages: [String: Page]

    /// Indexes into `playbooks`, each list in list order.
    public var playbooksByTag: [String: [Int]]
    public var playbooksByCategory: [String: [Int]]
    public var playbooksByIndustry: [String: [Int]]
    public var playbooksByTool: [String: [Int]]
    /// Tags of each category, A–Z by title.
    public var tagsByCategory: [String: [String]]
    /// Indexes into `playbooks`, most recently published first (home "latest", the feed).
    public var newestFirst: [Int]
    /// Integer ids for ranking related playbooks without touching the playbooks themselves.
    public var relatedIndex: RelatedIndex

    public func terms(_ kind: TermKind) -> [String: Term] { kind == .industry ? industries : tools }
    public func playbooks(for kind: TermKind) -> [String: [Int]] { kind == .industry ? playbooksByIndustry : playbooksByTool }

    /// Terms of a kind A–Z by title.
    public func termOrder(_ kind: TermKind) -> [String] {
        terms(kind).values.sorted { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }.map(\.slug)
    }

    /// The newest `updated` among some playbooks (a list page's last change).
    public func newestUpdate(of indexes: [Int]) -> Day? {
        indexes.lazy.map { playbooks[$0].updated }.max()
    }
}
