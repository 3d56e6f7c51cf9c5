/// A playbook's front matter (SPEC §1, "Playbook front matter"), typed and checked.
public struct PlaybookMeta: Sendable {
    public var title: String
    public var summary: String?
    public var tags: [Located<String>]
    public var category: Located<String>?
    public var industries: [Located<String>]
    public var tools: [Located<String>]
    public var type: String?
    public var author: String?
    public var date: Located<Day>?
    public var updated: Located<Day>?
    public var draft: Bool
    public var featured: Bool
    public var weight: Int?
    public var aliases: [Located<String>]
    public var description: String?
    public var sitemap: Bool
    /// The share image (`og:image`, the Article's `image`): a path under the site or a URL.
    public var image: Located<String>?
    public var params: [String: JSONValue]

    static let keys = ["title", "summary", "tags", "category", "industries", "tools", "type", "author", "date",
                       "updated", "draft", "featured", "weight", "aliases", "description", "sitemap", "params",
                       "image"]

    init(_ r: inout FrontMatterReader) {
        r.rejectUnknownKeys(Self.keys, kind: "a playbook's")
        title = r.string("title", required: r.bodyTitle == nil, example: "\"How to run a pipeline review\"")
            ?? r.bodyTitle ?? ""
        summary = r.string("summary")
        tags = r.list("tags", required: true, example: "[\"sales-pipeline\"]")
        category = r.located("category")
        industries = r.list("industries")
        tools = r.list("tools")
        type = r.string("type")
        author = r.string("author")
        date = r.day("date")
        updated = r.day("updated")
        draft = r.bool("draft") ?? false
        featured = r.bool("featured") ?? false
        weight = r.integer("weight")
        aliases = r.list("aliases")
        description = r.string("description")
        sitemap = r.bool("sitemap") ?? true
        params = r.params("params")
        image = r.located("image")
    }
}
