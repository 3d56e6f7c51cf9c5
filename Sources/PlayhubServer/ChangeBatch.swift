/// One debounced burst of file changes: an editor's save (write, rename, chmod, backup file)
/// arrives as several events within milliseconds and becomes one batch, so one rebuild.
public struct ChangeBatch: Sendable, Equatable {
    /// What changed, relative to the site folder where possible, sorted.
    public var paths: [String]

    public init(paths: [String]) { self.paths = paths }

    /// True when nothing but stylesheets changed: open tabs can swap them without a reload.
    public var onlyStylesheets: Bool { !paths.isEmpty && paths.allSatisfy { $0.hasSuffix(".css") } }
}
