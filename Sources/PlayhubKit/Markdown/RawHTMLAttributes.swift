/// The URL attributes (`href`, `src`) of raw HTML a site allows, found by their values'
/// ranges so they can be rewritten in place. A plain scan, not an HTML parser: it needs
/// only an attribute name after whitespace inside a tag, `=`, and a quoted or bare value.
enum RawHTMLAttributes {
    static let names: Set<String> = ["href", "src"]

    static func urls(in html: String) -> [(name: String, range: Range<String.Index>)] {
        var found: [(name: String, range: Range<String.Index>)] = []
        var index = html.startIndex
        var inTag = false
        var quote: Character?
        while index < html.endIndex {
            let character = html[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if inTag, character == "\"" || character == "'" {
                quote = character
            } else if inTag, character.isWhitespace, let attribute = attribute(in: html, after: index) {
                found.append((attribute.name, attribute.range))
                index = attribute.next
                continue
            }
            index = html.index(after: index)
        }
        return found
    }

    /// `href="…"` starting after the whitespace at `space`: the name, the value's range and
    /// where the scan goes on (past a closing quote).
    private static func attribute(in html: String, after space: String.Index)
        -> (name: String, range: Range<String.Index>, next: String.Index)? {
        var index = html.index(after: space)
        let nameStart = index
        while index < html.endIndex, html[index].isLetter { index = html.index(after: index) }
        let name = html[nameStart..<index].lowercased()
        guard names.contains(name) else { return nil }
        while index < html.endIndex, html[index] == " " { index = html.index(after: index) }
        guard index < html.endIndex, html[index] == "=" else { return nil }
        index = html.index(after: index)
        while index < html.endIndex, html[index] == " " { index = html.index(after: index) }
        guard index < html.endIndex else { return nil }
        if html[index] == "\"" || html[index] == "'" {
            let quote = html[index]
            let start = html.index(after: index)
            guard let end = html[start...].firstIndex(of: quote) else { return nil }
            return (name, start..<end, html.index(after: end))
        }
        let start = index
        while index < html.endIndex, !html[index].isWhitespace, html[index] != ">" { index = html.index(after: index) }
        return start < index ? (name, start..<index, index) : nil
    }
}
