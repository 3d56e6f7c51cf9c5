import CCmark

/// GFM tables (spec §4.10), rebuilt on cmark's tree from the paragraphs CommonMark leaves them in.
///
/// A paragraph's lines are read again from the body (its text nodes already have smart
/// punctuation, so `|---|` reads as dashes there) and split into rows as cmark-gfm's table
/// extension does: a header row, a delimiter row with as many cells, then body rows to the
/// paragraph's end; lines before the header stay a paragraph. The table is made of custom
/// nodes and each cell's text is parsed as inlines, so cmark still renders and escapes it.
///
/// Two differences from the spec's HTML, both for the pages playhub writes: alignment is
/// `style="text-align: center"` (what cmark-gfm writes with
/// CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES), because the spec's `align="center"` is obsolete
/// in HTML5 and the validator rejects it; and each table sits in
/// `<div class="table-scroll">`, which the theme lets scroll sideways on a narrow screen.
enum GFMTable {
    static func apply(to tree: MarkdownTree) {
        var budget = FillBudget()
        let found = tree.nodes(of: CMARK_NODE_PARAGRAPH).compactMap { paragraph in
            Layout(tree.sourceLines(of: paragraph), budget: &budget).map { (paragraph, $0) }
        }
        guard !found.isEmpty else { return }
        let definitions = tree.referenceDefinitions()  // while the paragraphs still hold their lines
        var pieces: [MarkdownTree.InlinePiece] = []
        for (paragraph, layout) in found {
            for part in layout.parts { insert(part, before: paragraph, pieces: &pieces) }
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        tree.graftInlines(pieces, prelude: definitions)
    }

    // MARK: - Building nodes

    private static func insert(_ part: Layout.Part, before paragraph: OpaquePointer,
                               pieces: inout [MarkdownTree.InlinePiece]) {
        var parts: [MarkdownTree.InlinePiece] = []
        let node: OpaquePointer?
        switch part {
        case .paragraph(let lines):
            node = cmark_node_new(CMARK_NODE_PARAGRAPH)
            if let node { parts.append(.init(lines: paragraphText(lines), container: node)) }
        case .table(let table):
            node = MarkdownTree.customBlock(enter: "<div class=\"table-scroll\">", exit: "</div>")
            if let node { build(table, in: node, pieces: &parts) }
        }
        guard let node else { return }
        guard cmark_node_insert_before(paragraph, node) != 0 else { return cmark_node_free(node) }
        pieces += parts
    }

    /// The lines as cmark read them: the first from its text, the others with their
    /// indentation, which keeps an indented `- x` continuing the paragraph. cmark counts a
    /// continuation line's columns from its text, so that is where its origin is.
    private static func paragraphText(_ lines: ArraySlice<SourceLine>) -> [(text: Substring, origin: MarkdownTree.Origin)] {
        lines.enumerated().map { index, line in
            (index == 0 ? line.text : line.indented, .init(line: line.line, byteOffset: line.textOffset))
        }
    }

    private static func build(_ table: Table, in scroll: OpaquePointer, pieces: inout [MarkdownTree.InlinePiece]) {
        guard let element = child(of: scroll, enter: "<table>", exit: "</table>"),
              let head = child(of: element, enter: "<thead>", exit: "</thead>") else { return }
        addRow(table.header, header: true, to: head, table: table, pieces: &pieces)
        guard !table.body.isEmpty, let body = child(of: element, enter: "<tbody>", exit: "</tbody>") else { return }
        for row in table.body { addRow(row, header: false, to: body, table: table, pieces: &pieces) }
    }

    /// A row of exactly the header's cell count: missing cells are empty, extra ones dropped.
    private static func addRow(_ cells: [Cell], header: Bool, to section: OpaquePointer, table: Table,
                               pieces: inout [MarkdownTree.InlinePiece]) {
        guard let row = child(of: section, enter: "<tr>", exit: "</tr>") else { return }
        let tag = header ? "th" : "td"
        for (index, alignment) in table.alignments.enumerated() {
            // Inline, not block: cmark puts line breaks around a custom block's HTML.
            guard let cell = MarkdownTree.customInline(enter: "<\(tag)\(alignment.attribute)>", exit: "</\(tag)>\n") else { continue }
            guard cmark_node_append_child(row, cell) != 0 else { cmark_node_free(cell); continue }
            if index < cells.count, !cells[index].text.isEmpty {
                pieces.append(.init(lines: [(cells[index].text, cells[index].origin)], container: cell))
            }
        }
    }

    private static func child(of parent: OpaquePointer, enter: String, exit: String) -> OpaquePointer? {
        guard let node = MarkdownTree.customBlock(enter: enter, exit: exit) else { return nil }
        guard cmark_node_append_child(parent, node) != 0 else { cmark_node_free(node); return nil }
        return node
    }
}

// MARK: - Reading tables

extension GFMTable {
    struct Cell {
        /// Trimmed, `\|` already `|` (also inside code spans, as the spec says).
        var text: Substring
        var origin: MarkdownTree.Origin
    }

