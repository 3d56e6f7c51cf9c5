import Foundation

/// Stable keys of what a build reads, kept in its `BuildSnapshot` and compared by the next.
enum InputKeys {
    /// Bumped whenever what a key covers changes.
    static let version = 1

    /// Everything but the content files: site.json, this build's options and the theme
    /// (templates and static files).
    static func site(options: BuildOptions, theme: Theme) -> UInt64 {
        var hash = StableHash()
        hash.combine(version)
        hash.combine((try? [UInt8](Data(contentsOf: options.siteDir.appendingPathComponent("site.json")))) ?? [])
        hash.combine(options.baseURL)
        hash.combine(options.includeDrafts)
        hash.combine(options.sitemapLimits.maxURLs)
        hash.combine(options.sitemapLimits.maxBytes)
        hash.combine(theme.fingerprint)
        return hash.value
    }

    /// Everything the resolve stage takes from a playbook's parse: its file, every front
    /// matter value with where it is written, the default summary (when the front matter has
    /// none) and the parse warnings.
    /// A body-only edit leaves it unchanged (the body's HTML shows on the playbook's own page
    /// only). Other kinds of file get 0: any change to them rebuilds everything.
    static func source(_ document: ParsedDocument, warnings: [Diagnostic]) -> UInt64 {
        guard case .playbook(let meta) = document.meta else { return 0 }
        var hash = StableHash()
        hash.combine(version)
        hash.combine(document.path)
        hash.combine(document.source.fileStem)
        hash.combine(meta.title)
        hash.combine(meta.summary)
        hash.combine(meta.tags)
        hash.combine(meta.category)
        hash.combine(meta.industries)
        hash.combine(meta.tools)
        hash.combine(meta.type)
        hash.combine(meta.author)
        hash.combine(meta.date)
        hash.combine(meta.updated)
        hash.combine(meta.draft)
        hash.combine(meta.featured)
        hash.combine(meta.weight != nil)
        hash.combine(meta.weight ?? 0)
        hash.combine(meta.aliases)
        hash.combine(meta.description)
        hash.combine(meta.sitemap)
        hash.combine(JSONValue.object(meta.params))
        hash.combine(meta.image)
        if meta.summary == nil { hash.combine(document.defaultSummary) } // else the body's first paragraph shows nowhere else
        hash.combine(warnings.map(\.description))
        return hash.value
    }

    /// The fields of `PlaybookMeta` that `source(_:warnings:)` covers, for the test that
    /// keeps it complete when a front matter key is added.
    static let playbookMetaFields: Set<String> = [
        "title", "summary", "tags", "category", "industries", "tools", "type", "author", "date", "updated", "draft",
        "featured", "weight", "aliases", "description", "sitemap", "params", "image",
    ]

    /// The default dates of a file the resolve stage uses (git's, or the modification
    /// time's), or nil when the file does not use them: a playbook whose front matter sets
    /// both `date` and `updated`, or a category, tag or term, which show no dates.
    static func dates(of document: ParsedDocument, _ dates: ContentDates) -> UInt64? {
        switch document.meta {
        case .playbook(let meta) where meta.date != nil && meta.updated != nil: return nil
        case .playbook, .page: return datesKey(dates.dates(for: document.path, modified: document.source.modified))
        default: return nil
        }
    }

    static func datesKey(_ dates: ContentDates.FileDates) -> UInt64 {
        var hash = StableHash()
        hash.combine(dates.created)
        hash.combine(dates.updated)
        return hash.value
    }
}

extension StableHash {
    mutating func combine(_ day: Day) { combine(day.year * 10_000 + day.month * 100 + day.day) }

    mutating func combine(_ day: Located<Day>?) {
        combine(day != nil)
        if let day { combine(day.value); combine(day.location) }
    }

    mutating func combine(_ location: SourceLocation) {
        combine(location.file)
        combine(location.line)
        combine(location.column)
    }

    mutating func combine(_ text: Located<String>?) {
        combine(text != nil)
        if let text { combine(text.value); combine(text.location) }
    }

    mutating func combine(_ texts: [Located<String>]) {
        combine(texts.count)
        for text in texts { combine(text) }
    }

    mutating func combine(_ value: JSONValue) {
        switch value {
        case .string(let text): combine(0); combine(text)
        case .number(let number): combine(1); combine(number.bitPattern)
        case .bool(let flag): combine(2); combine(flag)
        case .array(let values): combine(3); combine(values.count); for value in values { combine(value) }
        case .object(let fields):
            combine(4); combine(fields.count)
            for key in fields.keys.sorted() { combine(key); combine(fields[key]!) }
        case .null: combine(5)
        }
    }
}
