import Foundation

/// Where a file's default `date` and `updated` come from when its front matter has none.
///
/// The default reads the file's modification time for both; a git-backed source can answer
/// with first and last commit dates instead.
public struct ContentDates: Sendable {
    public struct FileDates: Sendable { public var created: Day; public var updated: Day }

    /// Known dates by site-relative path; files not listed fall back to their mtime.
    public var known: [String: FileDates]

    public init(known: [String: FileDates] = [:]) { self.known = known }

    public func dates(for path: String, modified: Date) -> FileDates {
        if let dates = known[path] { return dates }
        let day = Day(modified)
        return FileDates(created: day, updated: day)
    }
}