    enum Alignment {
        case none, left, center, right

        var attribute: String {
            switch self {
            case .none: ""
            case .left: " style=\"text-align: left\""
            case .center: " style=\"text-align: center\""
            case .right: " style=\"text-align: right\""
            }
        }
    }

    struct Table {
        var header: [Cell]
        var alignments: [Alignment]
        var body: [[Cell]] = []
    }

    /// Empty cells the body's short rows may still get. Like cmark-gfm's
    /// MAX_AUTOCOMPLETED_CELLS (there per table, here per body): without it a wide header
    /// over many one-cell rows makes output quadratic in the input.
    struct FillBudget {
        var remaining = 0x80000
    }

    /// A paragraph's lines as tables and the paragraphs between them; nil if it holds no table.
    struct Layout {
        enum Part {
            case paragraph(ArraySlice<SourceLine>)
            case table(Table)
        }

        var parts: [Part] = []

        init?(_ lines: [SourceLine], budget: inout FillBudget) {
            var textStart = 0, index = 1
            while index < lines.count {
                guard let delimiter = Row(lines[index]), let alignments = delimiter.alignments,
                      let header = Row(lines[index - 1]), header.cells.count == alignments.count else {
                    index += 1
                    continue
                }
                if textStart < index - 1 { parts.append(.paragraph(lines[textStart..<index - 1])) }
                var table = Table(header: header.cells, alignments: alignments)
                index += 1
                // The body runs to the paragraph's end, or to a line with no cell (`|`).
                while index < lines.count, let row = Row(lines[index]) {
                    let missing = max(0, alignments.count - row.cells.count)
                    guard missing <= budget.remaining else { break }
                    budget.remaining -= missing
                    table.body.append(Array(row.cells.prefix(alignments.count)))
                    index += 1
                }
                parts.append(.table(table))
                textStart = index
                index += 1
            }
            guard !parts.isEmpty else { return nil }
            if textStart < lines.count { parts.append(.paragraph(lines[textStart...])) }
        }
    }

    /// One line split into cells as cmark-gfm's `row_from_string` does: an optional leading
    /// pipe, then cells up to each unescaped pipe; a trailing pipe ends the last cell.
    struct Row {
        var cells: [Cell] = []
        /// The raw cells, to read a delimiter row.
        private var raw: [Substring] = []

        init?(_ line: SourceLine) {
            let bytes = Array(line.text.utf8)
            var offset = Self.pipe(bytes, at: 0)
            while offset < bytes.count {
                let start = offset
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "|") {
                    // `\` and an ASCII punctuation character, `\|` among them, stay together.
                    let escapes = bytes[offset] == UInt8(ascii: "\\") && offset + 1 < bytes.count && bytes[offset + 1].isASCIIPunctuation
                    offset += escapes ? 2 : 1
                }
                add(bytes[start..<offset], in: line)
                offset += Self.pipe(bytes, at: offset)
            }
            guard !cells.isEmpty else { return nil }
        }

        /// The length of a pipe and the blanks after it at `offset`, or 0.
        private static func pipe(_ bytes: [UInt8], at offset: Int) -> Int {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "|") else { return 0 }
            var end = offset + 1
            while end < bytes.count, bytes[end].isTableBlank { end += 1 }
            return end - offset
        }

        private mutating func add(_ cell: ArraySlice<UInt8>, in line: SourceLine) {
            var start = cell.startIndex, end = cell.endIndex
            while start < end, cell[start].isTableSpace { start += 1 }
            while end > start, cell[end - 1].isTableSpace { end -= 1 }
            let trimmed = cell[start..<end]
            var text: [UInt8] = []
            text.reserveCapacity(trimmed.count)
            for index in trimmed.indices {
                // `\|` drops the backslash: the pipe is the cell's text, not a separator.
                if trimmed[index] == UInt8(ascii: "|"), index > trimmed.startIndex, trimmed[index - 1] == UInt8(ascii: "\\") {
                    text.removeLast()
                }
                text.append(trimmed[index])
            }
            raw.append(Substring(decoding: trimmed, as: UTF8.self))
            cells.append(Cell(text: Substring(decoding: text, as: UTF8.self),
                              origin: .init(line: line.line, byteOffset: line.textOffset + start)))
        }

        /// The columns' alignments if this is a delimiter row (`---`, `:--`, `--:`, `:-:`).
        var alignments: [Alignment]? {
            var alignments: [Alignment] = []
            for cell in raw {
                let left = cell.hasPrefix(":"), right = cell.hasSuffix(":") && cell.count > 1
                let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
                guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
                alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
            }
            return alignments
        }
    }
}

private extension UInt8 {
    var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self) || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }

    /// What may follow a pipe (cmark-gfm's `spacechar`).
    var isTableBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0B || self == 0x0C }

    /// What a cell is trimmed of (cmark's `cmark_isspace`).
    var isTableSpace: Bool { isTableBlank || self == 0x0A || self == 0x0D }
}
