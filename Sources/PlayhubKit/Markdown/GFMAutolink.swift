import CCmark
import Foundation

/// GFM extended autolinks (spec §6.9): `www.`, `http://`, `https://` and e-mail addresses in text become links.
///
/// As in cmark-gfm, `www.` and URL autolinks are found in what the author wrote (the text
/// node's source, so `a--b` stays `a--b` under smart punctuation and `&amp;` stays as
/// written), e-mail addresses and `mailto:`/`xmpp:` links in the literal. A link is a real
/// CMARK_NODE_LINK, so cmark escapes its URL and the link walk records it. Links end with
/// their text node: cmark has already made any `*…*` or `` `…` `` after them an inline.
enum GFMAutolink {
    static func apply(to tree: MarkdownTree) {
        for text in textOutsideLinks(tree) { link(text, tree: tree) }
    }

    /// Text nodes not inside a link or image, in one pass (asking each node for its
    /// ancestors would cost the nesting depth per node).
    private static func textOutsideLinks(_ tree: MarkdownTree) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        var linkDepth = 0
        let iterator = cmark_iter_new(tree.document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT where linkDepth == 0 && mayHoldLink(cmark_node_get_literal(node)):
                found.append(node)
            default:
                break
            }
        }
        return found
    }

    /// Most text has no `www.`, no `://` and no `@` (which `mailto:` and `xmpp:` links hold
    /// too): such a node is passed over before its source is looked at.
    private static func mayHoldLink(_ literal: UnsafePointer<CChar>?) -> Bool {
        guard let literal else { return false }
        return strchr(literal, Int32(UInt8(ascii: "@"))) != nil || strstr(literal, "://") != nil || strstr(literal, "www.") != nil
    }

    private static func link(_ node: OpaquePointer, tree: MarkdownTree) {
        let source = TextSource(of: node, in: tree)
        let literal = source?.literal ?? Array(MarkdownTree.literal(node).utf8)
        // E-mail addresses in the text between the web links.
        var found: [AutolinkMatch] = []
        var gapStart = 0
        for link in webLinks(in: node, literal: literal, source: source) {
            found += Email.links(in: literal, gapStart..<link.range.lowerBound)
            found.append(link)
            gapStart = link.range.upperBound
        }
        found += Email.links(in: literal, gapStart..<literal.count)
        guard !found.isEmpty else { return }

        var cut = 0
        for link in found {
            insertText(literal[cut..<link.range.lowerBound], at: cut, before: node, source: source, tree: tree)
            insertLink(link, before: node, placement: source?.placement(ofLiteral: link.range), tree: tree)
            cut = link.range.upperBound
        }
        insertText(literal[cut...], at: cut, before: node, source: source, tree: tree)
        tree.discard(node)
    }

    // MARK: - www. and URL autolinks

    /// `www.` and `http://` links, found in the source when it lines up with the literal.
    private static func webLinks(in node: OpaquePointer, literal: [UInt8], source: TextSource?) -> [AutolinkMatch] {
        let bytes = source.map { Array($0.source) } ?? literal
        let scanner = WebScanner(bytes: bytes)
        var found: [AutolinkMatch] = []
        var index = 0, floor = 0
        while index < bytes.count {
            let byte = bytes[index]
            var match: (range: Range<Int>, scheme: String)?
            if byte == UInt8(ascii: "w") {
                let before = index > 0 ? Byte.scalar(endingAt: index, in: bytes)
                    : source?.scalar(before: 0, of: node) ?? "\n"
                match = scanner.www(at: index, after: before).map { ($0, "http://") }
            } else if byte == UInt8(ascii: ":") {
                match = scanner.url(at: index, floor: floor).map { ($0, "") }
            }
            guard let match, let range = literalRange(of: match.range, in: source) else { index += 1; continue }
            let written = String(decoding: bytes[match.range.lowerBound..<(source?.sourceOffset(ofLiteral: range.upperBound) ?? range.upperBound)],
                                 as: UTF8.self)
            found.append(AutolinkMatch(range: range, url: match.scheme + written, text: written))
            index = match.range.upperBound
            floor = index
        }
        return found
    }

    /// The literal bytes of a source range, its end moved back out of an escape or entity.
    private static func literalRange(of range: Range<Int>, in source: TextSource?) -> Range<Int>? {
        guard let source else { return range }
        guard let start = source.literalOffset(ofSource: range.lowerBound) else { return nil }
        var end = range.upperBound
        while end > range.lowerBound, source.literalOffset(ofSource: end) == nil { end -= 1 }
        guard let last = source.literalOffset(ofSource: end), last > start else { return nil }
        return start..<last
    }

    // MARK: - Building nodes

    private static func insertText(_ bytes: ArraySlice<UInt8>, at offset: Int, before node: OpaquePointer,
                                   source: TextSource?, tree: MarkdownTree) {
        guard !bytes.isEmpty, let text = MarkdownTree.text(String(decoding: bytes, as: UTF8.self)) else { return }
        if let placement = source?.placement(ofLiteral: offset..<offset + bytes.count) { tree.place(text, at: placement) }
        insert(text, before: node, tree: tree)
    }

    private static func insertLink(_ found: AutolinkMatch, before node: OpaquePointer, placement: MarkdownTree.Placement?,
                                   tree: MarkdownTree) {
        guard let link = cmark_node_new(CMARK_NODE_LINK) else { return }
        cmark_node_set_url(link, found.url)
        if let text = MarkdownTree.text(found.text), cmark_node_append_child(link, text) == 0 { cmark_node_free(text) }
        if let placement {
            tree.place(link, at: placement)
            if let text = cmark_node_first_child(link) { tree.place(text, at: placement) }
        }
        insert(link, before: node, tree: tree)
    }

    private static func insert(_ new: OpaquePointer, before node: OpaquePointer, tree: MarkdownTree) {
        if cmark_node_insert_before(node, new) == 0 { tree.discard(new) }
    }
}

