import CCmark
import Foundation

/// The Markdown stage over libcmark's C API.
///
/// cmark parses the body; the GFM extensions then rebuild what CommonMark leaves as text
/// (tables, call-outs, strikethrough, autolinks, each in its own file), and the tree is
/// adjusted before cmark renders it:
/// - headings are replaced by custom blocks carrying `<hN id="…">`, so the TOC can link them;
/// - task-list items (`- [ ] step`) get a checkbox as a custom inline: a labelled box a
///   reader can tick when `options.checklistID` is set (playbooks), else a disabled one;
/// - root-relative link and image targets get the site's base path.
/// Custom nodes are the only HTML playhub adds; in safe mode cmark itself drops authors' raw
/// HTML and dangerous URLs (`javascript:` …).
enum CMarkDocument {
    static func render(_ markdown: String, options: MarkdownOptions) -> RenderedMarkdown {
        let tree = MarkdownTree(parsing: markdown, options: options)
        let document = tree.document
        let cmarkOptions = tree.cmarkOptions

        // Blocks first (a table or call-out holds inlines), then inlines everywhere; call-outs
        // before tables, so a table in an admonition's re-parsed body is found too.
        Callout.apply(to: tree)
        GFMTable.apply(to: tree)
        GFMStrikethrough.apply(to: tree)
        GFMAutolink.apply(to: tree)

        // The body's own `# Title` is the page's title, which the template shows as its `<h1>`.
        var title: String?
        if let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
           cmark_node_get_heading_level(first) == 1 {
            title = plainText(of: first)
            cmark_node_unlink(first)
            cmark_node_free(first)
        }

        var headings: [OpaquePointer] = []
        var taskItems: [OpaquePointer] = []
        var firstParagraph: String?
        var wordCount = 0
        var dropped: RenderedMarkdown.DroppedHTML?
        let links = LinkRewriter(options: options)

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headings.append(node)
            case CMARK_NODE_ITEM:
                taskItems.append(node)
            case CMARK_NODE_PARAGRAPH where firstParagraph == nil && cmark_node_parent(node) == document:
                firstParagraph = summaryText(of: node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let location = tree.fileLocation(of: node)
                if let url = links.rewrite(string(cmark_node_get_url(node)), line: location.line, column: location.column) {
                    cmark_node_set_url(node, url)
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if options.unsafeHTML {
                    let location = tree.fileLocation(of: node)
                    let literal = string(cmark_node_get_literal(node))
                    let rewritten = links.rewriteRawHTML(literal, line: location.line, column: location.column)
                    if rewritten != literal { cmark_node_set_literal(node, rewritten) }
                } else {
                    let location = tree.fileLocation(of: node)
                    if dropped == nil { dropped = .init(count: 0, line: location.line, column: location.column) }
                    dropped?.count += 1
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                wordCount += countWords(cmark_node_get_literal(node))
            default:
                break
            }
        }

        var ids = HeadingIDs()
        var taskCount = 0
        for item in taskItems where markTaskItem(item, number: taskCount + 1, checklistID: options.checklistID, ids: &ids) {
            taskCount += 1
        }
        var renderedHeadings: [RenderedMarkdown.Heading] = []
        for heading in headings {
            // One `<h1>` a page: later `#` headings are sections like `##`.
            if cmark_node_get_heading_level(heading) == 1 { cmark_node_set_heading_level(heading, 2) }
            let text = plainText(of: heading)
            let id = ids.next(for: text)
            renderedHeadings.append(.init(level: Int(cmark_node_get_heading_level(heading)), text: text, id: id))
            replaceHeading(heading, id: id, options: cmarkOptions)
        }

        let html = string(cmark_render_html(document, cmarkOptions), free: true)
        return RenderedMarkdown(html: html, headings: renderedHeadings, firstParagraph: firstParagraph ?? "",
                                wordCount: wordCount, links: links.found, title: title, droppedHTML: dropped, taskCount: taskCount)
    }

    // MARK: - Tree edits

    /// `<h2>Text</h2>` becomes `<h2 id="text">Text</h2>`: the heading is rendered on its own
    /// (same options, so the same safety) and swapped for a custom block holding that HTML.
    private static func replaceHeading(_ heading: OpaquePointer, id: String, options: Int32) {
        let html = string(cmark_render_html(heading, options), free: true)
        let level = cmark_node_get_heading_level(heading)
        let withID = "<h\(level) id=\"\(HTML.escape(id))\">" + html.dropFirst(4).trimmingSuffix("\n")
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, withID)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// A list item whose text starts with `[ ] ` or `[x] ` gets a checkbox; returns whether it did.
    /// With a `checklistID` the box is the item's `number`-th, `task-<checklistID>-<number>`:
    /// the same on every build while the list keeps its order, so a reader's saved ticks
    /// still fit. The first paragraph's text goes into its `<label>`, so clicking the text
    /// ticks the box. The id is reserved before headings get theirs, so none can repeat it.
    private static func markTaskItem(_ item: OpaquePointer, number: Int, checklistID: String?, ids: inout HeadingIDs) -> Bool {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT else { return false }
        let literal = string(cmark_node_get_literal(text))
        let checked: Bool
        if literal.hasPrefix("[ ] ") || literal == "[ ]" { checked = false }
        else if literal.hasPrefix("[x] ") || literal.hasPrefix("[X] ") || literal == "[x]" || literal == "[X]" { checked = true }
        else { return false }
        cmark_node_set_literal(text, String(literal.dropFirst(min(4, literal.count))))
        guard let box = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return false }
        let ticked = checked ? " checked" : ""
        guard let checklistID else {
            cmark_node_set_on_enter(box, "<input type=\"checkbox\"\(ticked) disabled> ")
            cmark_node_set_on_exit(box, "")
            cmark_node_prepend_child(paragraph, box)
            return true
        }
        let id = HTML.escape("task-\(checklistID)-\(number)")
        ids.reserve(id)
        cmark_node_set_on_enter(box, "<label><input type=\"checkbox\" class=\"task-box\" id=\"\(id)\" name=\"\(id)\"\(ticked)> ")
        cmark_node_set_on_exit(box, "</label>")
        while let child = cmark_node_first_child(paragraph) {
            cmark_node_unlink(child)
            cmark_node_append_child(box, child)
        }
        cmark_node_append_child(paragraph, box)
        return true
    }

