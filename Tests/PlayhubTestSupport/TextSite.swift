/// Sites written as text for tests, in the hugo-style format both end-to-end and server
/// tests use:
///
///     -- site.json --
///     {"title": "Hub", "baseURL": "https://example.org/"}
///     -- content/tags/seo.md --
///     ...
public enum TextSite {
    /// Splits `-- path --` sections into path → text; a section's text runs to the next marker
    /// and ends with one newline.
    public static func parse(_ text: String) -> [String: String] {
        var files: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        func flush() { if let current { files[current] = lines.joined(separator: "\n") + "\n" } }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        flush()
        return files
    }
}
