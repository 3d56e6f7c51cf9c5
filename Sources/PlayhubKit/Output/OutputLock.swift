import Foundation

/// Holds an output folder for one build, so two builds never mix their files in it: an
/// exclusive `flock(2)` on the folder itself, taken before the build reads anything of the
/// folder and released when the build is done. A second build refuses at once and names the
/// process that holds the lock (found in `/proc/locks`), as `hugo` does with its lock file,
/// but without leaving a lock file in the folder to be deployed.
final class OutputLock: @unchecked Sendable {
    private let descriptor: Int32
    /// The folder, absolute and with links resolved.
    let root: String
    /// True when this build made the folder: a failed build removes it again if still empty,
    /// so "nothing is written" holds even for a first build.
    let created: Bool

    struct Busy: Error { let pid: Int32? }

    private init(descriptor: Int32, root: String, created: Bool) {
        self.descriptor = descriptor
        self.root = root
        self.created = created
    }

    /// Makes the folder if needed and locks it; throws `Busy` when another build holds it, or
    /// `OutputWriter.Failures` when it cannot be made or opened.
    static func acquire(_ output: URL) throws -> OutputLock {
        let path = output.standardizedFileURL.path
        var info = stat()
        let existed = stat(path, &info) == 0
        if !existed {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw OutputWriter.Failures(items: [.init(path: path, cause: OutputWriter.cause(of: error))])
            }
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputWriter.Failures(items: [.init(path: path, cause: OutputWriter.errnoText())]) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            var held = stat()
            let inode = fstat(fd, &held) == 0 ? UInt64(held.st_ino) : 0
            close(fd)
            if code == EWOULDBLOCK { throw Busy(pid: holder(ofInode: inode)) }
            throw OutputWriter.Failures(items: [.init(path: path, cause: OutputWriter.errnoText(code))])
        }
        return OutputLock(descriptor: fd, root: ContentScanner.realPath(path) ?? path, created: !existed)
    }

    /// After a failed build: the folder this build made goes again when nothing is in it.
    func discardIfCreated() {
        if created { rmdir(root) }
    }

    deinit { close(descriptor) } // closing the last descriptor releases the lock

    /// The process holding a `flock` on the file with this inode, from `/proc/locks` lines
    /// such as `1: FLOCK  ADVISORY  WRITE 4242 fd:01:1234567 0 EOF`.
    static func holder(ofInode inode: UInt64) -> Int32? {
        // A /proc file has no size: read it to its end.
        guard let data = FileHandle(forReadingAtPath: "/proc/locks")?.readDataToEndOfFile() else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]),
                  fields[5].split(separator: ":").last.flatMap({ UInt64($0) }) == inode else { continue }
            return pid
        }
        return nil
    }
}

extension OutputLock {
    /// The lock for a build, or the diagnostics that say why it cannot be had: another build
    /// holds the folder, the folder cannot be made, or `--clean` was asked for a folder that
    /// holds a repository or a hub.
    static func hold(_ output: URL, siteDir: URL, clean: Bool) -> Result<OutputLock, Diagnostics> {
        let shown = output.standardizedFileURL.path
        do {
            let lock = try acquire(output)
            if clean, let protected = OutputSweep.protectedEntry(in: lock.root) {
                lock.discardIfCreated()
                return .failure(Diagnostics([Diagnostic(.unsafeOutput, at: nil,
                    "refusing to clean output folder '\(shown)': it holds \(protected)",
                    hint: "--clean removes every file playhub did not write; run the build without it")]))
            }
            return .success(lock)
        } catch let busy as Busy {
            let who = busy.pid.map { "another playhub build (pid \($0))" } ?? "another playhub build"
            return .failure(Diagnostics([Diagnostic(.outputLocked, at: nil, "\(who) is writing to '\(shown)'",
                hint: "wait for it to finish, or build into another folder with --output")]))
        } catch {
            return .failure(Diagnostics(OutputWriter.diagnostics(for: error, siteDir: siteDir)))
        }
    }
}
