import CCmark
import Foundation

/// One body while it is rendered: cmark's tree, the source text it was parsed from, and
/// where re-parsed pieces (a table cell, a call-out's body) came from in that text.
///
/// The GFM extensions work on this tree: cmark parses CommonMark, each extension finds
/// what CommonMark left as plain text (a table's lines, `~~`, `www.`) and rebuilds it from
/// the source with cmark's own nodes, custom nodes only for the HTML cmark has no node for.
final class MarkdownTree {
    let document: OpaquePointer
    let options: MarkdownOptions
    let cmarkOptions: Int32
    /// The body's lines (without their `\n`), 1-based through `line(_:)`.
    private let lines: [Substring]
    /// Blocks that took a block quote's place (a call-out): their lines still start with `>`.
    var quoteMarked: Set<OpaquePointer> = []
    /// Containers that hold re-parsed text, with where each line of that text sits in the body.
    private var origins: [OpaquePointer: [Origin]] = [:]
    /// Where nodes the extensions made sit in the body (cmark has no setter for positions).
    private var placements: [OpaquePointer: Placement] = [:]
    /// Body lines as bytes, converted once each: inline passes read one line per text node.
    private var lineBytes: [Int: [UInt8]] = [:]
    /// The last `characterCount` answer: line, byte count and characters in those bytes.
    private var columnCursor = (line: 0, bytes: 0, characters: 0)

    /// Where line `n` of a re-parsed piece of text sits in the body: its body line and the
    /// number of bytes of that line before the piece's first byte.
    struct Origin: Hashable {
        var line: Int
        var byteOffset: Int
    }

    init(parsing markdown: String, options: MarkdownOptions) {
        self.options = options
        let flags = Self.cmarkOptions(for: options)
        self.cmarkOptions = flags
        // Split on the byte, not on Characters: grapheme breaking costs more than the parse.
        self.lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        self.document = markdown.withCString { cmark_parse_document($0, strlen($0), flags) }
    }

    deinit { cmark_node_free(document) }

    static func cmarkOptions(for options: MarkdownOptions) -> Int32 {
        (options.smartPunctuation ? CMARK_OPT_SMART : 0) | (options.unsafeHTML ? CMARK_OPT_UNSAFE : 0)
    }

    /// A node's span on one body line, in byte columns (1-based, inclusive).
    struct Placement: Hashable {
        var line: Int
        var startColumn: Int
        var endColumn: Int
    }

    // MARK: - Source text

    /// Body line `number` (1-based), or "" past the end.
    func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// Body line `number` as UTF-8 bytes, or [] past the end.
    func bytes(ofLine number: Int) -> [UInt8] {
        if let cached = lineBytes[number] { return cached }
        let bytes = Array(line(number).utf8)
        lineBytes[number] = bytes
        return bytes
    }

    /// The source bytes of a node that starts and ends on one body line (a text node, a code
    /// span), through any graft; nil for nodes without a position or spanning lines.
    func sourceText(of node: OpaquePointer) -> String? {
        let start = bodyPosition(of: node), end = bodyPosition(of: node, end: true)
        guard start.line > 0, start.line == end.line, end.byteColumn >= start.byteColumn else { return nil }
        let utf8 = line(start.line).utf8
        guard end.byteColumn <= utf8.count,
              let from = utf8.index(utf8.startIndex, offsetBy: start.byteColumn - 1, limitedBy: utf8.endIndex),
              let to = utf8.index(utf8.startIndex, offsetBy: end.byteColumn, limitedBy: utf8.endIndex) else { return nil }
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }

    // MARK: - Positions

    /// Where a node starts (or ends) in the body: 1-based line and byte column, mapped
    /// through the graft that holds it. Line 0 when cmark gave the node no position.
    func bodyPosition(of node: OpaquePointer, end: Bool = false) -> (line: Int, byteColumn: Int) {
        if let placement = placements[node] {
            return (placement.line, end ? placement.endColumn : placement.startColumn)
        }
        let line = Int(end ? cmark_node_get_end_line(node) : cmark_node_get_start_line(node))
        let column = Int(end ? cmark_node_get_end_column(node) : cmark_node_get_start_column(node))
        guard line > 0 else { return (0, 0) }
        guard let map = graftOrigins(of: node) else { return (line, column) }
        guard line <= map.count else { return (0, 0) }
        return (map[line - 1].line, map[line - 1].byteOffset + column)
    }