/// The `www.` and `http(s)://` rules of cmark-gfm's autolink extension over one text's
/// bytes, with the domain scan precomputed so that trying every `w` stays linear.
private struct WebScanner {
    let bytes: [UInt8]
    /// For each byte, the first byte at or after it that cannot be part of a domain.
    private let domainEnd: [Int]
    /// Underscores before each byte, and the last `.` before it (or -1).
    private let underscores: [Int]
    private let lastDot: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var scalars: [Range<Int>] = []
        var lead = 0
        while lead < bytes.count {
            let end = min(bytes.count, lead + Byte.scalarLength(bytes[lead]))
            scalars.append(lead..<end)
            lead = end
        }
        // Right to left, so each scalar's bytes share its verdict and the next one's end.
        var domainEnd = [Int](repeating: bytes.count, count: bytes.count + 1)
        for scalar in scalars.reversed() {
            let inDomain = WebScanner.isDomainCharacter(at: scalar.lowerBound, in: bytes)
            for k in scalar { domainEnd[k] = inDomain ? domainEnd[scalar.upperBound] : scalar.lowerBound }
        }
        var underscores = [Int](repeating: 0, count: bytes.count + 1)
        var lastDot = [Int](repeating: -1, count: bytes.count + 1)
        for (k, byte) in bytes.enumerated() {
            underscores[k + 1] = underscores[k] + (byte == UInt8(ascii: "_") ? 1 : 0)
            lastDot[k + 1] = byte == UInt8(ascii: ".") ? k : lastDot[k]
        }
        self.domainEnd = domainEnd
        self.underscores = underscores
        self.lastDot = lastDot
    }

    /// An extended www autolink at `index`: after a line start, whitespace or `*_~(`.
    func www(at index: Int, after before: Unicode.Scalar) -> Range<Int>? {
        guard before.isASCII, Byte.isASCIISpace(UInt8(before.value)) || "*_~(".unicodeScalars.contains(before),
              bytes[index...].starts(with: Array("www.".utf8)),
              let domain = domainLength(from: index, allowShort: false) else { return nil }
        return linkEnd(from: index, domainEnd: index + domain).map { index..<$0 }
    }

    /// An extended URL autolink whose `://` starts at `colon`; its scheme is the letters
    /// before it, back to `floor`.
    func url(at colon: Int, floor: Int) -> Range<Int>? {
        guard colon + 3 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > floor, Byte.isASCIIAlpha(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme),
              WebScanner.isHostCharacter(at: colon + 3, in: bytes),
              let domain = domainLength(from: colon + 3, allowShort: true) else { return nil }
        return linkEnd(from: colon, domainEnd: colon + 3 + domain).map { start..<$0 }
    }

    /// cmark-gfm's check_domain: letters, digits, `-` and `_` in segments split by `.`, no
    /// `_` in the last two segments, and (unless `allowShort`) at least one `.`. The first
    /// byte was checked by the caller.
    private func domainLength(from start: Int, allowShort: Bool) -> Int? {
        let first = start + Byte.scalarLength(bytes[start])
        let end = first < bytes.count ? domainEnd[first] : bytes.count
        let last = lastDot[end]
        let hasDot = last > start
        let lastSegment = hasDot ? last + 1 : start + 1
        let previousSegment = hasDot ? max(lastDot[last], start) + 1 : lastSegment
        let underscoresInLastTwo = underscores[end] - underscores[min(previousSegment, lastSegment)]
        guard underscoresInLastTwo == 0, allowShort || hasDot else { return nil }
        return end - start
    }

    /// The link runs to whitespace, then loses `<…`, trailing punctuation, an entity-like
    /// `&name;` and unbalanced closing parentheses (cmark-gfm's autolink_delim).
    private func linkEnd(from start: Int, domainEnd: Int) -> Int? {
        var end = domainEnd
        while end < bytes.count, !Byte.isASCIISpace(bytes[end]) { end += 1 }
        if let bracket = bytes[start..<end].firstIndex(of: UInt8(ascii: "<")) { end = bracket }
        var opening = 0, closing = 0
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
        }
        while end > start {
            let byte = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(byte) {
                end -= 1
            } else if byte == UInt8(ascii: ";") {
                var name = end - 2
                while name > start, Byte.isASCIIAlpha(bytes[name]) { name -= 1 }
                end = name >= start && name < end - 2 && bytes[name] == UInt8(ascii: "&") ? name : end - 1
            } else if byte == UInt8(ascii: ")"), closing > opening {
                end -= 1
                closing -= 1
            } else {
                break
            }
        }
        return end > start ? end : nil
    }

    private static func isDomainCharacter(at index: Int, in bytes: [UInt8]) -> Bool {
        let byte = bytes[index]
        return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || isHostCharacter(at: index, in: bytes)
    }

    /// Neither whitespace nor punctuation (a letter, digit, symbol or emoji of any script).
    static func isHostCharacter(at index: Int, in bytes: [UInt8]) -> Bool {
        guard index < bytes.count else { return false }
        let scalar = Byte.scalar(at: index, in: bytes)
        return !Byte.isSpace(scalar) && !Byte.isPunctuation(scalar)
    }
}

