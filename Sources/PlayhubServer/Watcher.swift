import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's sources with Linux inotify and reports debounced `ChangeBatch`es.
///
/// One thread owns the inotify descriptor and every watch: it waits in `poll` (100 ms at a
/// time, so `stop()` returns promptly and leaves no thread behind), reads the events, adds
/// watches for folders created later, and closes a batch once no event came for `quiet`
/// (or after `maxWait` of continuous events). The site folder itself is watched alone, for
/// `site.json` and for the watched folders appearing; each watched folder recursively.
public final class Watcher: @unchecked Sendable {
    // @unchecked: everything below `// Owned by the watcher thread` is touched by `start()`
    // before the thread exists and then by that thread alone; the rest is locked or immutable.

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Batches, in order. Finishes when the watcher stops.
    public let changes: AsyncStream<ChangeBatch>
    private let continuation: AsyncStream<ChangeBatch>.Continuation
    private let quiet: Duration
    private let maxWait: Duration
    private let report: @Sendable (String) -> Void
    private let requestedTargets = Locked<WatchTargets?>(nil)
    private let lifecycle = Locked((started: false, stopping: false))
    private let exited = DispatchSemaphore(value: 0)

    // Owned by the watcher thread
    private var fd: Int32 = -1
    private var targets: WatchTargets?
    private var watches: [Int32: Watch] = [:]
    private var pending = Set<String>()
    private var firstEvent: ContinuousClock.Instant?
    private var lastEvent: ContinuousClock.Instant?
    private var needsResync = false

