/// A published (or, with `--drafts`, draft) playbook with every derived value filled in.
public struct Playbook: Sendable {
    public var slug: String
    /// The source file, relative to the site folder.
    public var sourcePath: String
    public var title: String
    public var summary: String
    public var description: String
    public var tags: [String]
    public var category: String
    public var industries: [String]
    public var tools: [String]
    public var type: String?
    public var author: String?
    public var date: Day
    public var updated: Day
    public var draft: Bool
    public var featured: Bool
    public var weight: Int?
    /// Old URL paths, with where each is written (a clash is reported there).
    public var aliases: [Located<String>]
    public var inSitemap: Bool
    public var params: [String: JSONValue]
    /// The front matter `image` as written (`SiteAddress`).
    public var image: String?
    public var body: RenderedMarkdown
    /// True while the body is missing: a playbook from a build snapshot kept on disk, until
    /// `DeferredBodies` parses its file again.
    public var bodyDeferred = false

    /// Minutes at 200 words a minute, at least one.
    public var readingMinutes: Int { max(1, (body.wordCount + 100) / 200) }
}
