import Foundation

/// Makes the links of HTML playhub wrote absolute, for copies of it read away from the page
/// (the answers of FAQPage JSON-LD). Pages keep root-relative links (SPEC §3); only the copy
/// changes.
enum AbsoluteLinks {
    /// Every `href="…"` and `src="…"` resolved against `pageURL` (an absolute URL): `/hub/x/`
    /// gets the origin, `#a` and `../x/` the page's address; URLs with a scheme stay.
    /// playhub's HTML (cmark's and its own) always quotes attributes with `"`.
    static func rewrite(_ html: String, against pageURL: String) -> String {
        guard html.contains("href=\"") || html.contains("src=\""), let base = URL(string: pageURL) else { return html }
        var result = ""
        result.reserveCapacity(html.count + 64)
        var rest = Substring(html)
        while let attribute = nextAttribute(in: rest) {
            result += rest[..<attribute.valueStart]
            let value = rest[attribute.valueStart..<attribute.valueEnd]
            result += absolute(String(value), base: base)
            rest = rest[attribute.valueEnd...]
        }
        return result + rest
    }

    private static func nextAttribute(in text: Substring) -> (valueStart: String.Index, valueEnd: String.Index)? {
        let found = [" href=\"", " src=\""].compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        guard let found, let close = text[found.upperBound...].firstIndex(of: "\"") else { return nil }
        return (found.upperBound, close)
    }

    /// The value is HTML-escaped; `&amp;` is read as `&` for resolving and written back.
    private static func absolute(_ escaped: String, base: URL) -> String {
        let value = escaped.replacingOccurrences(of: "&amp;", with: "&")
        if value.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil { return escaped }
        guard let resolved = URL(string: value, relativeTo: base)?.absoluteString else { return escaped }
        return HTML.escape(resolved)
    }
}
