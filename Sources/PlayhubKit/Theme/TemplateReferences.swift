/// What a template's text says about other templates, read before swift-mustache gets it:
/// every partial (`{{> name}}`) and parent (`{{< name}}`) tag with its place, and how deep
/// sections nest. swift-mustache renders a missing partial as nothing and follows a partial
/// that includes itself until the stack overflows, so `Theme` checks both at load time.
///
/// The scan follows the tags as swift-mustache reads them: comments (`{{! … }}`) are skipped,
/// triple mustaches (`{{{x}}}`) end at `}}}`, and a set-delimiter tag (`{{=<% %>=}}`) changes
/// the delimiters for the rest of the text. It never fails: text that is not a valid template
/// ends the scan, and swift-mustache then reports the syntax error.
struct TemplateScan {
    struct Reference: Equatable {
        /// As written: `card`, `partials/card`, or `` for `{{>}}`.
        var name: String
        /// `{{< name}}` (a parent whose blocks this template fills) rather than `{{> name}}`.
        var isParent: Bool
        /// `{{>*name}}`: the partial's name is looked up in the data when rendering.
        var isDynamic: Bool
        /// Where the tag starts (its opening delimiter), 1-based.
        var line: Int
        var column: Int
    }

    var references: [Reference] = []
    /// The first tag that opens a section, block or parent deeper than `depthLimit`.
    var tooDeep: (line: Int, column: Int)?

    /// Sections nested deeper than this are refused: swift-mustache parses and renders them
    /// by recursion, and no real template needs a tenth of it.
    static let depthLimit = 100

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    init(_ text: String) {
        let chars = Array(text)
        var index = 0, line = 1, column = 1
        var open: [Character] = ["{", "{"], close: [Character] = ["}", "}"]
        var depth = 0

        func advance(_ count: Int = 1) {
            for _ in 0..<count where index < chars.count {
                if chars[index] == "\n" || chars[index] == "\r\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        func starts(with delimiter: [Character], at position: Int) -> Bool {
            guard position + delimiter.count <= chars.count else { return false }
            for offset in 0..<delimiter.count where chars[position + offset] != delimiter[offset] { return false }
            return true
        }
        func skipSpaces() { while index < chars.count, chars[index].isWhitespace { advance() } }
        /// Moves past the next closing delimiter; false when there is none.
        func skipPastClose() -> Bool {
            while index < chars.count {
                if starts(with: close, at: index) { advance(close.count); return true }
                advance()
            }
            return false
        }

        scanning: while index < chars.count {
            guard starts(with: open, at: index) else { advance(); continue }
            let tagLine = line, tagColumn = column
            advance(open.count)
            guard index < chars.count else { break }
            switch chars[index] {
            case "=":
                // {{=<% %>=}}: new opening and closing delimiters, separated by spaces.
                advance()
                skipSpaces()
                var newOpen: [Character] = [], newClose: [Character] = []
                while index < chars.count, !chars[index].isWhitespace { newOpen.append(chars[index]); advance() }
                skipSpaces()
                while index < chars.count, !chars[index].isWhitespace, chars[index] != "=" { newClose.append(chars[index]); advance() }
                skipSpaces()
                guard index < chars.count, chars[index] == "=", !newOpen.isEmpty, !newClose.isEmpty else { break scanning }
                advance()
                guard starts(with: close, at: index) else { break scanning }
                advance(close.count)
                (open, close) = (newOpen, newClose)
            case "{":
                guard skipPastClose() else { break scanning }
                if index < chars.count, chars[index] == "}" { advance() }
            case ">", "<":
                let isParent = chars[index] == "<"
                advance()
                skipSpaces()
                let isDynamic = index < chars.count && chars[index] == "*"
                if isDynamic { advance() }
                skipSpaces()
                var name = ""
                while index < chars.count, Self.nameCharacters.contains(chars[index]) { name.append(chars[index]); advance() }
                references.append(Reference(name: name, isParent: isParent, isDynamic: isDynamic, line: tagLine, column: tagColumn))
                if isParent {
                    depth += 1
                    if depth > Self.depthLimit, tooDeep == nil { tooDeep = (tagLine, tagColumn) }
                }
                guard skipPastClose() else { break scanning }
            case "#", "^", "$":
                depth += 1
                if depth > Self.depthLimit, tooDeep == nil { tooDeep = (tagLine, tagColumn) }
                guard skipPastClose() else { break scanning }
            case "/":
                depth -= 1
                guard skipPastClose() else { break scanning }
            default:
                // Variables, comments and pragmas: nothing to follow inside.
                guard skipPastClose() else { break scanning }
            }
        }
    }
}

/// The checks `Theme` makes with the scans of every template it loaded.
enum TemplateReferences {
    /// A template's scan and where it came from.
    struct Entry {
        var name: String
        var file: String
        var scan: TemplateScan
    }

