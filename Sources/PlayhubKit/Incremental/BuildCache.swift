import Foundation

/// What one build can reuse from the last: the last build's `BuildSnapshot` (its inputs,
/// the key of every page it rendered, and for a body-only edit the resolved site), and in a
/// long-running `serve` also parsed documents by file. `playhub build` keeps the snapshot on
/// disk between runs (`CacheStore`); `serve` keeps everything in memory. Reuse is decided by
/// comparing inputs (`PageInputs`), never by guessing what an edit affects, so a cached
/// rebuild writes exactly what a clean build would.
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

    /// The last successful build's snapshot, when it is kept in memory (`serve`).
    var snapshot: BuildSnapshot?

    /// How many documents the last build took from the cache (for tests and the serve log).
    public private(set) var reusedDocuments = 0

    /// True for `serve`'s cache, which keeps parsed documents and its snapshot in memory;
    /// `playhub build` keeps only the snapshot, on disk.
    let inMemory: Bool

    public init() { inMemory = true }

    /// The cache of `playhub build`: its snapshot is read from and written to disk.
    static func forDisk() -> BuildCache { BuildCache(inMemory: false) }

    private init(inMemory: Bool) { self.inMemory = inMemory }

    /// Keeps `snapshot` for the next build: in memory (`serve`), or on disk, where the graph
    /// file is rewritten only when `graphUnchanged` is false.
    func keep(_ snapshot: BuildSnapshot, graphUnchanged: Bool, siteDir: URL, output: URL) {
        if inMemory {
            self.snapshot = snapshot
        } else {
            CacheStore.save(snapshot, graphUnchanged: graphUnchanged, siteDir: siteDir, output: output)
        }
    }

    // MARK: - Parsed documents

    /// The cached parse of the file at `path` when its size and modification time are unchanged.
    func parsed(_ path: String, size: Int, modified: Date, options: MarkdownOptions) -> ParsedEntry? {
        lock.lock(); defer { lock.unlock() }
        guard parsedWith == options, let entry = parsed[path], entry.size == size, entry.modified == modified else { return nil }
        return entry
    }

    /// Records this build's parses: `results` holds the files parsed anew, `reusedPaths`
    /// the files taken from the cache, which keep their entries; any other file is dropped.
    func storeParsed(_ results: [(SourceFile, ParsedDocument?, [Diagnostic])], reusedPaths: [String], options: MarkdownOptions) {
        lock.lock(); defer { lock.unlock() }
        parsedWith = options
        var next: [String: ParsedEntry] = [:]
        next.reserveCapacity(results.count + reusedPaths.count)
        for path in reusedPaths { next[path] = parsed[path] }
        for (file, document, diagnostics) in results {
            next[file.path] = ParsedEntry(size: file.size, modified: file.modified, document: document, diagnostics: diagnostics)
        }
        parsed = next
        reusedDocuments = reusedPaths.count
    }
}
