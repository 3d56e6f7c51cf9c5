/// A tag's front matter: what it is, where it belongs and the questions readers ask.
public struct TagMeta: Sendable {
    public var title: String
    public var category: Located<String>?
    public var description: String
    public var related: [Located<String>]
    public var faq: [FAQEntry]

    static let keys = ["title", "category", "description", "related", "faq"]

    init(_ r: inout FrontMatterReader) {
        r.rejectUnknownKeys(Self.keys, kind: "a tag's")
        title = r.string("title", required: true, example: "\"Lead Scoring\"") ?? ""
        category = r.located("category", required: true, example: "marketing")
        description = r.string("description", required: true, example: "\"One or two sentences that say what this is.\"") ?? ""
        related = r.list("related")
        faq = r.faq("faq")
    }
}

/// A category's front matter.
public struct CategoryMeta: Sendable {
    public var title: String
    public var description: String
    public var related: [Located<String>]
    public var weight: Int?

    static let keys = ["title", "description", "related", "weight"]

    init(_ r: inout FrontMatterReader) {
        r.rejectUnknownKeys(Self.keys, kind: "a category's")
        title = r.string("title", required: true, example: "\"Marketing\"") ?? ""
        description = r.string("description", required: true, example: "\"One or two sentences about this category.\"") ?? ""
        related = r.list("related")
        weight = r.integer("weight")
    }
}

/// The front matter of an industry, a tool or a free page.
public struct PageMeta: Sendable {
    public var title: String
    public var description: String?
    public var weight: Int?
    public var draft: Bool
    public var sitemap: Bool

    static let termKeys = ["title", "description"]
    static let pageKeys = ["title", "description", "weight", "draft", "sitemap"]

    init(_ r: inout FrontMatterReader, isFreePage: Bool) {
        r.rejectUnknownKeys(isFreePage ? Self.pageKeys : Self.termKeys, kind: isFreePage ? "a page's" : "an industry's or tool's")
        title = r.string("title", required: r.bodyTitle == nil, example: "\"About us\"")
            ?? r.bodyTitle ?? ""
        description = r.string("description")
        weight = isFreePage ? r.integer("weight") : nil
        draft = isFreePage ? (r.bool("draft") ?? false) : false
        sitemap = isFreePage ? (r.bool("sitemap") ?? true) : true
    }
}
