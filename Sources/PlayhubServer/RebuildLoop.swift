import Foundation
import PlayhubKit
import ServiceLifecycle

/// The serve loop's other half: each batch of changes becomes a rebuild, its outcome goes to
/// the terminal and to every open tab, and the watcher follows site.json to a new content
/// folder or theme. A `Service`, so graceful shutdown (Ctrl-C) ends it between rebuilds.
final class RebuildLoop: Service {
    let rebuilder: Rebuilder
    let liveReload: LiveReload
    let watcher: Watcher
    let siteDir: URL
    let log: @Sendable (PreviewServer.Message) -> Void

    init(rebuilder: Rebuilder, liveReload: LiveReload, watcher: Watcher, siteDir: URL,
         log: @escaping @Sendable (PreviewServer.Message) -> Void) {
        self.rebuilder = rebuilder
        self.liveReload = liveReload
        self.watcher = watcher
        self.siteDir = siteDir
        self.log = log
    }

    func run() async throws {
        defer { watcher.stop() }
        for await batch in watcher.changes.cancelOnGracefulShutdown() {
            await rebuild(after: batch)
        }
    }

    func rebuild(after batch: ChangeBatch) async {
        log(.info("\(Self.describe(batch)) changed"))
        let before = rebuilder.current
        let result = await rebuilder.rebuild()
        let after = rebuilder.current
        PreviewServer.report(result, to: log)
        watcher.retarget(WatchTargets(siteDir: siteDir, config: after.config, outputDir: after.outputDir))
        // A stylesheet-only change swaps stylesheets in place, unless an overlay must come or go.
        let swapCSS = result.succeeded && !before.lastBuildFailed && batch.onlyStylesheets
        liveReload.announce(swapCSS ? .css : .reload, generation: after.generation)
    }

    /// `content/playbooks/a.md`, or `content/playbooks/a.md and 3 more`.
    static func describe(_ batch: ChangeBatch) -> String {
        guard let first = batch.paths.first else { return "something" }
        return batch.paths.count == 1 ? first : "\(first) and \(batch.paths.count - 1) more"
    }
}
