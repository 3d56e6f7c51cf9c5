import Foundation

/// A value computed on its own thread while the caller does other work (git's history is
/// read while Markdown renders).
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    /// Waits for the value.
    var value: Value {
        done.wait()
        done.signal() // later reads return at once
        return result!
    }
}
