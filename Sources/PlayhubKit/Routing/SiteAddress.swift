/// Where site.json's `logo`, `image` and `menu` URLs and a playbook's `image` point: a path
/// under the site (`/images/logo.svg`, which gets the base path like every internal link) or
/// an absolute http(s) URL (a CDN, another site), kept as written.
enum SiteAddress {
    /// A path starting with one `/`, or an http(s) URL; never blank or holding spaces, which
    /// no browser reads as the same address in every attribute.
    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        if isAbsolute(text) { return text.count > (text.hasPrefix("https://") ? 8 : 7) }
        return text.hasPrefix("/") && !text.hasPrefix("//")
    }

    static func isAbsolute(_ text: String) -> Bool { text.hasPrefix("https://") || text.hasPrefix("http://") }

    /// For `href` and `src` in pages: `/hub/images/logo.svg` under `https://host/hub/`.
    static func link(_ text: String, links: LinkBuilder) -> String {
        isAbsolute(text) ? text : links.link(text)
    }

    /// For Open Graph and JSON-LD, which need absolute URLs.
    static func absolute(_ text: String, links: LinkBuilder) -> String {
        isAbsolute(text) ? text : links.origin + links.link(text)
    }

    /// The message for a value that is neither.
    static func problem(_ subject: String, _ value: String) -> String {
        "\(subject) must be a path under the site starting with '/' or an http(s) URL, not '\(value)'"
    }
}
