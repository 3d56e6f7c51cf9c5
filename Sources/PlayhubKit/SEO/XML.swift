/// Escaping for the XML files (sitemap, feed): the five predefined entities.
enum XML {
    /// Escapes the five predefined entities and replaces any character XML 1.0 forbids
    /// (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) with U+FFFD. Content with
    /// such characters is an error long before it gets here; this only makes sure a feed or
    /// sitemap stays well-formed whatever arrives.
    static func escape(_ text: String) -> String {
        HTML.escape(replacingForbidden(text)).replacingOccurrences(of: "&#39;", with: "&apos;")
    }

    /// `text` with every character that is not an XML 1.0 `Char` replaced by U+FFFD.
    static func replacingForbidden(_ text: String) -> String {
        guard ForbiddenCharacter.containsXMLForbidden(text) else { return text }
        return text.replacingScalars(where: ForbiddenCharacter.isXMLForbidden)
    }
}
