import Foundation

/// Where a build puts each file as soon as it is made: the output folder's staging area
/// (`OutputStaging`), or memory when nothing is to be written (`check`, tests).
protocol OutputSink: AnyObject, Sendable {
    /// Takes one file; called from the render threads.
    func put(_ path: String, _ data: Data)
    /// The bytes taken for `path`, for the link check.
    func contents(_ path: String) -> Data?
}

extension OutputStaging: OutputSink {}

/// The files of a build that writes nothing, kept in memory.
final class OutputMemory: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Data] = [:]

    func put(_ path: String, _ data: Data) {
        lock.lock(); defer { lock.unlock() }
        files[path] = data
    }

    func contents(_ path: String) -> Data? {
        lock.lock(); defer { lock.unlock() }
        return files[path]
    }

    /// The files taken, in the order of `paths`.
    func files(_ paths: [String]) -> [OutputFile] {
        lock.lock(); defer { lock.unlock() }
        return paths.compactMap { path in files[path].map { OutputFile(path: path, data: $0) } }
    }
}
