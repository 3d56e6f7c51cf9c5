import Foundation
import Yams

/// Reads typed values out of a front matter block, recording a diagnostic at the exact
/// line and column of every missing, mistyped or unknown key.
///
/// Yams reports positions within the YAML text; they are shifted by the front matter's first
/// line here, at the boundary, so every message speaks in the file's own lines.
public struct FrontMatterReader {
    public let path: String
    public private(set) var diagnostics = Diagnostics()
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    private let lineOffset: Int
    private let mappingLocation: SourceLocation
    /// The body's leading `# Heading`: a playbook's or page's title when front matter has none.
    public var bodyTitle: String?
    /// Whether this kind takes its title from the body (not tags and categories).
    public var allowsBodyTitle = false

    /// False when the YAML could not be composed (a syntax error, a tab, a repeated key): the
    /// reader is then empty and the file's meta would only add errors that are not there.
    /// A forbidden character alone leaves it readable.
    public var couldRead: Bool { !diagnostics.items.contains { $0.code == .invalidYAML } }

    /// Composes the YAML; a syntax error becomes a diagnostic and leaves the reader empty.
    public init(_ frontMatter: FrontMatter, path: String) {
        self.path = path
        self.lineOffset = frontMatter.yamlLine - 1
        self.mappingLocation = SourceLocation(file: path, line: 1)
        // YAML refuses these characters without saying where: say where, and which key; then
        // read the rest with U+FFFD in their place, so the file's other values still count
        // (its tags exist, its title is there) and only this error is reported.
        var frontMatter = frontMatter
        let forbidden = ForbiddenCharacter.all(in: frontMatter.yaml)
        for found in forbidden {
            let subject = Self.keyOfLine(found.line, column: found.column, in: frontMatter.yaml) ?? "front matter"
            diagnostics.append(Diagnostic(.encoding, at: SourceLocation(file: path, line: found.line + 1 + lineOffset, column: found.column),
                "\(subject) contains \(ForbiddenCharacter.describe(found.scalar)); remove it"))
        }
        if !forbidden.isEmpty { frontMatter.yaml = frontMatter.yaml.replacingScalars(where: ForbiddenCharacter.isForbidden) }
        if frontMatter.yaml.contains("\t"), let tabLine = frontMatter.yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex(where: { $0.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") }) {
            let line = frontMatter.yaml.split(separator: "\n", omittingEmptySubsequences: false)[tabLine]
            let column = line.distance(from: line.startIndex, to: line.firstIndex(of: "\t")!) + 1
            diagnostics.append(Diagnostic(.invalidYAML, at: SourceLocation(file: path, line: tabLine + 1 + lineOffset, column: column),
                "a tab indents this front matter line", hint: "YAML indents with spaces only; replace the tab with spaces"))
            return
        }
        do {
            // UTF-8 named here: Yams' default reads the whole environment on every call.
            guard let node = try Yams.compose(yaml: frontMatter.yaml, .default, .default, .utf8) else { return } // empty front matter
            guard let mapping = node.mapping else {
                diagnostics.append(Diagnostic(.invalidYAML, at: location(of: node), "front matter must be a list of `key: value` lines"))
                return
            }
            var seen: [String: Node] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                if seen[name] != nil {
                    diagnostics.append(Diagnostic(.invalidYAML, at: location(of: key), "key '\(name)' appears twice",
                        hint: "remove one of the two"))
                    continue
                }
                seen[name] = key
                entries.append((name, key, value))
            }
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            diagnostics.append(Diagnostic(.invalidYAML, at: mappingLocation, "front matter is not valid YAML: \(error)"))
        }
    }

    /// The top-level key whose value holds line `line` (0-based) of the YAML, or "a front
    /// matter key" when the character is in the key itself.
    static func keyOfLine(_ line: Int, column: Int, in yaml: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line < lines.count else { return nil }
        for index in stride(from: line, through: 0, by: -1) {
            let text = lines[index]
            guard let first = text.first, first != " ", first != "-", first != "#", let colon = text.firstIndex(of: ":") else { continue }
            if index == line, text.distance(from: text.startIndex, to: colon) >= column { return "a front matter key" }
            let key = text[..<colon].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return key.isEmpty ? nil : key
        }
        return nil
    }

