import CCmark
import Foundation

/// Call-outs: GitHub's alerts (`> [!NOTE]` …) and MkDocs admonitions (`!!! tip "Title"`)
/// become labelled asides:
///
///     <aside class="callout callout-tip" role="note">
///     <p class="callout-title"><strong>Tip</strong></p>
///     <p>Body…</p>
///     </aside>
///
/// and MkDocs' collapsible `???` / `???+` become `<details class="callout callout-tip">`
/// (`open` for `???+`) with the title as its `<summary class="callout-title">`.
/// `role="note"` keeps screen readers from listing every call-out as a page landmark, which
/// a bare `aside` would be; the title is a visible, bold paragraph so the label reads first
/// and stands out without CSS.
enum Callout {
    static func apply(to tree: MarkdownTree) {
        // Admonitions first: their bodies are re-parsed, and alerts inside them are found next.
        Admonition.apply(to: tree)
        GitHubAlert.apply(to: tree)
    }

    /// GitHub's five alert kinds, which are also the theme's five styles.
    enum Kind: String {
        case note, tip, important, warning, caution

        var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    enum Form {
        case aside
        case details(open: Bool)
    }

    /// The block a call-out's content moves into; `title` nil means no title at all (an
    /// aside only: a `details` always needs its summary).
    static func block(kind: Kind, title: String?, form: Form) -> OpaquePointer? {
        let classes = "callout callout-\(kind.rawValue)"
        switch form {
        case .aside:
            let heading = title.map { "\n<p class=\"callout-title\"><strong>\(HTML.escape($0))</strong></p>" } ?? ""
            return MarkdownTree.customBlock(enter: "<aside class=\"\(classes)\" role=\"note\">" + heading, exit: "</aside>")
        case .details(let open):
            let summary = "<summary class=\"callout-title\">\(HTML.escape(title ?? kind.label))</summary>"
            return MarkdownTree.customBlock(enter: "<details class=\"\(classes)\"\(open ? " open" : "")>\n" + summary,
                                            exit: "</details>")
        }
    }

    /// Puts `block` where `node` is, or frees `block` when cmark refuses.
    static func replace(_ node: OpaquePointer, with block: OpaquePointer) -> Bool {
        guard cmark_node_replace(node, block) != 0 else {
            cmark_node_free(block)
            return false
        }
        return true
    }

    static func remove(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

// MARK: - GitHub alerts

/// `> [!TIP]` alone on the first line of a block quote, or followed by a title
/// (`> [!TIP] Faster triage`, as Obsidian and MkDocs write it; GitHub ignores that text).
private enum GitHubAlert {
    static func apply(to tree: MarkdownTree) {
        for quote in tree.nodes(of: CMARK_NODE_BLOCK_QUOTE) { convert(quote, in: tree) }
    }

    private static func convert(_ quote: OpaquePointer, in tree: MarkdownTree) {
        // cmark merges adjacent text, so the marker is the start of the first text node; if the
        // document defines `[!note]: url`, cmark made a link of it instead, and a link it stays.
        guard let paragraph = cmark_node_first_child(quote), MarkdownTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
              let text = cmark_node_first_child(paragraph), MarkdownTree.type(text) == CMARK_NODE_TEXT,
              let marker = Marker(MarkdownTree.literal(text)),
              // `\[!NOTE]` and `&#91;!NOTE]` are text the author kept from becoming a marker.
              tree.sourceText(of: text)?.utf8.starts(with: marker.text.utf8) == true else { return }

        // The rest of the first line is the title: everything up to the line's break.
        var titleNodes: [OpaquePointer] = []
        var sibling = cmark_node_next(text)
        while let node = sibling, !isBreak(node) {
            titleNodes.append(node)
            sibling = cmark_node_next(node)
        }
        guard !marker.rest.isEmpty || titleNodes.isEmpty else { return }  // `[!NOTE]*x*`: not alone
        let title = (marker.rest + titleNodes.map(plainText).joined()).trimmed

        guard let block = Callout.block(kind: marker.kind, title: title.isEmpty ? marker.kind.label : title, form: .aside),
              Callout.replace(quote, with: block) else { return }
        tree.quoteMarked.insert(block)
        for node in [text] + titleNodes + [sibling].compactMap({ $0 }) { Callout.remove(node) }
        if cmark_node_first_child(paragraph) == nil { Callout.remove(paragraph) }
        while let child = cmark_node_first_child(quote) {
            cmark_node_unlink(child)
            if cmark_node_append_child(block, child) == 0 { cmark_node_free(child) }
        }
        cmark_node_free(quote)
    }

    /// `[!KIND]` at the start of a text node, with what follows it on the node.
    private struct Marker {
        var kind: Callout.Kind
        var text: Substring
        var rest: String

        init?(_ literal: String) {
            guard literal.hasPrefix("[!"), let close = literal.firstIndex(of: "]"),
                  let kind = Callout.Kind(rawValue: literal[literal.index(literal.startIndex, offsetBy: 2)..<close].lowercased())
            else { return nil }
            let after = literal[literal.index(after: close)...]
            guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
            self.kind = kind
            self.text = literal[...close]
            self.rest = String(after)
        }
    }

    private static func isBreak(_ node: OpaquePointer) -> Bool {
        let type = MarkdownTree.type(node)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    /// A title is a label: the characters of its inlines, markup and raw HTML as text.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch MarkdownTree.type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: text += MarkdownTree.literal(child)
            default: break
            }
        }
        return text
    }
}

// MARK: - MkDocs admonitions

/// MkDocs' `!!! type "Title"` (pymdownx.details' `???` and `???+` for collapsible ones) on a
/// line of its own, with the body indented four spaces below it. CommonMark reads the body's
/// first lines as the paragraph's own (an indented line cannot start a code block inside a
/// paragraph) and what follows a blank line as an indented code block; both are body.
private struct Admonition {
    var kind: Callout.Kind
    var title: String?
    var form: Callout.Form

