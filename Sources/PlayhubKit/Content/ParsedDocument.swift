/// One content file after front matter and Markdown: stages 3 and 4 of the build.
public struct ParsedDocument: Sendable {
    public enum Meta: Sendable {
        case category(CategoryMeta)
        case tag(TagMeta)
        case playbook(PlaybookMeta)
        case industry(PageMeta)
        case tool(PageMeta)
        case page(PageMeta)
    }

    public var source: SourceFile
    public var meta: Meta
    public var body: RenderedMarkdown
    /// A playbook's summary when its front matter has none: the first paragraph, cut.
    public var defaultSummary = ""
    /// A tag's FAQ answers, rendered in order.
    public var faqAnswers: [RenderedMarkdown] = []

    public var path: String { source.path }
    public var kind: ContentKind { source.kind }
}
