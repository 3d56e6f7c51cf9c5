import Foundation
import Testing
@testable import PlayhubServer

/// A preview server over a temporary site, on a free loopback port, for one test.
/// Every wait is bounded; `stop()` shuts it down the way Ctrl-C does and checks it ended.
/// The server's private build folder is made inside the test's own folder (`site.base`), so
/// nothing a test starts is left in the system's temporary folder.
final class ServerHarness: @unchecked Sendable {
    let site: TempSite
    let server: PreviewServer
    let port: Int
    private let messages: Locked<[PreviewServer.Message]>
    private let finished: Locked<Bool>

    private init(site: TempSite, server: PreviewServer, port: Int,
                 messages: Locked<[PreviewServer.Message]>, finished: Locked<Bool>) {
        self.site = site
        self.server = server
        self.port = port
        self.messages = messages
        self.finished = finished
    }

    /// Writes the site, starts the server and waits (at most 60 s) until it listens.
    static func start(_ text: String = ServeHub.text, prepare: (TempSite) throws -> Void = { _ in },
                      configure: (inout PreviewServer.Options) -> Void = { _ in }) async throws -> ServerHarness {
        let site = try TempSite(text)
        try prepare(site)
        let messages = Locked<[PreviewServer.Message]>([])
        let finished = Locked(false)
        let ready = Locked<PreviewServer.Ready?>(nil)
        var options = PreviewServer.Options(siteDir: site.root, port: 0, handleSignals: false,
                                            debounce: .milliseconds(100), temporaryDirectory: site.base)
        configure(&options)
        let server = PreviewServer(options: options) { message in
            messages.withLock { $0.append(message) }
        }
        Task {
            do { try await server.run { value in ready.withLock { $0 = value } } } catch {
                messages.withLock { $0.append(.error("run failed: \(error)")) }
            }
            finished.withLock { $0 = true }
        }
        let started = await eventually(timeout: 60) { ready.current != nil || finished.current }
        guard started, let port = ready.current?.port else {
            await server.shutdown()
            throw RawHTTP.Failure(description: "the server did not start: \(messages.current)")
        }
        return ServerHarness(site: site, server: server, port: port, messages: messages, finished: finished)
    }

    /// Stops the server and expects it to end within 10 s, open event streams or not.
    func stop(sourceLocation: SourceLocation = #_sourceLocation) async {
        await server.shutdown()
        let ended = await eventually(timeout: 10) { self.finished.current }
        #expect(ended, "the server did not stop within 10 s", sourceLocation: sourceLocation)
    }

    /// The private folder the server builds into and serves from.
    var output: URL { server.rebuilder.current.outputDir }

    /// One request, made on a thread of its own: the blocking socket must not hold one of
    /// the few threads of the concurrency pool that the server answers on.
    func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawHTTP.Response {
        let port = self.port
        return try await offPool { try RawHTTP.get(port, path, method: method, headers: headers) }
    }

    /// What the server printed so far, one line each, errors as `error: …`.
    var terminal: [String] {
        messages.current.map {
            switch $0 {
            case .info(let text): return text
            case .error(let text): return "error: " + text
            }
        }
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` seconds pass.
func eventually(timeout: Double, _ condition: @escaping () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return condition()
}

/// Runs `body` against a fresh server over `text`, and stops the server whatever happens.
func withServer(_ text: String = ServeHub.text, prepare: (TempSite) throws -> Void = { _ in },
                configure: (inout PreviewServer.Options) -> Void = { _ in },
                sourceLocation: SourceLocation = #_sourceLocation,
                _ body: (ServerHarness) async throws -> Void) async throws {
    let hub = try await ServerHarness.start(text, prepare: prepare, configure: configure)
    do {
        try await body(hub)
    } catch {
        await hub.stop(sourceLocation: sourceLocation)
        throw error
    }
    await hub.stop(sourceLocation: sourceLocation)
}

/// Runs blocking `work` on a new thread and waits for it without blocking the caller's.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