    /// Where a node starts in the file: line, and column in characters (what an editor
    /// shows), for diagnostics.
    func fileLocation(of node: OpaquePointer) -> (line: Int, column: Int) {
        var position = bodyPosition(of: node)
        guard position.line > 0 else { return (options.firstLine, options.firstColumn) }
        position.byteColumn += continuationShift(of: node, line: position.line)
        let characters = characterCount(ofLine: position.line, bytes: max(0, position.byteColumn - 1)) + 1
        return (position.line + options.firstLine - 1,
                position.line == 1 ? characters + options.firstColumn - 1 : characters)
    }

    /// cmark 0.30 does not count the blanks it strips from the start of a paragraph's
    /// continuation line (`- item⏎    more`, `>   more`, a lazy `   more`): everything on
    /// that line is reported that many bytes to the left. The first node of the line shows
    /// how many: it really starts at the first non-blank byte from where it is reported.
    private func continuationShift(of node: OpaquePointer, line: Int) -> Int {
        var block = cmark_node_parent(node)
        while let current = block, cmark_node_get_type(current).rawValue >= CMARK_NODE_FIRST_INLINE.rawValue {
            block = cmark_node_parent(current)
        }
        guard let block, Int(cmark_node_get_start_line(block)) != line, graftOrigins(of: block) == nil else { return 0 }
        let key = ShiftKey(block: block, line: line)
        if let known = shifts[key] { return known }
        var shift = 0
        let iterator = cmark_iter_new(block)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator), child != block,
                  Int(cmark_node_get_start_line(child)) == line else { continue }
            let bytes = self.bytes(ofLine: line)
            var index = Int(cmark_node_get_start_column(child)) - 1
            let reported = index
            while index >= 0, index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            shift = max(0, index - reported)
            break
        }
        shifts[key] = shift
        return shift
    }

    /// Where the lines of the re-parsed text holding `node` sit, or nil for the body's own nodes.
    private func graftOrigins(of node: OpaquePointer) -> [Origin]? {
        var ancestor: OpaquePointer? = node
        while let current = ancestor {
            if let map = origins[current] { return map }
            ancestor = cmark_node_parent(current)
        }
        return nil
    }

    private struct ShiftKey: Hashable {
        var block: OpaquePointer
        var line: Int
    }
    private var shifts: [ShiftKey: Int] = [:]

    /// Characters in the first `bytes` bytes of a body line. Links come in document order, so
    /// counting on from the last answer on the same line keeps a line of many links linear.
    private func characterCount(ofLine number: Int, bytes: Int) -> Int {
        let utf8 = line(number).utf8
        let end = min(bytes, utf8.count)
        var from = 0, count = 0
        if columnCursor.line == number, columnCursor.bytes <= end { (from, count) = (columnCursor.bytes, columnCursor.characters) }
        let start = utf8.index(utf8.startIndex, offsetBy: from), stop = utf8.index(utf8.startIndex, offsetBy: end)
        count += String(decoding: utf8[start..<stop], as: UTF8.self).count
        columnCursor = (number, end, count)
        return count
    }

    // MARK: - Re-parsed text

    /// Parses `markdown` with this tree's options and moves what it holds into `container`:
    /// its blocks, or with `inline` the inline nodes of its one paragraph. `origins` says
    /// where each line of `markdown` sits in the body, so links inside keep their file line
    /// and column.
    func graft(_ markdown: String, origins: [Origin], into container: OpaquePointer, inline: Bool) {
        let fragment: OpaquePointer = markdown.withCString { cmark_parse_document($0, strlen($0), cmarkOptions) }
        defer { cmark_node_free(fragment) }
        var source: OpaquePointer? = fragment
        if inline {
            source = cmark_node_first_child(fragment)
            guard let paragraph = source, cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return }
        }
        guard let source else { return }
        while let child = cmark_node_first_child(source) {
            cmark_node_unlink(child)
            if cmark_node_append_child(container, child) == 0 { cmark_node_free(child) }
        }
        self.origins[container] = origins
    }

    /// Text to parse as inlines only (a table cell, the lines of a paragraph), and the
    /// container its inline nodes go into.
    struct InlinePiece {
        var lines: [(text: Substring, origin: Origin)]
        var container: OpaquePointer
    }

    /// `graft` with `inline` for many pieces in one cmark run: each piece is a paragraph of
    /// the fragment, so thousands of cells cost one parse. `prelude` (the body's link
    /// reference definitions) follows them, so `[text][label]` in a piece finds its target.
    func graftInlines(_ pieces: [InlinePiece], prelude: String) {
        var markdown = "", lineOrigins: [Origin] = [], firstLines: [Int] = [], guarded: [Bool] = []
        for piece in pieces {
            firstLines.append(lineOrigins.count + 1)
            let guardFirstLine = piece.lines.first.map { Self.mayStartBlock($0.text) } ?? false
            guarded.append(guardFirstLine)
            for (index, line) in piece.lines.enumerated() {
                var origin = line.origin
                if index == 0 && guardFirstLine {
                    markdown += Self.inlineGuard
                    origin.byteOffset -= Self.inlineGuard.utf8.count
                }
                markdown += line.text
                markdown += "\n"
                lineOrigins.append(origin)
            }
            markdown += "\n"
            lineOrigins.append(Origin(line: 0, byteOffset: 0))
        }
        markdown += prelude
        let fragment: OpaquePointer = markdown.withCString { cmark_parse_document($0, strlen($0), cmarkOptions) }
        defer { cmark_node_free(fragment) }

        var index = 0
        for block in Self.children(of: fragment) {
            let line = Int(cmark_node_get_start_line(block))
            while index < pieces.count && line >= firstLines[index] + pieces[index].lines.count { index += 1 }
            guard index < pieces.count else { break }
            let type = cmark_node_get_type(block)
            guard line >= firstLines[index], type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING else { continue }
            if guarded[index] && line == firstLines[index] { Self.removeGuard(from: block) }
            let container = pieces[index].container
            while let child = cmark_node_first_child(block) {
                cmark_node_unlink(child)
                if cmark_node_append_child(container, child) == 0 { cmark_node_free(child) }
            }
        }
        for piece in pieces { origins[piece.container] = lineOrigins }
    }

    /// Put before a piece whose first character could open a block (`# `, `- `, `1. `,
    /// `>`, a fence, HTML, a definition): after it the line can only be inline text, and it
    /// reads as the start of a line to emphasis and smart quotes.
    private static let inlineGuard = "x "

    private static func mayStartBlock(_ text: Substring) -> Bool {
        guard let first = text.utf8.first else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || "#>-+*_`~<[".utf8.contains(first)
    }

    /// Drops the guard from the paragraph's first text node, which is replaced by one
    /// without a position: its source no longer starts where cmark saw it start.
    private static func removeGuard(from paragraph: OpaquePointer) {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              case let literal = literal(first), literal.hasPrefix(inlineGuard) else { return }
        let rest = literal.dropFirst(inlineGuard.count)
        if !rest.isEmpty, let replacement = text(String(rest)) {
            cmark_node_insert_before(first, replacement)
        }
        cmark_node_unlink(first)
        cmark_node_free(first)
    }

    // MARK: - Building nodes

    /// A block that writes `enter` before its children and `exit` after them.
    static func customBlock(enter: String, exit: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    /// An inline that writes `enter` before its children and `exit` after them.
    static func customInline(enter: String, exit: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    static func text(_ literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }

    /// Records where a node an extension made sits in the body, so its links keep their
    /// file line and column.
    func place(_ node: OpaquePointer, at placement: Placement) {
        placements[node] = placement
    }

    /// Unlinks and frees a node an extension replaced, forgetting its placement so a later
    /// node at the same address does not inherit it.
    func discard(_ node: OpaquePointer) {
        var stack = [node]
        while let current = stack.popLast() {
            placements[current] = nil
            stack.append(contentsOf: Self.children(of: current))
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    // MARK: - Reading nodes

    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var children: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(current)
            child = cmark_node_next(current)
        }
        return children
    }

    /// Every node of `type` below `root`, in document order: collected first, so the
    /// caller may change the tree while it goes through them.
    func nodes(of type: cmark_node_type, below root: OpaquePointer? = nil) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        let iterator = cmark_iter_new(root ?? document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == type {
                found.append(node)
            }
        }
        return found
    }
}
