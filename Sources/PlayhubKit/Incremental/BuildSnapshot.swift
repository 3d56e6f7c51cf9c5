import Foundation

/// What a successful build was made from and what it wrote: every content file by size,
/// modification time and key, the resolved site graph, and every output file's stamp. The
/// next build compares its inputs with it (`SnapshotRebuild`): when the only change is in
/// playbook bodies, it renders just those playbooks' pages over the snapshot's graph.
struct BuildSnapshot: Sendable {
    var state: State
    /// The resolved site; playbook bodies are left out when it is kept on disk.
    var graph: SiteGraph

    /// All but the graph: small, so a rebuild reads it first and the graph meanwhile.
    struct State: Sendable {
        /// Tells which graph file belongs to this state (a new one for every full build).
        var generation: UInt64
        /// Everything but the content files: site.json, options, theme.
        var siteKey: UInt64
        /// Every content file, by site-relative path.
        var sources: [String: SourceStamp]
        /// Pages by kind, for the summary line.
        var pagesByKind: [String: Int]
        /// The warnings the build printed; a rebuild from the snapshot prints them again.
        var warnings: [Diagnostic]
        /// Every file of the output folder, as written.
        var outputs: [String: OutputStamp]
        /// Every folder of the output folder, by modification time (`OutputFolders`).
        var folders: [String: Int]
        /// How many files not made by playhub the output folder held, for the summary.
        var foreign: Int
        /// Every page's `PageInputs` key when it was rendered, by output path: a page whose
        /// key is the same and whose file is still as written is not rendered again.
        var pageKeys: [String: UInt64] = [:]
    }
}

/// A content file as a build read it: size, modification time, `InputKeys.source` (what the
/// resolve stage takes from its parse, which a body-only edit leaves unchanged) and
/// `InputKeys.dates` (the default dates it uses from git or the file, if any).
struct SourceStamp: Sendable, Equatable {
    var size: Int
    var modified: Date
    var key: UInt64
    var dates: UInt64?

    /// True when a file of this size and time is the one the stamp describes.
    func matches(size: Int, modified: Date) -> Bool { self.size == size && self.modified == modified }

    /// The size to record for a file read at `readAt`, or -1 (never matches, so the next
    /// build reads the file again) when it was modified just before: file times tick
    /// coarsely (a few milliseconds), so an edit made right after the read could carry the
    /// same time and size, and would go unseen (git calls such entries "racily clean").
    static func size(of file: SourceFile, readAt: Date) -> Int {
        file.modified.timeIntervalSince(readAt) > -racyWindow ? -1 : file.size
    }

    static let racyWindow: TimeInterval = 0.05
}
