import CCmark

/// A text node's literal lined up byte by byte with the body bytes it was parsed from.
///
/// A literal is not its source: escapes (`\~`), entities (`&amp;`) and smart punctuation
/// (`--` → `–`, `"` → `“`) change it, and cmark 0.30 places text that follows an indented
/// soft break too far left. The inline extensions need both sides: the literal to split,
/// the source to tell `\~~` from `~~` and to take a URL as written. The alignment checks
/// every byte, so a node it cannot explain has no `TextSource` and callers use the literal.
struct TextSource {
    let literal: [UInt8]
    /// The whole body line; the node's source is `lineBytes[start..<end]`.
    let lineBytes: [UInt8]
    let line: Int
    let start: Int
    let end: Int
    /// For each literal offset (and `literal.count`), the source offset its byte came from.
    private let sourceOffsets: [Int]
    /// Whether literal byte `i` is its source byte itself (not from an escape, entity or quote).
    private let verbatim: [Bool]
    /// For each source offset (and the source's count), the literal offset starting there, or -1.
    private let literalOffsets: [Int]

    var source: ArraySlice<UInt8> { lineBytes[start..<end] }

    init?(of node: OpaquePointer, in tree: MarkdownTree) {
        let literal = Array(MarkdownTree.literal(node).utf8)
        let position = tree.bodyPosition(of: node)
        guard position.line > 0, !literal.isEmpty else { return nil }
        let bytes = tree.bytes(ofLine: position.line)
        guard position.byteColumn >= 1, position.byteColumn <= bytes.count else { return nil }
        guard let aligned = Self.align(literal, with: bytes, from: position.byteColumn - 1) else { return nil }
        self.literal = literal
        self.lineBytes = bytes
        self.line = position.line
        self.start = aligned.start
        self.end = aligned.end
        self.sourceOffsets = aligned.offsets
        self.verbatim = aligned.verbatim
        var inverse = [Int](repeating: -1, count: aligned.end - aligned.start + 1)
        for index in stride(from: literal.count, through: 0, by: -1) {
            inverse[aligned.offsets[index]] = index
        }
        self.literalOffsets = inverse
    }

    /// The source offset (from `start`) of literal offset `index` (0...literal.count).
    func sourceOffset(ofLiteral index: Int) -> Int { sourceOffsets[index] }

    /// Whether literal byte `index` stands for itself in the source.
    func isVerbatim(_ index: Int) -> Bool { verbatim[index] }

    /// The literal offset at source offset `offset`, or nil inside an escape or entity.
    func literalOffset(ofSource offset: Int) -> Int? {
        let index = literalOffsets[offset]
        return index >= 0 ? index : nil
    }

    /// Where literal bytes `range` sit in the body, or nil for an empty range.
    func placement(ofLiteral range: Range<Int>) -> MarkdownTree.Placement? {
        let from = sourceOffsets[range.lowerBound], to = sourceOffsets[range.upperBound]
        guard to > from else { return nil }
        return .init(line: line, startColumn: start + from + 1, endColumn: start + to)
    }

    // MARK: - Alignment

    private struct Alignment {
        var start: Int, end: Int, offsets: [Int], verbatim: [Bool]
    }

