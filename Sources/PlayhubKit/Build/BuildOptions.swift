import Foundation

/// What the command line (or a test) asks of one build.
public struct BuildOptions: Sendable {
    public var siteDir: URL
    /// Overrides site.json `outputDir`; relative paths are relative to the site folder.
    public var outputDir: String?
    /// Overrides site.json `baseURL`.
    public var baseURL: String?
    public var includeDrafts: Bool
    public var jobs: Int
    /// False for `check`: everything but the writing.
    public var writeOutput: Bool
    /// True for `check`: also follow every internal link in Markdown bodies.
    public var checkLinks: Bool = false
    /// What the last build left to reuse; set by long-running processes such as `serve`.
    public var cache: BuildCache?
    /// Keep the cache on disk between runs, beside the output folder (`playhub build`
    /// without `--no-cache`); used when `cache` is nil.
    public var persistentCache = false
    /// `build --clean`: also remove the files in the output folder that playhub did not write
    /// (never in a folder that holds a `.git` or a `site.json`).
    public var clean = false
    /// The sitemap's per-file limits; only tests lower them.
    var sitemapLimits: Sitemap.Limits = .standard

    public init(siteDir: URL, outputDir: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                jobs: Int = Parallel.coreCount, writeOutput: Bool = true) {
        self.siteDir = siteDir
        self.outputDir = outputDir
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.jobs = jobs
        self.writeOutput = writeOutput
    }
}
