import CCmark

/// GFM strikethrough (spec §6.5): `~~text~~` and `~text~` become `<del>`.
enum GFMStrikethrough {
    static func apply(to tree: MarkdownTree) {}
}