    /// Walks the literal and the line together, explaining each literal byte by the source
    /// bytes that made it. Linear: every step consumes source bytes, entities at most 32.
    private static func align(_ literal: [UInt8], with line: [UInt8], from column: Int) -> Alignment? {
        var offsets = [Int](repeating: 0, count: literal.count + 1)
        var verbatim = [Bool](repeating: false, count: literal.count)
        var i = 0, j = column, start = column
        func map(_ count: Int, to source: Int, verbatim isVerbatim: Bool) {
            for k in i..<min(i + count, literal.count) {
                offsets[k] = source - start
                verbatim[k] = isVerbatim
            }
            i += count
        }
        while i < literal.count {
            guard j < line.count else { return nil }
            let byte = line[j], wanted = literal[i]
            if byte == UInt8(ascii: "\\"), j + 1 < line.count, line[j + 1] == wanted, Byte.isASCIIPunctuation(wanted) {
                map(1, to: j, verbatim: false)
                j += 2
            } else if byte == UInt8(ascii: "&"), let length = entityLength(in: line, at: j),
                      !literal[i...].starts(with: line[j..<j + length]) {
                let decoded = Byte.scalarLength(wanted)
                guard i + decoded <= literal.count else { return nil }
                map(decoded, to: j, verbatim: false)
                j += length
            } else if byte == wanted {
                map(1, to: j, verbatim: true)
                j += 1
            } else if let consumed = smartPunctuation(in: line, at: j, literal: literal, from: i) {
                map(consumed.literal, to: j, verbatim: false)
                j += consumed.source
            } else if i == 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                j += 1
                start = j
            } else {
                return nil
            }
        }
        offsets[literal.count] = j - start
        return Alignment(start: start, end: j, offsets: offsets, verbatim: verbatim)
    }

    /// `&name;`, `&#123;` or `&#x7B;` at `index`: its length, else nil.
    private static func entityLength(in line: [UInt8], at index: Int) -> Int? {
        var k = index + 1
        let numeric = k < line.count && line[k] == UInt8(ascii: "#")
        if numeric { k += 1 }
        let first = k
        while k < line.count, k - index <= 32, Byte.isASCIIAlphanumeric(line[k]) { k += 1 }
        guard k > first, k < line.count, line[k] == UInt8(ascii: ";") else { return nil }
        return k + 1 - index
    }

    /// cmark's smart replacements: `"` `'` → curly quotes, `...` → `…`, a run of two or
    /// more `-` → en and em dashes. The byte counts each side consumed, else nil.
    private static func smartPunctuation(in line: [UInt8], at j: Int, literal: [UInt8], from i: Int)
        -> (source: Int, literal: Int)? {
        func literalHas(_ last: ClosedRange<UInt8>, at index: Int) -> Bool {
            index + 2 < literal.count && literal[index] == 0xE2 && literal[index + 1] == 0x80 && last.contains(literal[index + 2])
        }
        switch line[j] {
        case UInt8(ascii: "\""): return literalHas(0x9C...0x9D, at: i) ? (1, 3) : nil
        case UInt8(ascii: "'"): return literalHas(0x98...0x99, at: i) ? (1, 3) : nil
        case UInt8(ascii: "."):
            guard line[j...].starts(with: [46, 46, 46]), literalHas(0xA6...0xA6, at: i) else { return nil }
            return (3, 3)
        case UInt8(ascii: "-"):
            var run = j
            while run < line.count, line[run] == UInt8(ascii: "-") { run += 1 }
            var dashes = i
            while literalHas(0x93...0x94, at: dashes) { dashes += 3 }
            return run - j >= 2 && dashes > i ? (run - j, dashes - i) : nil
        default:
            return nil
        }
    }
}

// MARK: - Characters around a text node

extension TextSource {
    /// The character cmark's inline parser saw before literal offset `index`: from the
    /// source inside the node, at its edge from the body line (an emphasis `*`, a code
    /// span's backtick), or a newline at the start of a line.
    func scalar(before index: Int, of node: OpaquePointer) -> Unicode.Scalar {
        let offset = start + sourceOffsets[index]
        if offset > start { return Byte.scalar(endingAt: offset, in: lineBytes) }
        return TextSource.startsLine(node) || offset == 0 ? "\n" : Byte.scalar(endingAt: offset, in: lineBytes)
    }

    /// The character cmark's inline parser saw after literal offset `index`.
    func scalar(after index: Int, of node: OpaquePointer) -> Unicode.Scalar {
        let offset = start + sourceOffsets[index]
        if offset < end { return Byte.scalar(at: offset, in: lineBytes) }
        return TextSource.endsLine(node) || offset >= lineBytes.count ? "\n" : Byte.scalar(at: offset, in: lineBytes)
    }

    /// The same for a node without a usable source: its literal, and a newline at its edges.
    static func scalar(before index: Int, inLiteral literal: [UInt8]) -> Unicode.Scalar {
        index > 0 ? Byte.scalar(endingAt: index, in: literal) : "\n"
    }

    static func scalar(after index: Int, inLiteral literal: [UInt8]) -> Unicode.Scalar {
        index < literal.count ? Byte.scalar(at: index, in: literal) : "\n"
    }

    /// Whether nothing of the paragraph's line comes before `node`: it opens a block, or
    /// follows a line break.
    static func startsLine(_ node: OpaquePointer) -> Bool {
        if let previous = cmark_node_previous(node) { return isBreak(previous) }
        return cmark_node_parent(node).map(isBlock) ?? true
    }

    static func endsLine(_ node: OpaquePointer) -> Bool {
        if let next = cmark_node_next(node) { return isBreak(next) }
        return cmark_node_parent(node).map(isBlock) ?? true
    }

    private static func isBreak(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    private static func isBlock(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type(node).rawValue < CMARK_NODE_FIRST_INLINE.rawValue
    }
}

/// Byte and character classes as cmark's inline parser uses them.
enum Byte {
    static func isASCIIAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isASCIIAlpha(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }

    /// Space, tab, newline, vertical tab, form feed, carriage return.
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 32 || (9...13).contains(byte)
    }

    /// cmark_utf8proc_is_space: ASCII whitespace and the Zs spaces.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isASCIISpace(UInt8(scalar.value)) : scalar.properties.generalCategory == .spaceSeparator
    }

    /// cmark_utf8proc_is_punctuation: ASCII punctuation and the Unicode P categories.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIPunctuation(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for a stray byte).
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    static func scalar(at index: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        let end = min(bytes.count, index + scalarLength(bytes[index]))
        return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }

    static func scalar(endingAt index: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        var begin = index - 1
        while begin > 0, index - begin < 4, bytes[begin] & 0xC0 == 0x80 { begin -= 1 }
        return String(decoding: bytes[begin..<index], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }
}
