import Foundation
import PlayhubKit

/// Runs builds for the preview server and remembers what the server should show.
///
/// A build runs on a serial queue of its own, never on NIO's event loops or the concurrency
/// pool, so requests keep being answered while it works, and two rebuilds never overlap.
/// Every build counts as a new generation; a failed one leaves `outputDir` on the last good
/// site (the library wrote nothing) and records its errors for the overlay.
///
/// `serve` points it at a private folder of its own (`buildInto`) before the first build, so
/// the site's real output folder is never written.
///
/// Every build shares one `BuildCache` in memory: after an edit to playbook bodies only the
/// edited playbooks' pages are rendered (the build snapshot); after any other edit, files
/// whose size and modification time did not change are not parsed again, and pages whose
/// template data did not change reuse their last output.
public final class Rebuilder: Sendable {
    /// What the server serves now and what the pages should say about it.
    public struct State: Sendable {
        /// Starts at 0 (nothing built yet) and grows with every build, good or bad.
        public var generation = 0
        /// The folder builds write and requests are served from.
        public var outputDir: URL
        /// The site's base path (`/` or `/hub/`); requests outside it are not the site's.
        public var basePath = "/"
        public var siteTitle: String?
        /// The newest configuration that loaded, good build or not: it says what to watch.
        public var config: SiteConfig?
        /// The errors of the last build; empty when it succeeded.
        public var errors: [Diagnostic] = []
        /// True once any build has succeeded.
        public var hasGoodBuild = false

        public var lastBuildFailed: Bool { !errors.isEmpty }
    }

    private let options: Locked<BuildOptions>
    private let queue = DispatchQueue(label: "playhub.serve.rebuild", qos: .userInitiated)
    private let state: Locked<State>

    public init(options: BuildOptions) {
        var options = options
        if options.cache == nil { options.cache = BuildCache() }
        self.options = Locked(options)
        let fallback = options.siteDir.appendingPathComponent(options.outputDir ?? "public").standardizedFileURL
        state = Locked(State(outputDir: fallback))
    }

    public var current: State { state.current }

    /// Sends every later build to `folder` (an absolute path) and serves from it from now on.
    /// `serve` makes its private folder only once it knows it can listen, after this exists.
    func buildInto(_ folder: URL) {
        options.withLock { $0.outputDir = folder.standardizedFileURL.path }
        state.withLock { $0.outputDir = folder.standardizedFileURL }
    }

    /// Returns once no build is running or waiting: after it, nothing writes the output folder
    /// until the next `rebuild`, so the folder can be removed.
    func finishBuilding() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }

    /// Builds the site once (off every shared thread) and updates `current`.
    @discardableResult
    public func rebuild() async -> BuildResult {
        let options = self.options.current
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<BuildResult, Never>) in
            queue.async { continuation.resume(returning: Builder.build(options)) }
        }
        state.withLock { state in
            state.generation += 1
            if let config = result.config { state.config = config }
            let unsafe = result.diagnostics.items.contains { $0.code == .unsafeOutput }
            if let output = result.outputDir, !unsafe, result.succeeded || !state.hasGoodBuild {
                // A failed build only moves the folder before there is a good one to keep.
                state.outputDir = output
                state.basePath = result.config?.basePath ?? "/"
                state.siteTitle = result.config?.title
            }
            state.errors = result.succeeded ? [] : result.diagnostics.errors
            if result.succeeded { state.hasGoodBuild = true }
        }
        return result
    }
}
