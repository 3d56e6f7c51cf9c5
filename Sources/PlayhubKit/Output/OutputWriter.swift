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
        /// Every file of the output folder as it is now (for the build cache).
        var stamps: [String: OutputStamp] = [:]

        /// Reports are compared by their counts.
        public static func == (a: Report, b: Report) -> Bool {
            (a.written, a.unchanged, a.removed) == (b.written, b.unchanged, b.removed)
        }
    }

    /// Makes the output folder hold exactly `files`.
    public static func commit(_ files: [OutputFile], to output: URL, jobs: Int) throws -> Report {
        let root = try prepare(output)
        var report = try write(files, in: root, jobs: jobs)
        report.removed = try removeStale(in: root, keeping: Set(files.map(\.path)))
        return report
    }

    /// Writes `files` over an output folder that holds the rest of the site already, as
    /// `stamps` (the last build's) describe it; nothing is removed.
    static func update(_ files: [OutputFile], to output: URL, stamps: [String: OutputStamp], jobs: Int) throws -> Report {
        let root = try prepare(output)
        var report = try write(files, in: root, jobs: jobs)
        let rewritten = files.count { stamps[$0.path] != nil }
        report.unchanged += stamps.count - rewritten
        report.stamps.merge(stamps) { new, _ in new }
        return report
    }

    private static func prepare(_ output: URL) throws -> URL {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        return output.standardizedFileURL.resolvingSymlinksInPath()
    }

    private static func write(_ files: [OutputFile], in root: URL, jobs: Int) throws -> Report {
        // Create folders first, one thread, so parallel writers never race on mkdir.
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        try ensureFolders(Array(folders), inside: root)
        let outcomes = Parallel.map(files, jobs: jobs) { file -> Result<(Bool, OutputStamp), Error> in
            Result { try write(file, in: root) }
        }
        var report = Report()
        report.stamps.reserveCapacity(files.count)
        for (file, outcome) in zip(files, outcomes) {
            let (written, stamp) = try outcome.get()
            if written { report.written += 1 } else { report.unchanged += 1 }
            report.stamps[file.path] = stamp
        }
        return report
    }

    /// Writes one file unless its bytes are already there. Returns true when written, and
    /// the file's stamp either way.
    /// Only a regular file counts as "already there": a symlink is never read through, it is
    /// replaced. The temporary file is created exclusively (`O_EXCL | O_NOFOLLOW`) after
    /// clearing its name, so a link planted there is never written through either. Plain
    /// POSIX calls keep this cheap for tens of thousands of files.
    static func write(_ file: OutputFile, in root: URL) throws -> (Bool, OutputStamp) {
        let target = root.path + "/" + file.path
        var info = stat()
        if lstat(target, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFREG, Int(info.st_size) == file.data.count, contentsEqual(target, file.data) { return (false, OutputStamp(info)) }
            // A folder left where a file now goes (a page that became a file) is stale: clear it.
            if type == S_IFDIR { try FileManager.default.removeItem(atPath: target) }
        }
        let slash = target.lastIndex(of: "/")!
        let temporary = String(target[...slash]) + "." + target[target.index(after: slash)...] + ".playhub-tmp"
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST { // left by an interrupted build, or planted: clear it, never follow it
            unlink(temporary)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw posixError(errno, temporary) }
        let written = file.data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        let code = errno
        let stamped = fstat(fd, &info) == 0
        close(fd)
        guard written, stamped, rename(temporary, target) == 0 else {
            let failure = written && stamped ? errno : code
            unlink(temporary)
            throw posixError(failure, target)
        }
        return (true, OutputStamp(info)) // rename keeps the inode and the time
    }

    /// True when the regular file at `path` holds exactly `data`.
    static func contentsEqual(_ path: String, _ data: Data) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var offset = 0
        return data.withUnsafeBytes { expected -> Bool in
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { return offset == expected.count }
                guard offset + n <= expected.count, memcmp(buffer, expected.baseAddress! + offset, n) == 0 else { return false }
                offset += n
            }
        }
    }

    static func posixError(_ code: Int32, _ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                 NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
    }

    /// Makes each folder a real directory inside `root`, parents first; a file or a symlink
    /// in the way is replaced, never followed, so nothing is written outside the output folder.
    static func ensureFolders(_ folders: [String], inside root: URL) throws {
        var ready = Set<String>()
        for folder in folders.sorted() {
            var current = ""
            for component in folder.split(separator: "/") {
                current += current.isEmpty ? String(component) : "/" + component
                guard ready.insert(current).inserted else { continue }
                let path = root.path + "/" + current
                var info = stat()
                if lstat(path, &info) == 0 {
                    if info.st_mode & S_IFMT == S_IFDIR { continue }
                    try FileManager.default.removeItem(atPath: path)
                }
                guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw posixError(errno, path) }
            }
        }
    }

    /// Removes files (and then empty folders) that are not in `wanted`, without following links.
    static func removeStale(in root: URL, keeping wanted: Set<String>) throws -> Int {
        let fm = FileManager.default
        var removed = 0
        func walk(_ folder: String, prefix: String) throws -> Bool { // true when the folder is now empty
            var empty = true
            for name in try fm.contentsOfDirectory(atPath: folder).sorted() {
                let path = folder + "/" + name
                let relative = prefix + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    if try walk(path, prefix: relative + "/") { try fm.removeItem(atPath: path) } else { empty = false }
                } else if wanted.contains(relative) {
                    empty = false
                } else {
                    guard unlink(path) == 0 else { throw posixError(errno, path) }
                    if !name.hasSuffix(".playhub-tmp") { removed += 1 }
                }
            }
            return empty
        }
        _ = try walk(root.path, prefix: "")
        return removed
    }
}
