import Foundation

extension SiteConfig {
    /// The whole numbers site.json takes and the values they may have: wide enough for any
    /// real hub, narrow enough that no page, list or allocation sized by them can blow up
    /// (`"relatedCount": 1e12` once asked for terabytes).
    static let numberRanges: [(key: String, range: ClosedRange<Int>)] = [
        ("paginate", 1...1000), ("relatedCount", 0...100), ("feedLimit", 1...1000),
    ]

    /// Reads and validates `site.json` in `siteDir`. Every problem is reported, each at the
    /// line of the key it concerns; the config is still returned when it is usable, so the
    /// content's errors are reported in the same run.
    public static func load(siteDir: URL) -> (SiteConfig?, Diagnostics) {
        let file = "site.json"
        let url = siteDir.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url) else {
            return (nil, Diagnostics([Diagnostic(.invalidConfig, at: SourceLocation(file: file),
                "cannot read site.json", hint: "create it with at least \"title\" and \"baseURL\"")]))
        }
        return load(data: data, file: file)
    }

    /// Reads and validates site.json's bytes (`file` names it in messages).
    public static func load(data: Data, file: String = "site.json") -> (SiteConfig?, Diagnostics) {
        guard let text = String(validating: data, as: UTF8.self) else {
            return (nil, Diagnostics([Diagnostic(.encoding, at: FrontMatter.invalidUTF8Location(data, path: file),
                "site.json is not valid UTF-8", hint: "save it as UTF-8 in your editor")]))
        }
        let outline = JSONOutline(text)
        if let error = outline.syntaxError {
            return (nil, Diagnostics([Diagnostic(.invalidConfig, at: SourceLocation(file: file, line: error.line, column: error.column),
                "site.json is not valid JSON: \(error.message)", hint: error.hint)]))
        }
        if !outline.badNumbers.isEmpty {
            return (nil, Diagnostics(outline.badNumbers.map {
                Diagnostic(.invalidConfig, at: SourceLocation(file: file, line: $0.line, column: $0.column), $0.message, hint: $0.hint)
            }))
        }
        let values: [String: JSONValue]
        do {
            values = try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch {
            return (nil, Diagnostics([Diagnostic(.invalidConfig, at: SourceLocation(file: file),
                "site.json is not a JSON object: \(describe(error))", hint: "check for a missing comma or quote")]))
        }
        return parse(values, outline: outline, file: file)
    }

    static func parse(_ values: [String: JSONValue], text: String, file: String) -> (SiteConfig?, Diagnostics) {
        parse(values, outline: JSONOutline(text), file: file)
    }

    static func parse(_ values: [String: JSONValue], outline: JSONOutline, file: String) -> (SiteConfig?, Diagnostics) {
        var problems = Diagnostics()
        func location(_ key: String) -> SourceLocation {
            outline.first(key).map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? SourceLocation(file: file)
        }
        func problem(_ key: String, _ message: String, hint: String? = nil) {
            problems.append(Diagnostic(.invalidConfig, at: location(key), message, hint: hint))
        }
        for key in values.keys.sorted() where !knownKeys.contains(key) {
            problems.append(Diagnostic(.unknownConfigKey, at: location(key), "unknown key '\(key)' in site.json",
                hint: DidYouMean.hint(for: key, in: knownKeys) ?? "known keys: \(knownKeys.joined(separator: ", "))"))
        }
        // JSONDecoder keeps the first of two equal keys; the second is never read, so say so.
        var seen = Set<String>()
        for key in outline.keys where !seen.insert(key.name).inserted {
            problems.append(Diagnostic(.invalidConfig, at: SourceLocation(file: file, line: key.line, column: key.column),
                "key '\(key.name)' appears twice in site.json", hint: "remove one of the two"))
        }
        /// Text that reaches pages or the feed must not hold characters XML and HTML forbid.
        func checkCharacters(_ subject: String, _ text: String, key: String) {
            guard let scalar = ForbiddenCharacter.first(in: text) else { return }
            problems.append(Diagnostic(.encoding, at: location(key),
                "\(subject) contains \(ForbiddenCharacter.describe(scalar)); remove it", hint: jsonEscapeHint(scalar)))
        }
        func string(_ key: String, shown: Bool = false) -> String? {
            guard let value = values[key] else { return nil }
            if case .string(let s) = value {
                if shown { checkCharacters(key, s, key: key) }
                return s
            }
            problem(key, "'\(key)' must be a string"); return nil
        }
        func integer(_ key: String, in range: ClosedRange<Int>, default standard: Int) -> Int? {
            guard let value = values[key] else { return nil }
            // Compared as Double first: Int(n) traps for a Double beyond Int's range.
            if case .number(let n) = value, n.isFinite, n == n.rounded(),
               n >= Double(range.lowerBound), n <= Double(range.upperBound) {
                return Int(n)
            }
            let written = outline.first(key)?.rawValue.map { ", not \(JSONOutline.shortened($0))" } ?? ""
            problem(key, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)\(written)",
                    hint: "e.g. \"\(key)\": \(standard)")
            return nil
        }
        let title = string("title", shown: true)
        let baseURL = string("baseURL", shown: true)
        if values["title"] == nil { problem("title", "site.json has no 'title'", hint: "add \"title\": \"My Hub\"") }
        if values["baseURL"] == nil {
            problem("baseURL", "site.json has no 'baseURL'", hint: "add \"baseURL\": \"https://example.org/\"")
        } else if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            problem("baseURL", "'baseURL' must be an absolute http(s) URL, not '\(baseURL)'", hint: "e.g. \"https://example.org/\"")
        }
        var config = SiteConfig(title: title ?? "", baseURL: baseURL ?? "https://example.org/")
        if let v = string("language", shown: true) { config.language = v }
        if let v = string("theme") { config.theme = v }
        if let v = string("contentDir") { config.contentDir = v }
        if let v = string("outputDir") { config.outputDir = v }
        for (key, range) in numberRanges {
            let standard = key == "paginate" ? config.paginate : key == "relatedCount" ? config.relatedCount : config.feedLimit
            guard let v = integer(key, in: range, default: standard) else { continue }
            switch key {
            case "paginate": config.paginate = v
            case "relatedCount": config.relatedCount = v
            default: config.feedLimit = v
            }
        }
        if let value = values["unsafeHTML"] {
            if case .bool(let b) = value { config.unsafeHTML = b } else { problem("unsafeHTML", "'unsafeHTML' must be true or false") }
        }
        if let value = string("brokenLinks") {
            if let severity = Diagnostic.Severity(rawValue: value) { config.brokenLinks = severity }
            else { problem("brokenLinks", "'brokenLinks' must be \"warning\" or \"error\", not \"\(value)\"") }
        }
        if let value = values["params"] {
            if case .object(let o) = value {
                config.params = o
                for (path, text) in strings(in: value, path: "params") { checkCharacters(path, text, key: "params") }
            } else {
                problem("params", "'params' must be an object")
            }
        }
        parseBranding(values, into: &config, problem: problem, checkCharacters: checkCharacters)
        let usable = title != nil && baseURL != nil && (baseURL!.hasPrefix("https://") || baseURL!.hasPrefix("http://"))
        return (usable ? config : nil, problems)
    }

    /// Every text in a value, keys included, with its path (`params.links[0].title`), in a
    /// stable order. Without recursion: the outline already limits nesting, but this need
    /// not rely on it.
    static func strings(in value: JSONValue, path: String) -> [(String, String)] {
        var found: [(String, String)] = []
        var pending: [(JSONValue, String)] = [(value, path)]
        while let (value, path) = pending.popLast() {
            switch value {
            case .string(let s): found.append((path, s))
            case .array(let items): pending += items.enumerated().reversed().map { ($1, "\(path)[\($0)]") }
            case .object(let fields):
                for (key, field) in fields.sorted(by: { $0.key > $1.key }) {
                    found.append(("a key of \(path)", key))
                    pending.append((field, "\(path).\(key)"))
                }
            case .number, .bool, .null: break
            }
        }
        return found
    }

    /// "in JSON it is written \u0008": where to look for a character no editor shows.
    static func jsonEscapeHint(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value <= 0xFFFF else { return nil }
        let hex = String(scalar.value, radix: 16)
        return "in JSON it may be written \\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// The line and column of `"key":` at the top level of the JSON text, so a config error
    /// points at it.
    static func keyLocation(_ key: String, in text: String, file: String) -> SourceLocation {
        JSONOutline(text).first(key).map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? SourceLocation(file: file)
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
        }
        return "\(error)"
    }
}
