extension SiteConfig {
    /// The keys of one `menu` entry.
    static let menuEntryKeys = ["title", "url"]

    /// site.json `logo`, `image` and `menu`: what the header and the share metadata show.
    /// Each problem is reported at the line of its key (entries of `menu` are named by
    /// position, `menu[2].url`), and a key with a problem is left at its default.
    static func parseBranding(_ values: [String: JSONValue], into config: inout SiteConfig,
                              problem: (_ key: String, _ message: String, _ hint: String?) -> Void,
                              checkCharacters: (_ subject: String, _ text: String, _ key: String) -> Void) {
        for (key, example) in [("logo", "/images/logo.svg"), ("image", "/images/share.png")] {
            guard let value = values[key] else { continue }
            guard case .string(let text) = value else { problem(key, "'\(key)' must be a string", "e.g. \"\(key)\": \"\(example)\""); continue }
            guard SiteAddress.isValid(text) else {
                problem(key, SiteAddress.problem("'\(key)'", text), "e.g. \"\(key)\": \"\(example)\""); continue
            }
            if key == "logo" { config.logo = text } else { config.image = text }
        }
        guard let value = values["menu"] else { return }
        let menuHint = "e.g. \"menu\": [{\"title\": \"Guides\", \"url\": \"/categories/guides/\"}]"
        guard case .array(let items) = value else {
            problem("menu", "'menu' must be a list of {\"title\": …, \"url\": …} entries", menuHint); return
        }
        var entries: [MenuEntry] = []
        for (index, item) in items.enumerated() {
            let name = "menu[\(index)]"
            guard case .object(let fields) = item else {
                problem("menu", "\(name) must be an object with a \"title\" and a \"url\"", menuHint); continue
            }
            for key in fields.keys.sorted() where !menuEntryKeys.contains(key) {
                problem("menu", "unknown key '\(key)' in \(name)",
                        DidYouMean.hint(for: key, in: menuEntryKeys) ?? "a menu entry takes \"title\" and \"url\"")
            }
            var title: String?, url: String?
            if case .string(let text)? = fields["title"], !text.trimmed.isEmpty {
                checkCharacters("\(name).title", text, "menu")
                title = text.trimmed
            } else {
                problem("menu", "\(name).title must be a non-empty string", "e.g. \"title\": \"Guides\"")
            }
            if case .string(let text)? = fields["url"], SiteAddress.isValid(text) {
                url = text
            } else if case .string(let text)? = fields["url"] {
                problem("menu", SiteAddress.problem("\(name).url", text), "e.g. \"url\": \"/categories/guides/\"")
            } else {
                problem("menu", "\(name).url must be a string", "e.g. \"url\": \"/categories/guides/\"")
            }
            if let title, let url { entries.append(MenuEntry(title: title, url: url)) }
        }
        config.menu = entries
    }
}
