import Foundation

/// One content file as read from disk, before anything is parsed.
public struct SourceFile: Sendable {
    public var kind: ContentKind
    /// Relative to the site folder, with `/` separators: `content/playbooks/growth/seo-audit.md`.
    public var path: String
    /// The file name without `.md`; validated later, since a bad one is a content error.
    public var fileStem: String
    public var data: Data
    public var modified: Date

    public init(kind: ContentKind, path: String, fileStem: String, data: Data, modified: Date) {
        self.kind = kind
        self.path = path
        self.fileStem = fileStem
        self.data = data
        self.modified = modified
    }
}
