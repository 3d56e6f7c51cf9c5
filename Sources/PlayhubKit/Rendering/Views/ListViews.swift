/// What `home.mustache` receives.
public struct HomeView {
    public var title: String
    public var description: String?
    /// Categories in order, each with its playbook count and description.
    public var categories: [LinkView]
    public var featured: [PlaybookCardView]
    public var latest: [PlaybookCardView]
    /// Link to the full list, `/playbooks/`.
    public var allPlaybooksURL: String
    public var playbookCount: Int
    public var playbookCountLabel: String
}

/// What `list.mustache` receives: one page of a paginated list of playbooks.
public struct ListView {
    public var title: String
    public var description: String?
    public var items: [PlaybookCardView]
    public var pager: PagerView
    public var totalCount: Int
    public var totalCountLabel: String
}

/// What `page.mustache` (free pages) and `404.mustache` receive.
public struct FreePageView {
    public var title: String
    public var description: String?
    public var bodyHTML: String
    /// True for a draft page (built only with `--drafts`), for a "Draft" badge.
    public var draft: Bool = false
}

/// What `search.mustache` receives.
public struct SearchView {
    public var title: String
    public var description: String
    /// The folder of the search index (`/search/index/`), which the page's script reads.
    public var indexURL: String
    public var playbookCount: Int
    /// "1 playbook" / "35 playbooks".
    public var playbookCountLabel: String
    /// For readers without JavaScript: ways to browse instead.
    public var categories: [LinkView]
    public var tagsURL: String
}
