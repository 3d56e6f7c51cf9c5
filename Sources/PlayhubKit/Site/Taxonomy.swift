/// A tag: a topic with its own page, FAQ and article.
public struct Tag: Sendable {
    public var slug: String
    public var sourcePath: String
    public var title: String
    public var category: String
    public var description: String
    public var related: [String]
    public var faq: [FAQ]
    public var body: RenderedMarkdown

    public struct FAQ: Sendable, Hashable {
        public var question: String
        public var answer: RenderedMarkdown
    }
}

/// A category: a group of tags.
public struct Category: Sendable {
    public var slug: String
    public var sourcePath: String
    public var title: String
    public var description: String
    public var related: [String]
    public var weight: Int?
    public var body: RenderedMarkdown
}

/// The free taxonomies named in playbooks (SPEC §1 `industries`, `tools`).
public enum TermKind: String, Sendable, CaseIterable {
    case industry, tool

    /// The URL folder: `/industries/`, `/tools/`.
    public var folder: String { self == .industry ? "industries" : "tools" }
    public var pluralTitle: String { self == .industry ? "Industries" : "Tools" }
}

/// An industry or tool: named by playbooks, optionally described by a file of its own.
public struct Term: Sendable {
    public var kind: TermKind
    public var slug: String
    public var title: String
    public var description: String?
    /// Set when `content/industries/<slug>.md` (or tools/) exists.
    public var sourcePath: String?
    public var body: RenderedMarkdown?
}

/// A free page such as /about/.
public struct Page: Sendable {
    public var slug: String
    public var sourcePath: String
    public var title: String
    public var description: String?
    public var weight: Int?
    public var draft: Bool
    public var inSitemap: Bool
    /// The file's last change (git or modification time), for the sitemap.
    public var updated: Day
    public var body: RenderedMarkdown
}
