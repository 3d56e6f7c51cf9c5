/// Stage 4, markdown: turns a body into HTML and the facts the site needs from it.
public enum MarkdownRenderer {
    public static func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        CMarkDocument.render(markdown, options: options)
    }
}
