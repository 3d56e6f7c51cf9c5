/// What `playbook.mustache` receives (besides `site`, `head` and `breadcrumbs`).
public struct PlaybookView {
    public var title: String
    public var type: String?
    public var summary: String
    public var author: String?
    /// Published, `2024-03-05`, and for people, "March 5, 2024".
    public var date: String
    public var dateText: String
    public var updated: String
    public var updatedText: String
    /// True when `updated` differs from `date`.
    public var wasUpdated: Bool
    public var readingMinutes: Int
    public var category: LinkView?
    public var tags: [LinkView]
    public var industries: [LinkView]
    public var tools: [LinkView]
    /// Nested `<ol>` of links to the `##`/`###` headings.
    public var tocHTML: String
    public var hasTOC: Bool
    public var bodyHTML: String
    /// True when the body has task-list items: the page shows their progress and loads
    /// `checklist.js`, which keeps a reader's ticks in their browser.
    public var hasChecklist: Bool
    public var related: [PlaybookCardView]
    public var featured: Bool
    /// True for a draft (built only with `--drafts`): the page shows a "Draft" badge and is `noindex`.
    public var draft: Bool
    /// The playbook's front matter `params`.
    public var params: [String: Any]
}
