import Foundation

/// Stage 8, write: makes the output folder hold exactly the built files.
///
/// Files whose bytes are unchanged are left alone (their mtime stays, so rsync and CDNs see
/// no change); changed files are written to a temporary name in the same folder and renamed,
/// so a reader never sees half a file; files no build produced any more are removed.
public enum OutputWriter {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public static func commit(_ files: [OutputFile], to output: URL, jobs: Int) throws -> Report {
        let fm = FileManager.default
        try fm.createDirectory(at: output, withIntermediateDirectories: true)
        let root = output.standardizedFileURL.resolvingSymlinksInPath()
        let wanted = Set(files.map(\.path))

        // Create folders first, one thread, so parallel writers never race on mkdir.
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for folder in folders.sorted() {
            try ensureFolder(root.appendingPathComponent(folder), inside: root)
        }
        let outcomes = Parallel.map(files, jobs: jobs) { file -> Result<Bool, Error> in
            Result { try write(file, in: root) }
        }
        var report = Report()
        for outcome in outcomes {
            if try outcome.get() { report.written += 1 } else { report.unchanged += 1 }
        }
        report.removed = try removeStale(in: root, keeping: wanted)
        return report
    }

    /// Writes one file unless its bytes are already there. Returns true when written.
    /// Only a regular file counts as "already there": a symlink is never read through, it is
    /// replaced. The temporary file is created exclusively after clearing its name, so a link
    /// planted there is never written through either.
    static func write(_ file: OutputFile, in root: URL) throws -> Bool {
        let target = root.appendingPathComponent(file.path)
        let type = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.type] as? FileAttributeType
        let isRegularFile = type == .typeRegular
        // A folder left where a file now goes (a page that became a file) is stale: clear it.
        if type == .typeDirectory { try FileManager.default.removeItem(at: target) }
        if isRegularFile, let existing = try? Data(contentsOf: target, options: .alwaysMapped), existing == file.data { return false }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).playhub-tmp")
        try? FileManager.default.removeItem(at: temporary)
        try file.data.write(to: temporary, options: .withoutOverwriting)
        if rename(temporary.path, target.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
        }
        return true
    }

    /// Makes `folder` a real directory inside `root`; a symlink in the way is replaced, never
    /// followed, so nothing is written outside the output folder.
    static func ensureFolder(_ folder: URL, inside root: URL) throws {
        let fm = FileManager.default
        var current = root
        for component in folder.path.dropFirst(root.path.count).split(separator: "/") {
            current = current.appendingPathComponent(String(component))
            if let attributes = try? fm.attributesOfItem(atPath: current.path) {
                let type = attributes[.type] as? FileAttributeType
                if type == .typeDirectory { continue }
                try fm.removeItem(at: current) // a file or a symlink where a folder must be
            }
            try fm.createDirectory(at: current, withIntermediateDirectories: false)
        }
    }

    /// Removes files (and then empty folders) that are not in `wanted`, without following links.
    static func removeStale(in root: URL, keeping wanted: Set<String>) throws -> Int {
        let fm = FileManager.default
        var removed = 0
        func walk(_ folder: URL, prefix: String) throws -> Bool { // returns true when folder is now empty
            var empty = true
            for name in try fm.contentsOfDirectory(atPath: folder.path).sorted() {
                let url = folder.appendingPathComponent(name)
                let relative = prefix + name
                let type = (try? fm.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    if try walk(url, prefix: relative + "/") { try fm.removeItem(at: url) } else { empty = false }
                } else if wanted.contains(relative) {
                    empty = false
                } else {
                    try fm.removeItem(at: url)
                    if !name.hasSuffix(".playhub-tmp") { removed += 1 }
                }
            }
            return empty
        }
        _ = try walk(root, prefix: "")
        return removed
    }
}
