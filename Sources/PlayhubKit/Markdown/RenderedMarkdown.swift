/// What the Markdown stage learns from one body: the HTML and the facts later stages need.
public struct RenderedMarkdown: Sendable, Hashable {
    /// Trusted HTML made by cmark (raw HTML dropped unless the site allows it).
    public var html: String
    /// Every heading in order, with the unique `id` its HTML element carries.
    public var headings: [Heading]
    /// The first top-level paragraph as plain text (for the default summary).
    public var firstParagraph: String
    /// Words of prose and code, for reading time.
    public var wordCount: Int
    /// Every link and image target as written, with its line in the file (for `check`).
    public var links: [Link]

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
    }

    public struct Link: Sendable, Hashable {
        public var destination: String
        public var line: Int
        public var column: Int
    }
}
