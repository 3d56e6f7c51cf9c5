import Foundation

/// Stage 8, write: puts the built files into the output folder, and takes out only what an
/// earlier build of the same site wrote there (`OutputManifest`).
///
/// It works in three steps, so a failure never leaves half a site:
/// 1. check: every file's place is looked at first; something not made by playhub in the way
///    of a page (a folder of someone's files where a page goes, a file where a folder of pages
///    goes) is reported, all of them, before anything is written;
/// 2. stage: the files whose bytes changed are written into `.playhub-staging/` inside the
///    output folder; when one cannot be written (disk full, permissions, a name too long) the
///    staging folder goes and the previous site is untouched;
/// 3. commit: the staged files are renamed into place, files of the last build that this one
///    no longer makes are removed (only when still exactly as playhub left them), and the
///    manifest is written.
///
/// Unchanged files are left alone (their mtime stays, so rsync and CDNs see no change).
/// Links in the output are never followed: one where a file or folder goes is replaced.
/// The caller holds the folder's `OutputLock`.
public enum OutputWriter {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// Files in the folder that playhub did not write and left as they were.
        public var foreign = 0
        /// Files removed because `--clean` asked for it.
        public var cleaned = 0
        /// Output paths where a file not made by playhub was replaced by this build's file.
        public var replaced: [String] = []
        /// The site that wrote the folder's manifest when it is not this one: its files are
        /// not this site's to remove.
        public var previousSite: String?
        /// Every file this build made, as it is now (for the manifest and the build cache).
        var stamps: [String: OutputStamp] = [:]

        public init(written: Int = 0, unchanged: Int = 0, removed: Int = 0) {
            self.written = written
            self.unchanged = unchanged
            self.removed = removed
        }

        /// Reports are compared by their counts.
        public static func == (a: Report, b: Report) -> Bool {
            (a.written, a.unchanged, a.removed, a.foreign, a.cleaned, a.replaced)
                == (b.written, b.unchanged, b.removed, b.foreign, b.cleaned, b.replaced)
        }
    }

    /// A path that could not be written, and why (`No space left on device`).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var cause: String
        /// How many more files failed the same way.
        public var more = 0

        public var description: String {
            "cannot write \(path)\(more > 0 ? " (and \(more) more file\(more == 1 ? "" : "s"))" : ""): \(cause)"
        }
    }

    /// Everything that stopped a write, each with its path.
    public struct Failures: Error, Sendable { public var items: [Failure] }

    /// What the build is writing: the whole site, or (after a body-only edit) some files over
    /// a folder that holds the rest, as the last build's `stamps` describe it.
    enum Scope {
        case complete(clean: Bool)
        /// `recount`: folders changed since the last build, so count the files not made by
        /// playhub again; otherwise there are still `foreign` of them.
        case partial(stamps: [String: OutputStamp], recount: Bool, foreign: Int)
    }

    static let stagingName = ".playhub-staging"

    /// Makes the output folder hold exactly `files` of this site, plus whatever others put there.
    public static func commit(_ files: [OutputFile], to output: URL, site: URL, jobs: Int, clean: Bool = false) throws -> Report {
        try commit(files, to: output, site: site, scope: .complete(clean: clean), jobs: jobs)
    }

    static func commit(_ files: [OutputFile], to output: URL, site: URL, scope: Scope, jobs: Int) throws -> Report {
        let staging = try OutputStaging(paths: files.map(\.path), output: output, site: site, jobs: jobs)
        _ = Parallel.map(files, jobs: jobs) { staging.put($0.path, $0.data) }
        return try staging.commit(scope: scope, jobs: jobs)
    }

    // MARK: - Steps

    /// Writes one file's bytes to a new name in the staging folder; its stamp, or the cause
    /// of the failure. The name is created exclusively, so nothing planted there is followed.
    static func stage(_ data: Data, at path: String) -> Result<OutputStamp, Cause> {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failure(Cause(errnoText())) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        var info = stat()
        let failure = written && fstat(fd, &info) == 0 ? nil : errnoText()
        // close can report a delayed write error (NFS, quota): it counts too
        let closed = close(fd) == 0
        if let failure { return .failure(Cause(failure)) }
        guard closed else { return .failure(Cause(errnoText())) }
        return .success(OutputStamp(info))
    }

    /// Removes the files the last build wrote that this one does not make, when each is still
    /// as that build left it (a file changed by hand stays), then the folders they leave empty.
    static func removeStale(_ owned: [String: OutputStamp], keeping made: [String: OutputStamp], in root: String) -> Int {
        var removed = 0
        var emptied = Set<String>()
        for (path, stamp) in owned where made[path] == nil {
            guard OutputPlan.isRealFolderChain(path, in: root), OutputStamp.of(root + "/" + path) == stamp,
                  unlink(root + "/" + path) == 0 else { continue }
            removed += 1
            emptied.formUnion(OutputFolders.holding([path]))
        }
        // Deepest first; rmdir takes only empty folders, so anything someone put there keeps its folder.
        for folder in emptied.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
        return removed
    }

    /// Writes the manifest by rename, unless its bytes are already there.
    static func saveManifest(_ manifest: OutputManifest, previous: OutputManifest?, in root: String) throws {
        guard manifest != previous else { return }
        let target = root + "/" + OutputManifest.fileName, temporary = target + ".tmp"
        unlink(temporary)
        switch stage(manifest.data, at: temporary) {
        case .failure(let cause): throw Failures(items: [Failure(path: target, cause: cause.text)])
        case .success: guard rename(temporary, target) == 0 else { throw Failures(items: [Failure(path: target, cause: errnoText())]) }
        }
    }

    /// One failure per cause, naming its first path and how many more failed alike: a full
    /// disk fails every file after the first, and one line says so.
    static func summarise(_ failures: [Failure]) -> [Failure] {
        var byCause: [String: Failure] = [:]
        for failure in failures.sorted(by: { $0.path < $1.path }) {
            if byCause[failure.cause] == nil { byCause[failure.cause] = failure } else { byCause[failure.cause]!.more += 1 }
        }
        return byCause.values.sorted { $0.path < $1.path }
    }

    /// Why a system call failed, as strerror(3) says it.
    struct Cause: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// The cause inside a Foundation error (`No space left on device`), not its wrapper.
    static func cause(of error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return errnoText(Int32(underlying.code))
        }
        if ns.domain == NSPOSIXErrorDomain { return errnoText(Int32(ns.code)) }
        return ns.localizedDescription
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
}

extension OutputWriter {
    /// A write failure as the build reports it: one error per cause, with the path (relative
    /// to the site folder when inside it), and the promise the staged write keeps.
    /// `firstBuild`: the folder was made by this build, so there was no previous site to keep.
    static func diagnostics(for error: Error, siteDir: URL, firstBuild: Bool = false) -> [Diagnostic] {
        let site = ContentScanner.realPath(siteDir.standardizedFileURL.path) ?? siteDir.standardizedFileURL.path
        let failures = (error as? Failures)?.items ?? [Failure(path: "the output folder", cause: cause(of: error))]
        return failures.map { failure in
            var shown = failure
            if shown.path.hasPrefix(site + "/") { shown.path = String(shown.path.dropFirst(site.count + 1)) }
            return Diagnostic(.writeFailed, at: nil, shown.description,
                              hint: firstBuild ? "nothing was left in the output folder" : "the previous site in the output folder was left as it was")
        }
    }
}
