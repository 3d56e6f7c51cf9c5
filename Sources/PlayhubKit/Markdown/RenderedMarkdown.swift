/// What the Markdown stage learns from one body: the HTML and the facts later stages need.
public struct RenderedMarkdown: Sendable, Hashable {
    /// Trusted HTML made by cmark (raw HTML dropped unless the site allows it).
    public var html: String
    /// Every heading in order, with the unique `id` its HTML element carries.
    public var headings: [Heading]
    /// The first top-level paragraph of real text, as plain text (for the default summary).
    public var firstParagraph: String
    /// Words of prose and code, for reading time.
    public var wordCount: Int
    /// Every link and image target as written, with its line in the file (for `check`).
    public var links: [Link]
    /// The text of the `# Heading` the body started with: taken out of the HTML, since the
    /// page shows its title as the one `<h1>`.
    public var title: String? = nil
    /// Raw HTML that safe mode dropped: how many places, and the first.
    public var droppedHTML: DroppedHTML? = nil
    /// How many task-list items got a checkbox: a playbook page with any loads checklist.js.
    public var taskCount: Int = 0

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
    }

    public struct Link: Sendable, Hashable {
        public var destination: String
        public var line: Int
        public var column: Int
        /// The site path a relative link to a content file was turned into
        /// (`other.md#step` → `/playbooks/other/#step`).
        public var target: String? = nil
        /// A relative link to a `.md` file that does not exist: its content-relative path.
        public var missing: String? = nil
    }

    public struct DroppedHTML: Sendable, Hashable {
        public var count: Int
        public var line: Int
        public var column: Int
    }
}