    /// Reports a value holding a character XML or HTML forbids (a YAML escape such as `"\b"`
    /// writes one). True when the value is clean.
    private mutating func checkCharacters(_ text: String, of node: Node, subject: String) -> Bool {
        guard let scalar = ForbiddenCharacter.first(in: text) else { return true }
        let escaped = node.scalar?.style == .doubleQuoted ? "a backslash escape in double quotes writes it" : nil
        diagnostics.append(Diagnostic(.encoding, at: location(of: node),
            "\(subject) contains \(ForbiddenCharacter.describe(scalar)); remove it", hint: escaped))
        return false
    }

    // MARK: - Locations

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return mappingLocation }
        return SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where a key is written, or line 1 for a key that is missing altogether.
    public func location(ofKey key: String) -> SourceLocation {
        entries.first { $0.key == key }.map { location(of: $0.keyNode) } ?? mappingLocation
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml notices an unclosed quote or bracket where the text ends; the context
            // mark is where it was opened, which is the line an author needs to fix.
            if let context {
                return Diagnostic(.invalidYAML, at: at(context.mark), "front matter is not valid YAML: \(context.text), \(problem) (line \(mark.line + lineOffset))",
                    hint: "check the quotes, brackets and indentation on this line")
            }
            return Diagnostic(.invalidYAML, at: at(mark), "front matter is not valid YAML: \(problem)",
                hint: "check the quotes, colons and indentation on this line")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.invalidYAML, at: at(context.mark), "key '\(duplicates.first ?? "")' appears twice", hint: "remove one of the two")
        default:
            return Diagnostic(.invalidYAML, at: SourceLocation(file: path, line: 1 + lineOffset), "front matter is not valid YAML: \(error)")
        }
    }

    // MARK: - Checks

    /// Reports every key not in `known` with the closest known key as a hint.
    public mutating func rejectUnknownKeys(_ known: [String], kind: String) {
        for entry in entries where !known.contains(entry.key) {
            let freeData = known.contains("params") ? "; put free data under `params:`" : ""
            let hint = DidYouMean.hint(for: entry.key, in: known)
                ?? "\(kind) front matter takes: \(known.joined(separator: ", "))\(freeData)"
            diagnostics.append(Diagnostic(.unknownKey, at: location(of: entry.keyNode), "unknown front matter key '\(entry.key)'", hint: hint))
        }
    }

    private func node(_ key: String) -> Node? {
        guard let node = entries.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return node
    }

    private mutating func wrongType(_ key: String, _ node: Node, expected: String) {
        diagnostics.append(Diagnostic(.wrongType, at: location(of: node), "'\(key)' must be \(expected)"))
    }

    private mutating func missing(_ key: String, example: String) {
        // A title may also come from the body's leading `# Heading`.
        let alternative = key == "title" && bodyTitle == nil && allowsBodyTitle ? ", or start the body with `# Title`" : ""
        diagnostics.append(Diagnostic(.missingKey, at: mappingLocation, "required front matter key '\(key)' is missing",
            hint: "add `\(key): \(example)`\(alternative)"))
    }

    // MARK: - Typed values

    /// A non-empty string value.
    public mutating func string(_ key: String, required: Bool = false, example: String = "\"...\"") -> String? {
        located(key, required: required, example: example)?.value
    }

    public mutating func located(_ key: String, required: Bool = false, example: String = "\"...\"") -> Located<String>? {
        guard let node = node(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard case .scalar(let scalar) = node else { wrongType(key, node, expected: "a text value"); return nil }
        let text = scalar.string.trimmed
        if text.isEmpty {
            if required { diagnostics.append(Diagnostic(.missingKey, at: location(of: node), "'\(key)' must not be empty")) }
            return nil
        }
        guard checkCharacters(text, of: node, subject: key) else { return nil }
        return Located(text, at: location(of: node))
    }

    /// A list of strings; a single string is accepted as a list of one.
    public mutating func list(_ key: String, required: Bool = false, example: String = "[\"...\"]") -> [Located<String>] {
        guard let node = node(key) else {
            if required { missing(key, example: example) }
            return []
        }
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        case .mapping, .alias: wrongType(key, node, expected: "a list such as \(example)"); return []
        }
        var result: [Located<String>] = []
        var refused = false
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.string.trimmed.isEmpty else {
                wrongType(key, item, expected: "a list of text values"); continue
            }
            guard checkCharacters(scalar.string, of: item, subject: key) else { refused = true; continue }
            result.append(Located(scalar.string.trimmed, at: location(of: item)))
        }
        if required && result.isEmpty && !refused {
            diagnostics.append(Diagnostic(.missingKey, at: location(of: node), "'\(key)' needs at least one entry", hint: "e.g. `\(key): \(example)`"))
        }
        return result
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.bool else {
            wrongType(key, node, expected: "true or false"); return nil
        }
        _ = scalar
        return value
    }

    /// The whole numbers front matter takes (`weight`): any order an author means, and far
    /// from where arithmetic on them could overflow.
    public static let integerRange = -1_000_000_000...1_000_000_000

    public mutating func integer(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            wrongType(key, node, expected: "a whole number such as 10"); return nil
        }
        let text = scalar.string
        if let value = Int(text), Self.integerRange.contains(value) { return value }
        // Digits beyond Int (99999999999999999999999) or a number like 1e300: a number, but
        // out of range. Anything else (2.5, "3", ten) is not a whole number at all.
        let unsigned = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        let isInteger = !unsigned.isEmpty && unsigned.utf8.allSatisfy { (48...57).contains($0) }
        let isOutside = Double(text).map { !$0.isNaN && !(Double(Self.integerRange.lowerBound)...Double(Self.integerRange.upperBound)).contains($0) } ?? false
        if isInteger || isOutside {
            diagnostics.append(Diagnostic(.wrongType, at: location(of: node),
                "'\(key)' must be a whole number from \(Self.integerRange.lowerBound) to \(Self.integerRange.upperBound), not \(Self.shortened(text))",
                hint: "e.g. `\(key): 10`"))
        } else {
            wrongType(key, node, expected: "a whole number such as 10")
        }
        return nil
    }

    /// A value quoted back in a message, cut to a readable length.
    static func shortened(_ text: String) -> String { text.count > 40 ? text.prefix(40) + "…" : text }

    /// A `YYYY-MM-DD` date.
    public mutating func day(_ key: String) -> Located<Day>? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, let day = Day(scalar.string.trimmed) else {
            let text = node.scalar?.string ?? ""
            diagnostics.append(Diagnostic(.invalidDate, at: location(of: node), "'\(key)' is not a valid date: '\(text)'",
                hint: "write it as YYYY-MM-DD, e.g. 2024-03-05"))
            return nil
        }
        return Located(day, at: location(of: node))
    }

    /// The most values `params:` may hold. YAML aliases can make a few lines expand into
    /// billions of values ("billion laughs"); past this the map is refused, not expanded.
    static let paramsValueLimit = 10_000

    /// A free map for templates (`params:`).
    public mutating func params(_ key: String) -> [String: JSONValue] {
        guard let node = node(key) else { return [:] }
        guard case .mapping(let mapping) = node else { wrongType(key, node, expected: "a map of `name: value` lines"); return [:] }
        var budget = Self.paramsValueLimit
        var result: [String: JSONValue] = [:]
        var forbidden: [(node: Node, path: String, scalar: Unicode.Scalar)] = []
        defer {
            // An alias repeats its node: one error per place.
            var reported = Set<SourceLocation>()
            for found in forbidden where reported.insert(location(of: found.node)).inserted {
                diagnostics.append(Diagnostic(.encoding, at: location(of: found.node),
                    "\(found.path) contains \(ForbiddenCharacter.describe(found.scalar)); remove it",
                    hint: found.node.scalar?.style == .doubleQuoted ? "a backslash escape in double quotes writes it" : nil))
            }
        }
        for (k, v) in mapping {
            let name = k.string ?? ""
            if let scalar = ForbiddenCharacter.first(in: name) { forbidden.append((k, "a key of \(key)", scalar)) }
            guard let value = Self.jsonValue(v, budget: &budget, path: "\(key).\(name)", forbidden: &forbidden) else {
                diagnostics.append(Diagnostic(.invalidYAML, at: location(of: node), "'\(key)' holds more than \(Self.paramsValueLimit) values",
                    hint: "YAML aliases (*name) repeat values; write the data out, or keep it outside front matter"))
                return [:]
            }
            result[k.string ?? ""] = value
        }
        return result
    }

    /// The node as plain data, or nil once more than `budget` values have been visited.
    /// Text holding a character XML or HTML forbids is noted in `forbidden` with its `path`
    /// (`params.links[2]`).
    static func jsonValue(_ node: Node, budget: inout Int) -> JSONValue? {
        var forbidden: [(node: Node, path: String, scalar: Unicode.Scalar)] = []
        return jsonValue(node, budget: &budget, path: "params", forbidden: &forbidden)
    }

    static func jsonValue(_ node: Node, budget: inout Int, path: String,
                          forbidden: inout [(node: Node, path: String, scalar: Unicode.Scalar)]) -> JSONValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let b = node.bool { return .bool(b) }
                // Yams reads `1:2:3` as a base-60 number (YAML 1.1) and traps when it
                // overflows Int; YAML 1.2 has no such numbers, so a value with `:` is text.
                if !scalar.string.contains(":") {
                    if let i = node.int { return .number(Double(i)) }
                    if let d = node.float { return .number(d) }
                }
                if node.null != nil { return .null }
            }
            if let bad = ForbiddenCharacter.first(in: scalar.string) { forbidden.append((node, path, bad)) }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for (index, item) in sequence.enumerated() {
                guard let value = jsonValue(item, budget: &budget, path: "\(path)[\(index)]", forbidden: &forbidden) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .mapping(let mapping):
            var result: [String: JSONValue] = [:]
            for (k, v) in mapping {
                let name = k.string ?? ""
                if let bad = ForbiddenCharacter.first(in: name) { forbidden.append((k, "a key of \(path)", bad)) }
                guard let value = jsonValue(v, budget: &budget, path: "\(path).\(name)", forbidden: &forbidden) else { return nil }
                result[name] = value
            }
            return .object(result)
        case .alias: return .null
        }
    }

    /// The FAQ entries of a tag: a list of `{q: ..., a: ...}` maps.
    public mutating func faq(_ key: String) -> [FAQEntry] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else { wrongType(key, node, expected: "a list of `- q: ...` / `a: ...` entries"); return [] }
        var result: [FAQEntry] = []
        for item in sequence {
            guard case .mapping(let mapping) = item else { wrongType(key, item, expected: "a list of `- q: ...` / `a: ...` entries"); continue }
            var question: String?, answer: String?, refused = false
            var answerLocation = location(of: item)
            for (k, v) in mapping {
                let name = k.string ?? ""
                switch name {
                case "q":
                    question = v.scalar?.string.trimmed
                    if let q = question, !checkCharacters(q, of: v, subject: "the FAQ question") { question = nil; refused = true }
                case "a":
                    answer = v.scalar?.string.trimmed
                    if let a = answer, !checkCharacters(a, of: v, subject: "the FAQ answer") { answer = nil; refused = true }
                    answerLocation = location(of: v)
                    // A quoted answer's text starts one column after its opening quote.
                    if let style = v.scalar?.style, style == .singleQuoted || style == .doubleQuoted { answerLocation.column += 1 }
                default:
                    diagnostics.append(Diagnostic(.unknownKey, at: location(of: k), "unknown FAQ key '\(name)'",
                        hint: DidYouMean.hint(for: name, in: ["q", "a"]) ?? "an FAQ entry has only `q` (question) and `a` (answer)"))
                }
            }
            guard let q = question, !q.isEmpty, let a = answer, !a.isEmpty else {
                if refused { continue }
                diagnostics.append(Diagnostic(.missingKey, at: location(of: item), "an FAQ entry needs both `q` and `a`",
                    hint: "write `- q: \"Question?\"` and `  a: \"Answer.\"`"))
                continue
            }
            result.append(FAQEntry(question: q, answerMarkdown: a, location: location(of: item), answerLocation: answerLocation))
        }
        return result
    }
}

/// A question and its Markdown answer, as written in a tag's front matter.
public struct FAQEntry: Sendable, Hashable {
    public var question: String
    public var answerMarkdown: String
    /// Where the entry starts (`- q:`).
    public var location: SourceLocation
    /// Where the answer's text starts, so links in it are reported at their place.
    public var answerLocation: SourceLocation
}
