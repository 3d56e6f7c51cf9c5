import CCmark

/// GFM extended autolinks (spec §6.9): `www.`, `http://`, `https://` and e-mail addresses in text become links.
enum GFMAutolink {
    static func apply(to tree: MarkdownTree) {}
}
