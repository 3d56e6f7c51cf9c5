import CCmark

/// One line of a paragraph as the body has it, past its block quote markers: `indented`
/// keeps the line's own indentation, `text` starts at its first non-blank character, which
/// is `textOffset` bytes into the body line.
struct SourceLine {
    var line: Int
    var indented: Substring
    var text: Substring
    var textOffset: Int
}

extension MarkdownTree {
    /// A paragraph's lines from the body, from its text's first line (link reference
    /// definitions before it are not its text) to its last.
    ///
    /// The paragraph's own start column places its first line. cmark's inline positions
    /// cannot place the others: their columns count from the paragraph's start column,
    /// not the line's, and a code span over a line break shifts later lines. So the
    /// others skip one `>` per enclosing block quote (fewer on a lazy line) and blanks.
    func sourceLines(of paragraph: OpaquePointer) -> [SourceLine] {
        let start = bodyPosition(of: paragraph), end = bodyPosition(of: paragraph, end: true)
        guard start.line > 0, end.line >= start.line else { return [] }
        let textLine = cmark_node_first_child(paragraph).map { bodyPosition(of: $0).line } ?? 0
        let first = (start.line...end.line).contains(textLine) ? textLine : start.line
        var quotes = 0
        var ancestor = cmark_node_parent(paragraph)
        while let current = ancestor {
            if cmark_node_get_type(current) == CMARK_NODE_BLOCK_QUOTE || quoteMarked.contains(current) { quotes += 1 }
            ancestor = cmark_node_parent(current)
        }
        return (first...end.line).map { number in
            let bytes = line(number).utf8
            var offset = 0
            if number == start.line {
                offset = min(max(0, start.byteColumn - 1), bytes.count)
            } else {
                for _ in 0..<quotes {
                    let marker = Self.skipBlanks(bytes, from: offset)
                    guard Self.byte(bytes, marker) == UInt8(ascii: ">") else { break }
                    offset = marker + 1
                    if Self.byte(bytes, offset) == UInt8(ascii: " ") { offset += 1 }
                }
            }
            let textOffset = Self.skipBlanks(bytes, from: offset)
            return SourceLine(line: number, indented: Self.suffix(of: line(number), from: offset),
                              text: Self.suffix(of: line(number), from: textOffset), textOffset: textOffset)
        }
    }

    /// The body's link reference definitions, as Markdown to parse after re-parsed text:
    /// the lines no leaf block holds (a definition leaves no node) and the ones before a
    /// paragraph's or heading's text, without their block quote markers.
    func referenceDefinitions() -> String {
        let lastLine = Int(cmark_node_get_end_line(document))
        guard lastLine > 0 else { return "" }
        var held = [Bool](repeating: false, count: lastLine + 1)
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK
                    || type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_THEMATIC_BREAK else { continue }
            var from = Int(cmark_node_get_start_line(node))
            let to = min(Int(cmark_node_get_end_line(node)), lastLine)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING, let text = cmark_node_first_child(node) {
                from = max(from, Int(cmark_node_get_start_line(text)))
            }
            guard from >= 1, from <= to else { continue }
            for number in from...to { held[number] = true }
        }
        var definitions = ""
        for number in 1...lastLine where !held[number] {
            let bytes = line(number).utf8
            var offset = Self.skipBlanks(bytes, from: 0)
            while Self.byte(bytes, offset) == UInt8(ascii: ">") { offset = Self.skipBlanks(bytes, from: offset + 1) }
            guard offset < bytes.count else { continue }
            definitions += Self.suffix(of: line(number), from: offset)
            definitions += "\n"
        }
        return definitions
    }

    // MARK: - Bytes of a line

    static func byte(_ bytes: Substring.UTF8View, _ offset: Int) -> UInt8? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
    }

    static func skipBlanks(_ bytes: Substring.UTF8View, from offset: Int) -> Int {
        var offset = offset
        while let byte = byte(bytes, offset), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { offset += 1 }
        return offset
    }

    static func suffix(of line: Substring, from offset: Int) -> Substring {
        let utf8 = line.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: offset, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return Substring(utf8[index...])
    }
}
