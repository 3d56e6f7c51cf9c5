/// Every link target of one body, as written and as published: a relative link to another
/// content file becomes that page's or file's URL (`../other.md#step` →
/// `/playbooks/other/#step`), and every root-relative URL gets the site's base path. Each
/// link is recorded with its file line and column for the link check.
final class LinkRewriter {
    private let options: MarkdownOptions
    private(set) var found: [RenderedMarkdown.Link] = []

    init(options: MarkdownOptions) { self.options = options }

    /// The URL to publish instead of `url`, or nil to keep it.
    func rewrite(_ url: String, line: Int, column: Int) -> String? {
        var link = RenderedMarkdown.Link(destination: url, line: line, column: column)
        defer { found.append(link) }
        if let layout = options.layout {
            switch layout.resolve(url, from: options.documentPath) {
            case .resolved(let target, let suffix):
                link.target = target.sitePath + suffix
                return withBasePath(link.target!)
            case .missing(let path):
                link.missing = path
                return nil
            case .notRelative, .unknown:
                break
            }
        }
        guard url.hasPrefix("/"), !url.hasPrefix("//"), options.basePath != "/" else { return nil }
        return withBasePath(url)
    }

    /// Raw HTML the site allows (`unsafeHTML`): its `href` and `src` values are rewritten
    /// like Markdown links, and recorded at their own line and column.
    func rewriteRawHTML(_ html: String, line: Int, column: Int) -> String {
        var result = ""
        var rest = Substring(html)
        for attribute in RawHTMLAttributes.urls(in: html) {
            result += rest[..<attribute.range.lowerBound]
            let before = html[..<attribute.range.lowerBound]
            let newlines = before.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            let lineStart = before.lastIndex(of: "\n").map { html.index(after: $0) } ?? html.startIndex
            let offset = html.distance(from: lineStart, to: attribute.range.lowerBound)
            let value = String(html[attribute.range])
            let decoded = HTML.unescapeAttribute(value)
            if let rewritten = rewrite(decoded, line: line + newlines, column: newlines == 0 ? column + offset : offset + 1) {
                result += HTML.escape(rewritten)
            } else {
                result += value
            }
            rest = html[attribute.range.upperBound...]
        }
        return result + rest
    }

    private func withBasePath(_ path: String) -> String {
        options.basePath == "/" || !path.hasPrefix("/") ? path : String(options.basePath.dropLast()) + path
    }
}
