import Foundation

/// Runs independent work on up to `jobs` threads and returns results in input order, so
/// output never depends on scheduling.
public enum Parallel {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        let jobs = max(1, min(jobs, items.count))
        if jobs == 1 { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let output = SharedBuffer(base: buffer.baseAddress!)
            // Small chunks handed out in turn balance uneven files (one 10 MB playbook).
            let chunk = max(1, min(64, items.count / (jobs * 16)))
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                while true {
                    let start = next.take(chunk)
                    if start >= items.count { break }
                    for i in start..<min(start + chunk, items.count) {
                        (output.base + i).initialize(to: transform(items[i]))
                    }
                }
            }
            initialized = items.count
        }
    }

    /// Runs `body` on `count` threads at once and waits for all; each call is one worker that
    /// takes its share of the work from a shared `Counter`.
    public static func workers(_ count: Int, _ body: @Sendable () -> Void) {
        if count <= 1 { body(); return }
        DispatchQueue.concurrentPerform(iterations: count) { _ in body() }
    }

    /// The number of cores, the default for `--jobs`.
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Each index is written by exactly one thread, so sharing the buffer is safe.
private struct SharedBuffer<R>: @unchecked Sendable { let base: UnsafeMutablePointer<R> }

/// Hands out consecutive ranges of work to worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(_ count: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        let start = value
        value += count
        return start
    }
}