    /// Every reference to a template that does not exist, every dynamic partial, and every
    /// cycle of references (each reported once, at the tag that closes it).
    static func problems(_ entries: [Entry], known: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let entries = entries.sorted { $0.name < $1.name }
        for entry in entries {
            for reference in entry.scan.references {
                let at = SourceLocation(file: entry.file, line: reference.line, column: reference.column)
                let tag = reference.isParent ? "{{<" : "{{>"
                let what = reference.isParent ? "parent template" : "partial"
                if reference.isDynamic {
                    problems.append(Diagnostic(.template, at: at, "dynamic \(what) names (`\(tag)*\(reference.name)}}`) are not supported",
                        hint: "name the template itself, e.g. `\(tag) card}}`"))
                } else if reference.name.isEmpty {
                    problems.append(Diagnostic(.missingTemplate, at: at, "this \(what) tag names no template",
                        hint: "write the template's name, e.g. `\(tag) card}}`"))
                } else if !known.contains(reference.name) {
                    problems.append(Diagnostic(.missingTemplate, at: at, "\(what) '\(reference.name)' not found",
                        hint: hint(for: reference.name, tag: tag, known: known)))
                }
            }
        }
        problems += cycles(entries, known: known)
        return problems
    }

    /// "did you mean 'card'?", or the way templates are named, or the names there are.
    static func hint(for name: String, tag: String, known: Set<String>) -> String {
        let fileName = Theme.templateName(name)
        if fileName != name, known.contains(fileName) {
            return "templates are named by their file name alone, without folder or `.mustache`: `\(tag) \(fileName)}}`"
        }
        if let suggestion = DidYouMean.hint(for: name, in: known.sorted()) { return suggestion }
        return "add templates/partials/\(fileName).mustache, or use one of: \(known.sorted().joined(separator: ", "))"
    }

    /// Depth-first over the references in name and text order, without recursion (a site may
    /// have many templates); an edge back to a template still being visited closes a cycle.
    static func cycles(_ entries: [Entry], known: Set<String>) -> [Diagnostic] {
        let byName = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func edges(_ name: String) -> [TemplateScan.Reference] {
            byName[name]?.scan.references.filter { !$0.isDynamic && known.contains($0.name) } ?? []
        }
        enum State { case visiting, done }
        var state: [String: State] = [:]
        var problems: [Diagnostic] = []
        for root in entries.map(\.name) where state[root] == nil {
            // The path from the root: each template and the index of its next reference.
            var path: [(name: String, next: Int)] = [(root, 0)]
            state[root] = .visiting
            while let top = path.last {
                let references = edges(top.name)
                guard top.next < references.count else {
                    state[top.name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let reference = references[top.next]
                switch state[reference.name] {
                case nil:
                    state[reference.name] = .visiting
                    path.append((reference.name, 0))
                case .visiting:
                    // The cycle's templates and the tag each includes the next with.
                    let start = path.firstIndex { $0.name == reference.name } ?? 0
                    let cycle = path[start...].map { (name: $0.name, tag: edges($0.name)[$0.next - 1]) }
                    // Report at the tag that closed it, unless that tag is the theme's and
                    // another is the site's own: the site's edit is the one to look at.
                    func isSites(_ name: String) -> Bool { byName[name]?.file.hasPrefix("templates/") == true }
                    let chosen = isSites(top.name) ? cycle.count - 1 : cycle.firstIndex { isSites($0.name) } ?? cycle.count - 1
                    // The chain ends with the reported tag: `a → b → a` is reported in b.
                    let chain = (0...cycle.count).map { cycle[(chosen + 1 + $0) % cycle.count].name }.joined(separator: " → ")
                    let tag = cycle[chosen]
                    let message = cycle.count == 1
                        ? "template '\(tag.name)' includes itself: \(chain)"
                        : "templates include each other in a cycle: \(chain)"
                    problems.append(Diagnostic(.template,
                        at: SourceLocation(file: byName[tag.name]?.file ?? tag.name, line: tag.tag.line, column: tag.tag.column),
                        message, hint: "a template cannot include itself, directly or through other templates; move what they share into a partial that includes neither"))
                case .done:
                    break
                }
            }
        }
        return problems
    }
}