    /// Bodies are re-parsed once per level: admonitions nested deeper stay text, so a crafted
    /// body cannot make the parse quadratic.
    private static let maxDepth = 8

    static func apply(to tree: MarkdownTree) {
        var pending = tree.nodes(of: CMARK_NODE_PARAGRAPH).map { ($0, 0) }
        while case let (paragraph, depth)? = pending.popLast() {
            guard let block = convert(paragraph, in: tree, graftBody: depth < maxDepth) else { continue }
            pending += tree.nodes(of: CMARK_NODE_PARAGRAPH, below: block).map { ($0, depth + 1) }
        }
    }

    /// The block that replaced `paragraph`, or nil when it is no admonition.
    private static func convert(_ paragraph: OpaquePointer, in tree: MarkdownTree, graftBody: Bool) -> OpaquePointer? {
        // Nearly every paragraph is prose: its text does not start with `!!!` or `???`.
        guard let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(text),
              strncmp(literal, "!!!", 3) == 0 || strncmp(literal, "???", 3) == 0 else { return nil }
        let start = tree.bodyPosition(of: paragraph), end = tree.bodyPosition(of: paragraph, end: true)
        guard start.line > 0, end.line >= start.line else { return nil }
        // The source, not the text node: smart punctuation has curled the title's quotes there.
        let prefix = start.byteColumn - 1
        guard let first = Body.line(tree.line(start.line), droppingBytes: prefix),
              let admonition = Admonition(line: first.text) else { return nil }

        var body = Body()
        for number in start.line + 1 ..< end.line + 1 {
            guard let line = Body.line(tree.line(number), droppingBytes: prefix).flatMap(Body.dedented) else { return nil }
            body.append(line.text, line: number, byteOffset: line.byteOffset)
        }
        let code = cmark_node_next(paragraph).flatMap { isIndentedCode($0, in: tree) ? $0 : nil }
        if let code { body.append(code: code, after: end.line, in: tree) }

        guard graftBody || body.isEmpty,
              let block = Callout.block(kind: admonition.kind, title: admonition.title, form: admonition.form),
              Callout.replace(paragraph, with: block) else { return nil }
        cmark_node_free(paragraph)
        if let code { Callout.remove(code) }
        if !body.isEmpty { tree.graft(body.markdown, origins: body.origins, into: block, inline: false) }
        return block
    }

    /// cmark 0.30 does not say whether a code block was fenced: an indented one has no info
    /// string and starts (its source position) at its first line's text.
    private static func isIndentedCode(_ node: OpaquePointer, in tree: MarkdownTree) -> Bool {
        guard MarkdownTree.type(node) == CMARK_NODE_CODE_BLOCK,
              (cmark_node_get_fence_info(node).map { $0.pointee == 0 } ?? true) else { return false }
        let start = tree.bodyPosition(of: node)
        guard let source = Body.line(tree.line(start.line), droppingBytes: start.byteColumn - 1)?.text else { return false }
        let firstLine = MarkdownTree.literal(node).prefix { $0 != "\n" }
        return source == firstLine || !(source.hasPrefix("```") || source.hasPrefix("~~~"))
    }

    // MARK: The admonition line

