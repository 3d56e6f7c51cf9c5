/// What `category.mustache` receives: one page of a category.
public struct CategoryView {
    public var title: String
    public var description: String
    /// The category's tags A–Z, with counts.
    public var tags: [LinkView]
    public var items: [PlaybookCardView]
    public var pager: PagerView
    public var count: Int
    public var countLabel: String
    /// The long-form article, on the first page only.
    public var articleHTML: String
    public var hasArticle: Bool
    /// The article's leading `# Heading`, shown above it.
    public var articleHeading: String?
    public var relatedCategories: [LinkView]
    public var lastUpdated: String?
    public var lastUpdatedText: String?
}

/// What `term.mustache` receives: one page of an industry or a tool.
public struct TermView {
    public var title: String
    /// "industry" or "tool".
    public var kind: String
    /// "Industries" or "Tools", with a link to the index.
    public var kindLink: LinkView
    public var description: String?
    /// The term's article (from its file), on the first page only.
    public var bodyHTML: String
    public var hasBody: Bool
    public var items: [PlaybookCardView]
    public var pager: PagerView
    public var count: Int
    public var countLabel: String
}

/// What `terms.mustache` (`/categories/`, `/industries/`, `/tools/`) receives.
public struct TermIndexView {
    public var title: String
    public var description: String
    /// Every term A–Z (categories: in their order), with counts and descriptions.
    public var terms: [LinkView]
}

/// A category's tags on `/tags/`.
public struct TagGroupView {
    public var category: LinkView
    public var tags: [LinkView]
}

/// What `tags.mustache` receives: every tag A–Z, grouped by category.
public struct TagIndexView {
    public var title: String
    public var description: String
    public var groups: [TagGroupView]
    public var count: Int
}
