import Foundation
import Hummingbird
import Logging
import NIOCore
import PlayhubKit
import ServiceLifecycle

/// `playhub serve`: builds the site into a private folder, serves it over HTTP (Hummingbird
/// on SwiftNIO), watches the sources, rebuilds on every change and reloads open tabs.
///
/// The site's own output folder is never touched (SPEC §6): every build goes to a folder
/// made for this server alone (`PrivateFolder`), removed when it stops, so a `--drafts`
/// preview can never leave a draft where a deploy would pick it up.
///
/// The pieces run as one `ServiceGroup`: the HTTP application, `LiveReload` and the
/// `RebuildLoop`. A graceful shutdown (Ctrl-C, SIGTERM or `shutdown()`) reaches them in
/// reverse order, so the watcher stops first, then every event stream ends, and only then
/// does the HTTP server drain: an open tab never holds the server up.
public final class PreviewServer: Sendable {
    /// What `serve` was asked for.
    public struct Options: Sendable {
        public var siteDir: URL
        public var host: String
        /// 0 picks a free port; `Ready.url` has the real one.
        public var port: Int
        public var includeDrafts: Bool
        /// Stop on SIGINT and SIGTERM; tests call `shutdown()` instead.
        public var handleSignals: Bool
        /// How long the sources must stay still before a rebuild.
        public var debounce: Duration
        /// How long a connection may sit without a request before the server closes it, so
        /// idle and half-open clients cannot pile up. A response under way (a download, a
        /// live-reload stream) is never cut.
        public var idleTimeout: Duration
        /// Where the private folder the site is built into is made.
        public var temporaryDirectory: URL

        public init(siteDir: URL, host: String = "127.0.0.1", port: Int = 1313, includeDrafts: Bool = false,
                    handleSignals: Bool = true, debounce: Duration = .milliseconds(150),
                    idleTimeout: Duration = .seconds(30),
                    temporaryDirectory: URL = FileManager.default.temporaryDirectory) {
            self.siteDir = siteDir
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
            self.handleSignals = handleSignals
            self.debounce = debounce
            self.idleTimeout = idleTimeout
            self.temporaryDirectory = temporaryDirectory
        }
    }

    /// A line for the terminal; the server never prints itself.
    public enum Message: Sendable, Equatable {
        case info(String)
        case error(String)
    }

    /// Where the server listens, once it does.
    public struct Ready: Sendable {
        /// `http://127.0.0.1:PORT/` plus the site's base path.
        public var url: URL
        public var port: Int
        public var siteTitle: String
    }

    /// Why the server did not start.
    public enum Failure: Error, CustomStringConvertible {
        /// The output folder is one a build must never write (SPEC §6): a usage error.
        case unsafeOutput(Diagnostics)
        /// Another program listens on the port already.
        case portInUse(host: String, port: Int)

        public var description: String {
            switch self {
            case .unsafeOutput(let problems):
                return problems.description
            case .portInUse(let host, let port):
                return "playhub serve: \(host):\(port) is already in use (another playhub serve?); choose another with --port, or --port 0 for any free one"
            }
        }
    }

    public let options: Options
    public let rebuilder: Rebuilder
    public let liveReload: LiveReload
    private let log: @Sendable (Message) -> Void
    private let group = Locked<(group: ServiceGroup?, stopRequested: Bool)>((nil, false))

    public init(options: Options, log: @escaping @Sendable (Message) -> Void) {
        self.options = options
        self.rebuilder = Rebuilder(options: BuildOptions(siteDir: options.siteDir, includeDrafts: options.includeDrafts))
        self.liveReload = LiveReload(heartbeat: Self.heartbeat(within: options.idleTimeout))
        self.log = log
    }

    /// Live-reload streams send a comment at least twice per idle timeout, and at least every
    /// 15 s: Hummingbird never times out a response under way, but nothing on the way (a
    /// proxy, a tunnel) ever sees an open tab's stream idle either.
    static func heartbeat(within idleTimeout: Duration) -> Duration {
        min(.seconds(15), max(.milliseconds(100), idleTimeout / 2))
    }

