import Foundation

/// One content file as read from disk, before anything is parsed.
public struct SourceFile: Sendable {
    public var kind: ContentKind
    /// Relative to the site folder, with `/` separators: `content/playbooks/growth/seo-audit.md`.
    public var path: String
    /// The file name without `.md`; validated later, since a bad one is a content error.
    public var fileStem: String
    /// Empty when the file was not read because the build cache holds its parse.
    public var data: Data
    /// The size on disk, in bytes.
    public var size: Int
    public var modified: Date

    public init(kind: ContentKind, path: String, fileStem: String, data: Data, modified: Date) {
        self.kind = kind
        self.path = path
        self.fileStem = fileStem
        self.data = data
        self.size = data.count
        self.modified = modified
    }

    /// A file known by its size and time only: its parse comes from the build cache.
    static func unread(kind: ContentKind, path: String, fileStem: String, size: Int, modified: Date) -> SourceFile {
        var file = SourceFile(kind: kind, path: path, fileStem: fileStem, data: Data(), modified: modified)
        file.size = size
        return file
    }
}