/// A link found in a text node: literal bytes `range`, with its URL and text.
private struct AutolinkMatch {
    var range: Range<Int>
    var url: String
    var text: String
}

/// Extended e-mail autolinks and the `mailto:` and `xmpp:` protocol links, over a text's
/// literal (cmark-gfm finds them after parsing, in text nodes).
private enum Email {
    /// The links in `literal[gap]`. Each `@` rewinds at most to the one before, and a second
    /// `@` ends the forward scan, so every byte is looked at a bounded number of times.
    static func links(in literal: [UInt8], _ gap: Range<Int>) -> [AutolinkMatch] {
        var found: [AutolinkMatch] = []
        var floor = gap.lowerBound
        while floor < gap.upperBound, let at = literal[floor..<gap.upperBound].firstIndex(of: UInt8(ascii: "@")) {
            if let link = address(around: at, in: literal, floor: floor, limit: gap.upperBound) {
                found.append(link)
                floor = link.range.upperBound
            } else {
                floor = at + 1
            }
        }
        return found
    }

    /// Letters, digits and `.+-_` before the `@`; after it letters, digits, `-` and `_` in
    /// segments split by `.`, at least one `.`, ending in a letter.
    private static func address(around at: Int, in literal: [UInt8], floor: Int, limit: Int) -> AutolinkMatch? {
        var start = at
        while start > floor, isLocal(literal[start - 1]) { start -= 1 }
        guard start < at, start == floor || literal[start - 1] != UInt8(ascii: "/") else { return nil }
        var end = at + 1, dots = 0
        while end < limit {
            let byte = literal[end]
            if Byte.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                end += 1
            } else if byte == UInt8(ascii: "."), end + 1 < limit, Byte.isASCIIAlphanumeric(literal[end + 1]) {
                dots += 1
                end += 1
            } else if byte == UInt8(ascii: "@") {
                return nil
            } else {
                break
            }
        }
        guard end - at >= 2, dots > 0, Byte.isASCIIAlpha(literal[end - 1]) else { return nil }

        let scheme = protocolName(before: start, in: literal, floor: floor)
        if let scheme {
            start -= scheme.count + 1
            if scheme == "xmpp" { end = resourceEnd(after: end, in: literal, limit: limit) }
        }
        let text = String(decoding: literal[start..<end], as: UTF8.self)
        return AutolinkMatch(range: start..<end, url: scheme == nil ? "mailto:" + text : text, text: text)
    }

    /// `mailto` or `xmpp` right before the `:` at `start - 1`, else nil.
    private static func protocolName(before start: Int, in literal: [UInt8], floor: Int) -> String? {
        guard start > floor, literal[start - 1] == UInt8(ascii: ":") else { return nil }
        var name = start - 1
        while name > floor, Byte.isASCIIAlpha(literal[name - 1]) { name -= 1 }
        let scheme = String(decoding: literal[name..<start - 1], as: UTF8.self)
        return scheme == "mailto" || scheme == "xmpp" ? scheme : nil
    }

    /// An xmpp address's `/resource` (letters, digits, `@` and `.`, not ending in `.`).
    private static func resourceEnd(after end: Int, in literal: [UInt8], limit: Int) -> Int {
        guard end < limit, literal[end] == UInt8(ascii: "/") else { return end }
        var resource = end + 1
        while resource < limit, Byte.isASCIIAlphanumeric(literal[resource]) || literal[resource] == UInt8(ascii: "@")
                || literal[resource] == UInt8(ascii: ".") { resource += 1 }
        while resource > end + 1, literal[resource - 1] == UInt8(ascii: ".") { resource -= 1 }
        return resource > end + 1 ? resource : end
    }

    private static func isLocal(_ byte: UInt8) -> Bool {
        Byte.isASCIIAlphanumeric(byte) || ".+-_".utf8.contains(byte)
    }
}