    /// Checks the port, makes the private folder, builds once, starts watching, binds, calls
    /// `onReady`, and serves until shut down; then removes the private folder. A failed first
    /// build still serves (every address is a 404 with the errors over it).
    public func run(onReady: @escaping @Sendable (Ready) -> Void) async throws {
        let address = ListenAddress.resolve(options.host, port: options.port)
        if let address, !ListenAddress.isLoopback(address) {
            log(.error(ListenAddress.exposureWarning(host: options.host, includeDrafts: options.includeDrafts)))
        }
        // A taken port fails now, before any build work; the bind itself still catches a port
        // taken in the meantime.
        if options.port != 0, let address, PortProbe.isInUse(address) {
            throw Failure.portInUse(host: options.host, port: options.port)
        }
        let folder = try PrivateFolder.make(in: options.temporaryDirectory)
        rebuilder.buildInto(folder.url)
        do {
            try await serve(onReady: onReady)
        } catch {
            await remove(folder)
            throw error
        }
        await remove(folder)
    }

    /// Removes the private folder once no build can still be writing into it.
    private func remove(_ folder: PrivateFolder) async {
        await rebuilder.finishBuilding()
        do {
            try folder.remove()
        } catch {
            log(.error("playhub serve: cannot remove the preview's folder \(folder.url.path): \(error.localizedDescription)"))
        }
    }

    private func serve(onReady: @escaping @Sendable (Ready) -> Void) async throws {
        let first = await rebuilder.rebuild()
        if first.diagnostics.items.contains(where: { $0.code == .unsafeOutput }) {
            throw Failure.unsafeOutput(first.diagnostics)
        }
        Self.report(first, to: log)

        let state = rebuilder.current
        let log = self.log
        let watcher = Watcher(quiet: options.debounce) { problem in log(.error("playhub serve: \(problem)")) }
        do {
            try watcher.start(WatchTargets(siteDir: options.siteDir, config: state.config, outputDir: state.outputDir))
        } catch {
            log(.error("playhub serve: \(error); serving without rebuilds"))
        }

        var logger = Logger(label: "playhub.serve")
        logger.logLevel = .critical
        let rebuilder = self.rebuilder, host = options.host
        let app = Application(
            responder: SiteResponder(rebuilder: rebuilder, liveReload: liveReload),
            server: .http1(configuration: .init(idleTimeout: TimeAmount(options.idleTimeout))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let current = rebuilder.current
                let shownHost = host.contains(":") ? "[\(host)]" : host
                guard let url = URL(string: "http://\(shownHost):\(port)\(current.basePath)") else { return }
                onReady(Ready(url: url, port: port, siteTitle: current.siteTitle ?? "the site"))
            },
            logger: logger
        )
        let loop = RebuildLoop(rebuilder: rebuilder, liveReload: liveReload, watcher: watcher,
                               siteDir: options.siteDir, log: log)
        var configuration = ServiceGroupConfiguration(services: [app, liveReload, loop],
                                                      gracefulShutdownSignals: options.handleSignals ? [.sigint, .sigterm] : [],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        let serviceGroup = ServiceGroup(configuration: configuration)
        let stopEarly = group.withLock { state -> Bool in
            state.group = serviceGroup
            return state.stopRequested
        }
        defer { watcher.stop() }
        if stopEarly { return }
        do {
            try await serviceGroup.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Failure.portInUse(host: options.host, port: options.port)
        }
    }

    /// Stops the server the way Ctrl-C does; `run` then returns.
    public func shutdown() async {
        let serviceGroup = group.withLock { state -> ServiceGroup? in
            state.stopRequested = true
            return state.group
        }
        await serviceGroup?.triggerGracefulShutdown()
    }

    /// Prints a build's outcome: a one-line summary, or every error, sorted.
    static func report(_ result: BuildResult, to log: @Sendable (Message) -> Void) {
        guard !result.succeeded else {
            for warning in result.diagnostics.warnings { log(.error(warning.description)) }
            log(.info(result.summary))
            return
        }
        for diagnostic in result.diagnostics.sorted { log(.error(diagnostic.description)) }
        let errors = result.diagnostics.errors.count
        log(.error("\(errors) error\(errors == 1 ? "" : "s"); still serving the last good build"))
    }
}
