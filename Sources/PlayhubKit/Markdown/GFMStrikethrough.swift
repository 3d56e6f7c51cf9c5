import CCmark
import Foundation

/// GFM strikethrough (spec §6.5): `~~text~~` and `~text~` become `<del>`.
///
/// cmark leaves tildes in text nodes. Each node that holds inlines (a paragraph, a heading,
/// an emphasis, a link's text) is one run of siblings, like cmark-gfm's delimiter stack for
/// that span: runs of one or two unescaped tildes are delimiters when left- or right-flanking
/// (the rules for `*`), a closer takes the nearest opener of its own length and drops the
/// openers between, and the siblings from opener to closer move into a `<del>`. Three or
/// more tildes stay text. Linear in the number of inlines and bytes.
enum GFMStrikethrough {
    static func apply(to tree: MarkdownTree) {
        // Containers first: striking one replaces its text nodes.
        var containers: [OpaquePointer] = []
        var seen = Set<OpaquePointer>()
        // Only containers with a `~` in their text can strike anything.
        for text in tree.nodes(of: CMARK_NODE_TEXT) {
            guard let literal = cmark_node_get_literal(text), strchr(literal, Int32(UInt8(ascii: "~"))) != nil else { continue }
            if let parent = cmark_node_parent(text), seen.insert(parent).inserted { containers.append(parent) }
        }
        for container in containers { strike(in: container, tree: tree) }
    }

    /// A run of one or two tildes in a text child.
    private struct Delimiter {
        var child: Int
        var range: Range<Int>
        var canOpen: Bool
        var canClose: Bool
        var role = Role.text
    }

    private enum Role { case text, opener, closer }

    private static func strike(in container: OpaquePointer, tree: MarkdownTree) {
        let children = MarkdownTree.children(of: container)
        var sources: [Int: TextSource] = [:]
        var literals: [Int: [UInt8]] = [:]
        var delimiters: [Delimiter] = []
        for (index, child) in children.enumerated() where MarkdownTree.type(child) == CMARK_NODE_TEXT {
            let source = TextSource(of: child, in: tree)
            let literal = source?.literal ?? Array(MarkdownTree.literal(child).utf8)
            sources[index] = source
            literals[index] = literal
            delimiters += runs(in: child, at: index, literal: literal, source: source)
        }
        guard match(&delimiters) else { return }
        rebuild(container, children: children, delimiters: delimiters, literals: literals, sources: sources, tree: tree)
    }

    /// The tilde runs of one text node that may open or close.
    private static func runs(in node: OpaquePointer, at child: Int, literal: [UInt8], source: TextSource?) -> [Delimiter] {
        let tilde = UInt8(ascii: "~")
        // An escaped `\~` (or `&#126;`) is text; tildes are one run only when adjacent in the source too.
        func isDelimiter(_ index: Int) -> Bool { literal[index] == tilde && (source?.isVerbatim(index) ?? true) }
        func continues(_ index: Int) -> Bool {
            guard let source else { return true }
            return source.sourceOffset(ofLiteral: index) == source.sourceOffset(ofLiteral: index - 1) + 1
        }
        var found: [Delimiter] = []
        var index = 0
        while index < literal.count {
            guard isDelimiter(index) else { index += 1; continue }
            let start = index
            index += 1
            while index < literal.count, isDelimiter(index), continues(index) { index += 1 }
            guard index - start <= 2 else { continue }
            let before = source?.scalar(before: start, of: node) ?? TextSource.scalar(before: start, inLiteral: literal)
            let after = source?.scalar(after: index, of: node) ?? TextSource.scalar(after: index, inLiteral: literal)
            let left = !Byte.isSpace(after) && (!Byte.isPunctuation(after) || Byte.isSpace(before) || Byte.isPunctuation(before))
            let right = !Byte.isSpace(before) && (!Byte.isPunctuation(before) || Byte.isSpace(after) || Byte.isPunctuation(after))
            if left || right {
                found.append(Delimiter(child: child, range: start..<index, canOpen: left, canClose: right))
            }
        }
        return found
    }

    /// Pairs closers with openers; true when any pair was made. One stack of openers per
    /// length, so each delimiter is pushed and popped once.
    private static func match(_ delimiters: inout [Delimiter]) -> Bool {
        var openers: [[Int]] = [[], []]
        var matched = false
        for index in delimiters.indices {
            let length = delimiters[index].range.count - 1
            if delimiters[index].canClose, let opener = openers[length].popLast() {
                delimiters[opener].role = .opener
                delimiters[index].role = .closer
                matched = true
                // Openers inside the struck span can no longer match anything after it.
                let other = 1 - length
                while let last = openers[other].last, last > opener { openers[other].removeLast() }
            } else if delimiters[index].canOpen {
                openers[length].append(index)
            }
        }
        return matched
    }

    /// One piece of the rebuilt children: a child kept as it is, a slice of a text child,
    /// or the start or end of a `<del>`.
    private enum Piece {
        case node(OpaquePointer)
        case text(child: Int, range: Range<Int>)
        case open, close
    }

    private static func rebuild(_ container: OpaquePointer, children: [OpaquePointer], delimiters: [Delimiter],
                                literals: [Int: [UInt8]], sources: [Int: TextSource], tree: MarkdownTree) {
        var pieces: [Piece] = []
        var replaced: [OpaquePointer] = []
        var next = 0
        for (index, child) in children.enumerated() {
            var cut = 0
            var split = false
            while next < delimiters.count, delimiters[next].child == index {
                let delimiter = delimiters[next]
                next += 1
                guard delimiter.role != .text else { continue }
                split = true
                if delimiter.range.lowerBound > cut { pieces.append(.text(child: index, range: cut..<delimiter.range.lowerBound)) }
                pieces.append(delimiter.role == .opener ? .open : .close)
                cut = delimiter.range.upperBound
            }
            guard split, let literal = literals[index] else { pieces.append(.node(child)); continue }
            if literal.count > cut { pieces.append(.text(child: index, range: cut..<literal.count)) }
            replaced.append(child)
        }

        for child in children { cmark_node_unlink(child) }
        // A `<del>` fills while detached and joins its parent when it closes: cmark checks
        // every append against the parent's ancestors, which would cost the nesting depth.
        var stack: [(node: OpaquePointer, isDel: Bool)] = [(container, false)]
        for piece in pieces {
            let parent = stack[stack.count - 1].node
            switch piece {
            case .node(let node):
                append(node, to: parent, tree: tree)
            case .text(let child, let range):
                guard let literal = literals[child],
                      let text = MarkdownTree.text(String(decoding: literal[range], as: UTF8.self)) else { continue }
                if let placement = sources[child]?.placement(ofLiteral: range) { tree.place(text, at: placement) }
                append(text, to: parent, tree: tree)
            case .open:
                // Without a node (out of memory) the span's pieces stay in the parent.
                let del = MarkdownTree.customInline(enter: "<del>", exit: "</del>")
                stack.append((del ?? parent, del != nil))
            case .close:
                guard stack.count > 1 else { continue }
                let closed = stack.removeLast()
                if closed.isDel { append(closed.node, to: stack[stack.count - 1].node, tree: tree) }
            }
        }
        for child in replaced { tree.discard(child) }
    }

    private static func append(_ node: OpaquePointer, to parent: OpaquePointer, tree: MarkdownTree) {
        if cmark_node_append_child(parent, node) == 0 { tree.discard(node) }
    }
}
