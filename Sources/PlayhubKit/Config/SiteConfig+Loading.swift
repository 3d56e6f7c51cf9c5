import Foundation

extension SiteConfig {
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
        let text = String(decoding: data, as: UTF8.self)
        let values: [String: JSONValue]
        do {
            values = try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch {
            return (nil, Diagnostics([Diagnostic(.invalidConfig, at: SourceLocation(file: file),
                "site.json is not a JSON object: \(describe(error))", hint: "check for a missing comma or quote")]))
        }
        return parse(values, text: text, file: file)
    }

    static func parse(_ values: [String: JSONValue], text: String, file: String) -> (SiteConfig?, Diagnostics) {
        var problems = Diagnostics()
        func location(_ key: String) -> SourceLocation { keyLocation(key, in: text, file: file) }
        func problem(_ key: String, _ message: String, hint: String? = nil) {
            problems.append(Diagnostic(.invalidConfig, at: location(key), message, hint: hint))
        }
        for key in values.keys.sorted() where !knownKeys.contains(key) {
            problems.append(Diagnostic(.unknownConfigKey, at: location(key), "unknown key '\(key)' in site.json",
                hint: DidYouMean.hint(for: key, in: knownKeys) ?? "known keys: \(knownKeys.joined(separator: ", "))"))
        }
        func string(_ key: String) -> String? {
            guard let value = values[key] else { return nil }
            if case .string(let s) = value { return s }
            problem(key, "'\(key)' must be a string"); return nil
        }
        func integer(_ key: String, minimum: Int) -> Int? {
            guard let value = values[key] else { return nil }
            if case .number(let n) = value, n == n.rounded(), Int(n) >= minimum { return Int(n) }
            problem(key, "'\(key)' must be a whole number of at least \(minimum)"); return nil
        }
        let title = string("title")
        let baseURL = string("baseURL")
        if values["title"] == nil { problem("title", "site.json has no 'title'", hint: "add \"title\": \"My Hub\"") }
        if values["baseURL"] == nil {
            problem("baseURL", "site.json has no 'baseURL'", hint: "add \"baseURL\": \"https://example.org/\"")
        } else if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            problem("baseURL", "'baseURL' must be an absolute http(s) URL, not '\(baseURL)'", hint: "e.g. \"https://example.org/\"")
        }
        var config = SiteConfig(title: title ?? "", baseURL: baseURL ?? "https://example.org/")
        if let v = string("language") { config.language = v }
        if let v = string("theme") { config.theme = v }
        if let v = string("contentDir") { config.contentDir = v }
        if let v = string("outputDir") { config.outputDir = v }
        if let v = integer("paginate", minimum: 1) { config.paginate = v }
        if let v = integer("relatedCount", minimum: 0) { config.relatedCount = v }
        if let v = integer("feedLimit", minimum: 1) { config.feedLimit = v }
        if let value = values["unsafeHTML"] {
            if case .bool(let b) = value { config.unsafeHTML = b } else { problem("unsafeHTML", "'unsafeHTML' must be true or false") }
        }
        if let value = values["params"] {
            if case .object(let o) = value { config.params = o } else { problem("params", "'params' must be an object") }
        }
        let usable = title != nil && baseURL != nil && (baseURL!.hasPrefix("https://") || baseURL!.hasPrefix("http://"))
        return (usable ? config : nil, problems)
    }

    /// The line and column of `"key":` in the JSON text, so a config error points at it.
    static func keyLocation(_ key: String, in text: String, file: String) -> SourceLocation {
        let needle = "\"\(key)\""
        var line = 1
        for textLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = textLine.range(of: needle) {
                return SourceLocation(file: file, line: line, column: textLine.distance(from: textLine.startIndex, to: range.lowerBound) + 1)
            }
            line += 1
        }
        return SourceLocation(file: file)
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
        }
        return "\(error)"
    }
}