    /// - Parameters:
    ///   - quiet: how long the folders must stay still before a batch is reported.
    ///   - maxWait: the longest a batch waits while events keep coming.
    ///   - report: where problems go (a folder that cannot be watched); the server prints them.
    public init(quiet: Duration = .milliseconds(150), maxWait: Duration = .seconds(1),
                report: @escaping @Sendable (String) -> Void = { _ in }) {
        (changes, continuation) = AsyncStream.makeStream(of: ChangeBatch.self, bufferingPolicy: .unbounded)
        self.quiet = quiet
        self.maxWait = maxWait
        self.report = report
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Adds every watch for `targets` (before returning, so no change made after this call
    /// is missed) and starts the thread.
    public func start(_ targets: WatchTargets) throws {
        #if os(Linux)
        try lifecycle.withLock { state in
            guard !state.started else { throw Failure(description: "the watcher is already running") }
            state.started = true
        }
        fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard fd >= 0 else {
            throw Failure(description: "inotify is not available (\(String(cString: strerror(errno))))")
        }
        self.targets = targets
        addAll()
        let thread = Thread { [self] in self.loop() }
        thread.name = "playhub-watcher"
        thread.start()
        #else
        throw Failure(description: "watching files needs Linux inotify; rebuild by restarting playhub serve")
        #endif
    }

    /// Watch these targets from now on (after a build changed the content folder or theme).
    public func retarget(_ targets: WatchTargets) {
        requestedTargets.withLock { $0 = targets }
    }

    /// Stops the thread (within about 100 ms), closes inotify and finishes `changes`.
    public func stop() {
        let running = lifecycle.withLock { state -> Bool in
            defer { state.stopping = true }
            return state.started && !state.stopping
        }
        if running { _ = exited.wait(timeout: .now() + .seconds(5)) }
        continuation.finish()
    }

    // MARK: - The thread

    private func loop() {
        defer { exited.signal() }
        #if os(Linux)
        while !lifecycle.current.stopping {
            if let next = requestedTargets.withLock({ requested -> WatchTargets? in
                defer { requested = nil }
                return requested
            }), next != targets {
                removeAll()
                targets = next
                addAll()
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, pollTimeout()) > 0 { drain() }
            if needsResync {
                needsResync = false
                addAll()
            }
            flushIfQuiet()
        }
        #endif
    }

    /// 100 ms when idle; otherwise until the pending batch is due.
    private func pollTimeout() -> Int32 {
        guard let due = dueTime() else { return 100 }
        let left = ContinuousClock.now.duration(to: due)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(min(100, seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
    }

    private func dueTime() -> ContinuousClock.Instant? {
        guard let firstEvent, let lastEvent else { return nil }
        return min(lastEvent + quiet, firstEvent + maxWait)
    }

    private func flushIfQuiet() {
        guard !pending.isEmpty, let due = dueTime(), ContinuousClock.now >= due else { return }
        continuation.yield(ChangeBatch(paths: pending.sorted()))
        pending.removeAll()
        firstEvent = nil
        lastEvent = nil
    }

    private func record(_ path: String) {
        pending.insert(targets?.relative(path) ?? path)
        let now = ContinuousClock.now
        if firstEvent == nil { firstEvent = now }
        lastEvent = now
    }

    #if os(Linux)
    // MARK: - inotify

    /// Linux's inotify event bits (linux/inotify.h), spelled out: Glibc's macros do not all
    /// import into Swift with one integer type.
    private enum Mask {
        static let modify: UInt32 = 0x2, attrib: UInt32 = 0x4, closeWrite: UInt32 = 0x8
        static let movedFrom: UInt32 = 0x40, movedTo: UInt32 = 0x80, create: UInt32 = 0x100, delete: UInt32 = 0x200
        static let deleteSelf: UInt32 = 0x400, moveSelf: UInt32 = 0x800
        static let overflow: UInt32 = 0x4000, ignored: UInt32 = 0x8000
        static let onlyDir: UInt32 = 0x0100_0000, isDir: UInt32 = 0x4000_0000
        static let watched = modify | attrib | closeWrite | movedFrom | movedTo | create | delete
            | deleteSelf | moveSelf | onlyDir
    }

    /// A watched folder: all of it, recursively, or only some names in it (the site folder
    /// and the folders on the way to a watched folder that does not exist yet).
    private struct Watch {
        enum Scope { case recursive, names(Set<String>) }
        var path: String
        var scope: Scope
    }

    private func addAll() {
        guard let targets else { return }
        let site = targets.siteDir
        var rootNames = targets.rootFiles
        for folder in targets.folders {
            guard folder.hasPrefix(site + "/") else { continue }
            let parts = folder.dropFirst(site.count + 1).split(separator: "/").map(String.init)
            guard let first = parts.first else { continue }
            rootNames.insert(first)
            var parent = site
            for (index, part) in parts.enumerated().dropFirst() {
                parent += "/" + parts[index - 1]
                add(parent, .names([part]))
            }
        }
        add(site, .names(rootNames))
        for folder in targets.folders where isDirectory(folder) && !targets.isExcluded(folder) {
            addRecursive(folder)
        }
    }

    private func addRecursive(_ folder: String) {
        add(folder, .recursive)
        let url = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isDirectoryKey],
                                                          options: [.skipsHiddenFiles]) else { return }
        for case let item as URL in walker {
            guard (try? item.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true else { continue }
            let path = item.standardizedFileURL.path
            if targets?.isExcluded(path) == true { walker.skipDescendants(); continue }
            add(path, .recursive)
        }
    }

    private func add(_ path: String, _ scope: Watch.Scope) {
        guard isDirectory(path) else { return }
        let wd = inotify_add_watch(fd, path, Mask.watched)
        guard wd >= 0 else {
            report("cannot watch \(targets?.relative(path) ?? path): \(String(cString: strerror(errno)))")
            return
        }
        switch (watches[wd]?.scope, scope) {
        case (.recursive?, _):
            return
        case (.names(let old)?, .names(let new)):
            watches[wd] = Watch(path: path, scope: .names(old.union(new)))
        default:
            watches[wd] = Watch(path: path, scope: scope)
        }
    }

    private func removeAll() {
        for wd in watches.keys { inotify_rm_watch(fd, wd) }
        watches.removeAll()
    }

    /// Reads every queued event; the descriptor is non-blocking, so this stops at EAGAIN.
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 16 <= count {
                    let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    handle(wd: wd, mask: mask, name: String(decoding: nameBytes, as: UTF8.self))
                    offset += 16 + length
                }
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & Mask.overflow != 0 {
            // The kernel dropped events: rebuild, and re-add watches for whatever is new.
            record(targets?.siteDir ?? "")
            needsResync = true
            return
        }
        guard let watch = watches[wd] else { return }
        if mask & Mask.ignored != 0 {
            watches[wd] = nil
            return
        }
        let path = name.isEmpty ? watch.path : watch.path + "/" + name
        switch watch.scope {
        case .names(let names):
            guard names.contains(name) else { return }
            record(path)
            needsResync = true
        case .recursive:
            if name.isEmpty {
                // The folder itself was deleted or moved: its parent's watch re-adds it if it returns.
                if mask & (Mask.deleteSelf | Mask.moveSelf) != 0 { record(path) }
                return
            }
            guard !WatchTargets.isNoise(name), targets?.isExcluded(path) != true else { return }
            if mask & Mask.isDir != 0, mask & (Mask.create | Mask.movedTo) != 0 {
                addRecursive(path)
            }
            record(path)
        }
    }
    #endif

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
