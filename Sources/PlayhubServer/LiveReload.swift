import Foundation
import ServiceLifecycle

/// Tells open browser tabs that the site changed, over Server-Sent Events.
///
/// Each tab's injected script opens `eventsPath`; every rebuild is announced to all of them
/// as `reload` (the page reloads; a failed build reloads too, so the error overlay appears),
/// or `css` when only stylesheets changed (the page swaps them without reloading). Each
/// message carries the build generation, and a tab that connects late compares it with the
/// generation its page was served with, so a rebuild between page load and connect is not
/// missed.
///
/// As a `Service` it sends a comment every few seconds, which finds clients that went away
/// without a word, and on graceful shutdown it ends every stream, so open tabs never keep
/// the server from stopping.
public final class LiveReload: Service, Sendable {
    /// Outside any site path a hub can have: playhub's own URLs start with `/__playhub/`.
    public static let eventsPath = "/__playhub/events"

    public enum Kind: String, Sendable { case reload, css }

    private let subscribers = Locked<[UUID: AsyncStream<String>.Continuation]>([:])
    private let totals = Locked((opened: 0, closed: false))
    private let heartbeat: Duration

    public init(heartbeat: Duration = .seconds(15)) { self.heartbeat = heartbeat }

    /// How many event streams were ever opened; tests read it to see a browser connect.
    public var connectionsOpened: Int { totals.current.opened }
    /// How many event streams are open now.
    public var connectionsOpen: Int { subscribers.current.count }

    /// A new client's stream: a `hello` with the current generation, then every announcement.
    func subscribe(generation: Int) -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(32))
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        continuation.yield("retry: 1000\nevent: hello\ndata: \(generation)\n\n")
        let accepted = totals.withLock { totals -> Bool in
            guard !totals.closed else { return false }
            totals.opened += 1
            return true
        }
        if accepted {
            subscribers.withLock { $0[id] = continuation }
        } else {
            continuation.finish()
        }
        return stream
    }

    /// Sends `kind` for build `generation` to every open tab.
    public func announce(_ kind: Kind, generation: Int) {
        send("event: \(kind.rawValue)\ndata: \(generation)\n\n")
    }

    private func send(_ message: String) {
        for continuation in subscribers.current.values { continuation.yield(message) }
    }

    /// Ends every stream and refuses new ones; their responses then complete.
    func closeAll() {
        totals.withLock { $0.closed = true }
        let open = subscribers.withLock { all -> [AsyncStream<String>.Continuation] in
            defer { all.removeAll() }
            return Array(all.values)
        }
        for continuation in open { continuation.finish() }
    }

    /// Heartbeats until graceful shutdown, then closes every stream.
    public func run() async throws {
        defer { closeAll() }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.heartbeat) }
            } catch {
                return
            }
            send(": ping\n\n")
        }
    }

    // MARK: - The page side

    /// The script every served page gets (never a built file). It reloads on `reload`,
    /// re-fetches stylesheets on `css`, and reloads on `hello` when the server's generation
    /// is not the one this page was served with.
    static func script(generation: Int) -> String {
        """
        <script data-playhub="live-reload">(function () {
          if (!window.EventSource) return;
          var generation = \(generation);
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (e) { if (Number(e.data) !== generation) location.reload(); });
          source.addEventListener("reload", function () { source.close(); location.reload(); });
          source.addEventListener("css", function (e) {
            generation = Number(e.data);
            var links = document.querySelectorAll('link[rel="stylesheet"]');
            for (var i = 0; i < links.length; i++) {
              var url = new URL(links[i].href);
              url.searchParams.set("playhub", e.data);
              links[i].href = url.toString();
            }
          });
        })();</script>

        """
    }
}
