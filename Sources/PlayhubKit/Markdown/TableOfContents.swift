/// The table of contents of a playbook: its `##` headings with their `###` headings nested.
public struct TableOfContents: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var text: String
        public var children: [Entry]
    }

    public var entries: [Entry]

    public init(headings: [RenderedMarkdown.Heading]) {
        var entries: [Entry] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry = Entry(id: heading.id, text: heading.text, children: [])
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(entry)
            } else {
                entries.append(entry)
            }
        }
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Nested `<ol>` lists of links to the heading ids, HTML-escaped.
    public var html: String {
        guard !entries.isEmpty else { return "" }
        func list(_ entries: [Entry]) -> String {
            var html = "<ol>"
            for entry in entries {
                html += "<li><a href=\"#\(HTML.escape(entry.id))\">\(HTML.escape(entry.text))</a>"
                if !entry.children.isEmpty { html += list(entry.children) }
                html += "</li>"
            }
            return html + "</ol>"
        }
        return list(entries)
    }
}
