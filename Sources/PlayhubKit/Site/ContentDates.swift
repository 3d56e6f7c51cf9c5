import Foundation

/// Where a file's default `date` and `updated` come from when its front matter has none:
/// its first and last commit when git knows it (`GitDates`), else its modification time.
public struct ContentDates: Sendable {
    public struct FileDates: Sendable, Equatable {
        public var created: Day
        public var updated: Day
        public init(created: Day, updated: Day) { self.created = created; self.updated = updated }
    }

    /// Committed files by site-relative path.
    public var known: [String: FileDates]
    /// Committed files with uncommitted edits: `updated` is their modification time.
    public var modifiedSinceCommit: Set<String> = []

    public init(known: [String: FileDates] = [:]) { self.known = known }

    public func dates(for path: String, modified: Date) -> FileDates {
        let saved = Day(modified)
        guard let committed = known[path] else { return FileDates(created: saved, updated: saved) }
        if modifiedSinceCommit.contains(path) { return FileDates(created: committed.created, updated: max(saved, committed.created)) }
        return committed
    }
}