    // MARK: - Reading the tree

    /// The text a reader sees in a node: text and code spans, breaks as spaces.
    /// Without `images`, an image's alt text is left out.
    private static func plainText(of node: OpaquePointer, images: Bool = true) -> String {
        var text = ""
        var insideImages = 0
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let child = cmark_iter_get_node(iterator) else { continue }
            if !images, cmark_node_get_type(child) == CMARK_NODE_IMAGE {
                insideImages += event == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            guard event == CMARK_EVENT_ENTER, insideImages == 0 else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text.trimmed
    }

    /// A paragraph's text for the default summary, or nil when it is no sentence: only
    /// images (their alt text is no summary), or a lone bold or italic label (`**Owner:**`).
    private static func summaryText(of paragraph: OpaquePointer) -> String? {
        let children = MarkdownTree.children(of: paragraph).filter { child in
            let type = cmark_node_get_type(child)
            return type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK
                && !(type == CMARK_NODE_TEXT && string(cmark_node_get_literal(child)).trimmed.isEmpty)
        }
        if children.allSatisfy({ cmark_node_get_type($0) == CMARK_NODE_IMAGE }) { return nil }
        if children.count == 1, [CMARK_NODE_STRONG, CMARK_NODE_EMPH].contains(cmark_node_get_type(children[0])) { return nil }
        let summary = plainText(of: paragraph, images: false)
        return summary.isEmpty ? nil : summary
    }

    private static func countWords(_ literal: UnsafePointer<CChar>?) -> Int {
        guard let literal else { return 0 }
        var count = 0, inWord = false, pointer = literal
        while pointer.pointee != 0 {
            let isSpace = pointer.pointee == 32 || pointer.pointee == 10 || pointer.pointee == 9
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
            pointer += 1
        }
        return count
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func string(_ pointer: UnsafeMutablePointer<CChar>?, free shouldFree: Bool) -> String {
        guard let pointer else { return "" }
        defer { if shouldFree { free(pointer) } }
        return String(cString: pointer)
    }
}

private extension Substring {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
    }
}
