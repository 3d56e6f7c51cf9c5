/// The settings of one site, from `site.json` (SPEC §2) after defaults are applied.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    /// Always ends with `/`, e.g. `https://host/hub/`.
    public var baseURL: String
    public var language: String = "en"
    public var theme: String = "default"
    public var contentDir: String = "content"
    public var outputDir: String = "public"
    public var paginate: Int = 24
    public var relatedCount: Int = 5
    public var feedLimit: Int = 20
    public var unsafeHTML: Bool = false
    /// `"error"` makes `build` fail on broken links, as `check` does; `"warning"` by default.
    public var brokenLinks: Diagnostic.Severity = .warning
    /// Free data handed to templates as `site.params`.
    public var params: [String: JSONValue] = [:]
    /// The brand image of the header and of the JSON-LD publisher: a path under the site or
    /// an http(s) URL (`SiteAddress`); the title alone without one.
    public var logo: String?
    /// The default `og:image` of every page without an image of its own.
    public var image: String?
    /// The header's menu as written; nil gives the default one (the first categories).
    public var menu: [MenuEntry]?

    public init(title: String, baseURL: String) {
        self.title = title
        self.baseURL = SiteConfig.normalisedBaseURL(baseURL)
    }

    /// Every key site.json may hold; anything else is an error with a hint.
    static let knownKeys = ["title", "baseURL", "language", "theme", "contentDir", "outputDir",
                            "paginate", "relatedCount", "feedLimit", "unsafeHTML", "brokenLinks", "params",
                            "logo", "image", "menu"]

    /// The path part of `baseURL` (`/` or `/hub/`): every internal link starts with it.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    /// `https://host/hub` without the trailing slash, to prepend to a base-path-relative URL.
    public var origin: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return baseURL }
        return String(baseURL[..<slash])
    }

    /// One link of site.json `menu`.
    public struct MenuEntry: Sendable, Equatable {
        public var title: String
        /// A path under the site or an http(s) URL (`SiteAddress`).
        public var url: String
    }

    static func normalisedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}
