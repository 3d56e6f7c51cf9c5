/// Escaping for the XML files (sitemap, feed): the five predefined entities.
enum XML {
    static func escape(_ text: String) -> String { HTML.escape(text).replacingOccurrences(of: "&#39;", with: "&apos;") }
}
