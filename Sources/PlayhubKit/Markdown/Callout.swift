import CCmark

/// Call-outs: GitHub's alerts (`> [!NOTE]` …) and MkDocs admonitions (`!!! tip "Title"`)
/// become labelled asides.
enum Callout {
    static func apply(to tree: MarkdownTree) {}
}
