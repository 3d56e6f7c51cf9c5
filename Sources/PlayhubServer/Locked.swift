import Foundation

/// A value behind a lock. The server's shared state is touched from NIO's threads, the
/// watcher's thread and the rebuild queue at once; `Synchronization.Mutex` would do, but it
/// needs macOS 15 and the package still builds for macOS 14.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value as it is now.
    var current: Value { withLock { $0 } }
}
