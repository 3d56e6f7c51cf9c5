import Foundation

/// What one build can reuse from the last, kept in memory by a long-running process
/// (`playhub serve`): parsed documents by file, and each page's output by the data it was
/// rendered from. Reuse is decided by comparing inputs, never by guessing what an edit
/// affects, so a cached rebuild writes exactly what a clean build would.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()

    /// A content file as last parsed: its size and modification time, and the result.
    struct ParsedEntry {
        let size: Int
        let modified: Date
        let document: ParsedDocument?
        let diagnostics: [Diagnostic]
    }
    private var parsed: [String: ParsedEntry] = [:]
    private var parsedWith: MarkdownOptions?

    /// A page as last rendered: the fingerprint of its template data and its bytes.
    struct RenderedEntry {
        let fingerprint: Int
        let data: Data
    }
    private var rendered: [String: RenderedEntry] = [:]

    /// How many documents and pages the last build took from the cache (for tests and
    /// the serve log).
    public private(set) var lastReuse = (documents: 0, pages: 0)

    public init() {}

    // MARK: - Parsed documents

    /// The cached parse of `file` when its size and modification time are unchanged.
    func parsed(_ file: SourceFile, options: MarkdownOptions) -> ParsedEntry? {
        lock.lock(); defer { lock.unlock() }
        guard parsedWith == options, let entry = parsed[file.path],
              entry.size == file.data.count, entry.modified == file.modified else { return nil }
        return entry
    }

    func storeParsed(_ results: [(SourceFile, ParsedDocument?, [Diagnostic])], options: MarkdownOptions, reused: Int) {
        lock.lock(); defer { lock.unlock() }
        parsedWith = options
        var next: [String: ParsedEntry] = [:]
        for (file, document, diagnostics) in results {
            next[file.path] = ParsedEntry(size: file.data.count, modified: file.modified, document: document, diagnostics: diagnostics)
        }
        parsed = next // files that disappeared are dropped
        lastReuse.documents = reused
    }

    // MARK: - Rendered pages

    func rendered(_ path: String, fingerprint: Int) -> Data? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = rendered[path], entry.fingerprint == fingerprint else { return nil }
        return entry.data
    }

    func storeRendered(_ entries: [String: (fingerprint: Int, data: Data)], reused: Int) {
        lock.lock(); defer { lock.unlock() }
        rendered = entries.mapValues { RenderedEntry(fingerprint: $0.fingerprint, data: $0.data) }
        lastReuse.pages = reused
    }
}
