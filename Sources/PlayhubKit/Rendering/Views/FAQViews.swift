/// One question and answer as shown on a page (and, identically, in its FAQPage JSON-LD).
public struct FAQItemView {
    public var question: String
    /// The answer as HTML: generated answers are escaped text with links; authors' answers
    /// are their Markdown rendered by cmark.
    public var answerHTML: String
    /// A stable anchor for the question, unique on its page.
    public var id: String
}

/// One tag's questions on the `/faq/` page.
public struct FAQTagGroupView {
    /// The anchor of the group (the tag's slug).
    public var id: String
    public var tag: LinkView
    public var items: [FAQItemView]
}

/// One category's tags on the `/faq/` page.
public struct FAQCategoryGroupView {
    public var category: LinkView
    public var tags: [FAQTagGroupView]
}

/// What `faq.mustache` receives.
public struct FAQPageView {
    public var title: String
    public var description: String
    public var categories: [FAQCategoryGroupView]
    public var questionCount: Int
}
