/// What `tag.mustache` receives: SPEC's tag page, part by part.
public struct TagView {
    // 1. title and freshness
    /// "T Playbooks".
    public var title: String
    /// The tag's own title, "T".
    public var tagTitle: String
    public var description: String
    public var category: LinkView?
    /// The newest `updated` of the tag's playbooks (nil when it has none).
    public var lastUpdated: String?
    public var lastUpdatedText: String?
    // 2. intro with the real count
    public var count: Int
    /// "1 playbook" / "12 playbooks".
    public var countLabel: String
    /// A sentence stating the count, e.g. "12 SEO playbooks, from audits to …".
    public var intro: String
    // 3. the playbooks: featured, then weight, then newest; this page's share of them
    public var playbooks: [PlaybookCardView]
    public var pager: PagerView
    /// Page 1 holds the FAQ, the article and the related blocks; later pages list only.
    public var isFirstPage: Bool
    // 4. more of the category
    /// The other tags of the category, with counts.
    public var otherTags: [LinkView]
    // 5. the FAQ: generated questions, then the tag's own
    public var faq: [FAQItemView]
    // 6. the long-form article
    public var articleHTML: String
    public var hasArticle: Bool
    /// The article's visible heading: the body's leading `# Heading`, else "About T".
    public var articleHeading: String
    // 7. related blocks
    public var relatedCategories: [LinkView]
    /// The tag's `related` first, then tags sharing the most playbooks, with counts.
    public var relatedTags: [LinkView]
    /// Industries and tools among the tag's playbooks, the most used among them first, each
    /// with the number of playbooks its page lists.
    public var industries: [LinkView]
    public var tools: [LinkView]
}
