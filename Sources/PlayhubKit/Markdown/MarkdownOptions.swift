/// How a site wants its Markdown rendered.
public struct MarkdownOptions: Sendable, Hashable {
    /// Keep raw HTML from authors (site.json `unsafeHTML`). Off by default: hubs take
    /// playbooks from many contributors.
    public var unsafeHTML: Bool
    /// Prefixed to root-relative links (`/tags/x/` → `/hub/tags/x/`), from baseURL's path.
    public var basePath: String
    /// The file line of the body's first line, so link lines are file lines.
    public var firstLine: Int
    /// The file column of the text's first character, for Markdown that starts mid-line
    /// (an FAQ answer after `a: "`); it shifts columns on the first line only.
    public var firstColumn: Int = 1
    /// Curly quotes and dashes (cmark's CMARK_OPT_SMART). Always on for sites; off to run
    /// the GFM spec's examples, which are written without it.
    public var smartPunctuation = true
    /// Where every content file is published, for relative links between them; nil renders
    /// relative links as written.
    public var layout: ContentLayout?
    /// The body's file relative to the content folder (`playbooks/x.md`): relative links
    /// start from its folder.
    public var documentPath = ""
    /// Set to a playbook's slug, task-list boxes become ones a reader can tick, with ids
    /// `task-<slug>-<n>`; nil (free pages, tags, FAQ answers) keeps them disabled, for show.
    public var checklistID: String?

    public init(unsafeHTML: Bool = false, basePath: String = "/", firstLine: Int = 1) {
        self.unsafeHTML = unsafeHTML
        self.basePath = basePath
        self.firstLine = firstLine
    }
}
