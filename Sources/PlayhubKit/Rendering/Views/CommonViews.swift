// Small views shared by many templates. Templates read stored properties (Mustache uses
// Mirror), so every value a template prints is a stored property here. Only fields whose
// name ends in `HTML` hold trusted markup, for `{{{ }}}`.

/// The site-wide values every template sees as `site`.
public struct SiteView {
    public var title: String
    public var description: String?
    public var language: String
    /// baseURL's path, e.g. `/` or `/hub/`: prefix for asset links.
    public var basePath: String
    public var baseURL: String
    /// Main navigation: categories then free pages.
    public var nav: [LinkView]
    /// The header's menu: site.json `menu`, else the first categories and "All categories".
    public var menu: [LinkView]
    /// The free pages (About, Contribute …) by weight, then title: the default theme's footer.
    public var pages: [LinkView]
    /// site.json `logo` with the base path applied, for the header's `<img>`.
    public var logoURL: String?
    /// The Atom feed, `/feed.xml`, for `<link rel="alternate">`.
    public var feedURL: String
    /// The search page, `/search/`.
    public var searchURL: String
    /// site.json `params`.
    public var params: [String: Any]
    /// True only in `playhub serve`, for the live-reload script.
    public var isServe: Bool
}

/// The `<head>` of a page, the same fields on every page.
public struct HeadView {
    /// The `<title>`: "Page title | Site title", or the site title on the home page.
    public var title: String
    /// The page's title alone (the site title on the home page), for `og:title`.
    public var ogTitle: String
    public var description: String
    /// Absolute URL of this page.
    public var canonical: String
    /// Open Graph type: `website` or `article`.
    public var ogType: String
    /// Absolute URL of the page's share image: the playbook's `image`, else site.json's.
    public var image: String?
    /// `summary_large_image` with an image, else `summary`.
    public var twitterCard: String
    /// `<script type="application/ld+json">` blocks, made by a JSON encoder.
    public var jsonLDHTML: String
    /// True for pages search engines should not index: 404, drafts, tags without playbooks.
    public var noindex: Bool
}

/// A link with optional extras, used for breadcrumbs, tags, terms and navigation.
public struct LinkView {
    public var title: String
    public var url: String
    public var description: String?
    /// The number of playbooks behind the link, when it matters.
    public var count: Int?
    /// "1 playbook", "12 playbooks".
    public var countLabel: String?
    /// True for the last breadcrumb and the current page of a pager.
    public var isCurrent: Bool

    public init(title: String, url: String, description: String? = nil, count: Int? = nil, isCurrent: Bool = false) {
        self.title = title
        self.url = url
        self.description = description
        self.count = count
        self.countLabel = count.map(Plural.playbooks)
        self.isCurrent = isCurrent
    }
}

/// A playbook in a list: enough to choose it.
public struct PlaybookCardView {
    public var title: String
    public var url: String
    public var type: String?
    public var summary: String
    public var featured: Bool
    /// True for a draft (built only with `--drafts`), for a "Draft" badge.
    public var draft: Bool
    /// Published, `2024-03-01`, and "March 1, 2024".
    public var date: String
    public var dateText: String
    /// `2024-03-05`.
    public var updated: String
    /// "March 5, 2024".
    public var updatedText: String
    /// True when `updated` differs from `date`: the card says "Updated" only then.
    public var wasUpdated: Bool
    public var category: LinkView?
    /// This card rendered once by the theme's `card` partial (with the card's fields and
    /// `site`), so lists can print `{{{cardHTML}}}` instead of running the partial again.
    public var cardHTML: String
}

/// Previous/next and numbered links of a paginated list.
/// Only a window of page numbers around the current page is listed, with the first and
/// the last: a list of 2,000 pages must not print 2,000 links on each of them.
public struct PagerView {
    public var current: Int
    public var total: Int
    public var previousURL: String?
    public var nextURL: String?
    /// The numbered links around the current page (two on each side).
    public var pages: [LinkView]
    /// The first page, when the window does not start with it.
    public var first: LinkView?
    /// The last page, when the window does not end with it.
    public var last: LinkView?
    /// True when pages are left out between `first` and the window.
    public var gapBefore: Bool
    /// True when pages are left out between the window and `last`.
    public var gapAfter: Bool
    /// False when everything fits on one page (the template shows no pager).
    public var isPaginated: Bool
}

/// "1 playbook" / "2 playbooks", used wherever a count is shown.
public enum Plural {
    public static func playbooks(_ count: Int) -> String { count == 1 ? "1 playbook" : "\(count) playbooks" }
}
