import Foundation

/// One content file, before anything is parsed: found by the discover stage (its size and
/// time), read by the parse stage just before it is parsed, so a build never holds the
/// bytes of every file at once.
public struct SourceFile: Sendable {
    public var kind: ContentKind
    /// Relative to the site folder, with `/` separators: `content/playbooks/growth/seo-audit.md`.
    public var path: String
    /// The file name without `.md`; validated later, since a bad one is a content error.
    public var fileStem: String
    /// Empty until the file is read (`reading()`), and again once it is parsed.
    public var data: Data
    /// Where the file is on disk, for reading it; nil for text that is not a file.
    public var absolutePath: String?
    /// True once `data` holds the file's bytes.
    public var isRead: Bool
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
        self.isRead = true
    }

    /// A file known by its size and time only, as the discover stage finds it.
    static func unread(kind: ContentKind, path: String, absolutePath: String, fileStem: String, size: Int, modified: Date) -> SourceFile {
        var file = SourceFile(kind: kind, path: path, fileStem: fileStem, data: Data(), modified: modified)
        file.size = size
        file.absolutePath = absolutePath
        file.isRead = false
        return file
    }

    /// The file with its bytes, and its size and time as they were when it was read; an
    /// error at its path when it cannot be read.
    func reading() -> Result<SourceFile, Diagnostic> {
        guard !isRead, let absolutePath else { return .success(self) }
        switch ContentScanner.readFile(absolutePath) {
        case .success(let (data, modified)):
            var file = SourceFile(kind: kind, path: path, fileStem: fileStem, data: data, modified: modified)
            file.absolutePath = absolutePath
            return .success(file)
        case .failure(let error):
            return .failure(Diagnostic(.io, at: SourceLocation(file: path), "cannot read file: \(error.message)"))
        }
    }
}
