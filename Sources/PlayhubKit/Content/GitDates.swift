import Foundation

/// Honest default dates from git (SPEC §1 `date`/`updated`): a file's first and last commit,
/// read in one pass over the history rather than one `git` process per file.
///
/// Committer dates are used, not author dates, which rebases and amends carry over from
/// the original work. A file with uncommitted changes was updated when it was last saved,
/// so it keeps its modification time as `updated`; files git does not track, and sites that
/// are not in git, fall back to modification times entirely (see `ContentDates`).
public enum GitDates {
    /// Dates for every committed file under `contentDir`, keyed by site-relative path
    /// (`content/playbooks/x.md`). Empty when git is missing or the site is not in a repository.
    public static func load(siteDir: URL, contentDir: String) -> ContentDates {
        guard let log = git(["log", "--no-renames", "--format=%x00%ct", "--name-only", "--relative", "--", contentDir], in: siteDir) else {
            return ContentDates()
        }
        // Newest commit first: the first time a path appears is its last change, the last
        // time is its first commit.
        var known: [String: ContentDates.FileDates] = [:]
        var commitDay: Day?
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\0" {
                commitDay = Double(line.dropFirst()).map { Day(Date(timeIntervalSince1970: $0)) }
                continue
            }
            guard let day = commitDay else { continue }
            let path = String(line)
            if let dates = known[path] {
                known[path] = ContentDates.FileDates(created: min(day, dates.created), updated: dates.updated)
            } else {
                known[path] = ContentDates.FileDates(created: day, updated: day)
            }
        }
        var dates = ContentDates(known: known)
        // Files edited since their last commit: their `updated` is their modification time.
        if let status = git(["status", "--porcelain", "--untracked-files=no", "-z", "--", contentDir], in: siteDir) {
            for entry in status.split(separator: "\0") where entry.count > 3 {
                dates.modifiedSinceCommit.insert(String(entry.dropFirst(3)))
            }
        }
        return dates
    }

    /// Runs git and returns its output, or nil when git fails (not installed, not a repository).
    static func git(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path, "-c", "core.quotepath=off"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