    /// `!!! type`, `!!! type "Title"`, `??? type`, `???+ type` as Python-Markdown reads them:
    /// `!!! ?([\w-]+(?: +[\w-]+)*)(?: +"(.*?)")? *$`, the first word the type, more words
    /// MkDocs' layout modifiers (`inline end`), ignored here.
    init?(line: Substring) {
        var rest = line
        if rest.hasPrefix("!!!") { form = .aside; rest = rest.dropFirst(3) }
        else if rest.hasPrefix("???+") { form = .details(open: true); rest = rest.dropFirst(4) }
        else if rest.hasPrefix("???") { form = .details(open: false); rest = rest.dropFirst(3) }
        else { return nil }
        if rest.first == " " { rest = rest.dropFirst() }
        rest = rest.dropLast(rest.reversed().prefix { $0 == " " }.count)

        var quoted: Substring?
        if let quote = rest.firstIndex(of: "\"") {
            let title = rest[rest.index(after: quote)...]
            guard title.last == "\"", rest[..<quote].last == " " else { return nil }
            quoted = title.dropLast()
            rest = rest[..<quote]
        }
        let words = rest.split(separator: " ")
        guard let type = words.first?.lowercased(), rest.first != " ",
              words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }) else { return nil }

        kind = Self.kinds[type] ?? .note
        // MkDocs' default title is the type, capitalised; an explicit `""` asks for none.
        let label = type.prefix(1).uppercased() + type.dropFirst()
        switch (quoted, form) {
        case (nil, _): title = label
        case (let text?, .aside): title = text.isEmpty ? nil : String(text)
        case (let text?, .details): title = text.isEmpty ? label : String(text)
        }
    }

    /// Material for MkDocs' types and aliases by the kind whose meaning they share; the rest
    /// (note, abstract, info, example, quote, unknown types …) are notes.
    private static let kinds: [String: Callout.Kind] = {
        var kinds: [String: Callout.Kind] = [:]
        for type in ["tip", "hint", "success", "check", "done"] { kinds[type] = .tip }
        kinds["important"] = .important
        for type in ["warning", "caution", "attention", "question", "help", "faq"] { kinds[type] = .warning }
        for type in ["danger", "error", "failure", "fail", "missing", "bug"] { kinds[type] = .caution }
        return kinds
    }()
}

/// An admonition's body as Markdown, with where each of its lines sits in the body.
private struct Body {
    private var lines: [Substring] = []
    private(set) var origins: [MarkdownTree.Origin] = []

    var isEmpty: Bool { lines.isEmpty }
    var markdown: String { lines.joined(separator: "\n") + "\n" }

    mutating func append(_ text: Substring, line: Int, byteOffset: Int) {
        lines.append(text)
        origins.append(.init(line: line, byteOffset: byteOffset))
    }

    /// An indented code block's lines, after the blank lines that separate it from the
    /// paragraph. Each literal line is the end of its source line (its indentation and any
    /// container markers removed), which says how many bytes precede it.
    mutating func append(code: OpaquePointer, after paragraphEnd: Int, in tree: MarkdownTree) {
        let start = tree.bodyPosition(of: code)
        guard start.line > paragraphEnd else { return }
        for number in paragraphEnd + 1 ..< start.line { append("", line: number, byteOffset: 0) }
        var literal = Substring(MarkdownTree.literal(code))
        if literal.hasSuffix("\n") { literal = literal.dropLast() }
        for (index, text) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let source = tree.line(start.line + index).utf8
            let byteOffset = source.reversed().starts(with: text.utf8.reversed())
                ? source.count - text.utf8.count : start.byteColumn - 1
            append(text, line: start.line + index, byteOffset: byteOffset)
        }
    }

    /// A source line without its first `count` bytes (the containers' markers and
    /// indentation), or nil when it is shorter.
    static func line(_ line: Substring, droppingBytes count: Int) -> (text: Substring, byteOffset: Int)? {
        let utf8 = line.utf8
        guard count >= 0, let from = utf8.index(utf8.startIndex, offsetBy: count, limitedBy: utf8.endIndex) else { return nil }
        return (Substring(String(decoding: utf8[from...], as: UTF8.self)), count)
    }

    /// A body line without its four spaces (or one tab) of indentation; nil when it has none.
    static func dedented(_ line: (text: Substring, byteOffset: Int)) -> (text: Substring, byteOffset: Int)? {
        if line.text.hasPrefix("    ") { return (line.text.dropFirst(4), line.byteOffset + 4) }
        if line.text.hasPrefix("\t") { return (line.text.dropFirst(), line.byteOffset + 1) }
        return nil
    }
}
