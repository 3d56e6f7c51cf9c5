/// A page's address inside the site, independent of where the site is hosted:
/// always starts and (for pages) ends with `/`, e.g. `/playbooks/seo-audit/`.
public struct URLPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public static let home = URLPath("/")
    public static func playbook(_ slug: String) -> URLPath { URLPath("/playbooks/\(slug)/") }
    public static func tag(_ slug: String) -> URLPath { URLPath("/tags/\(slug)/") }
    public static func category(_ slug: String) -> URLPath { URLPath("/categories/\(slug)/") }
    public static func term(_ kind: TermKind, _ slug: String) -> URLPath { URLPath("/\(kind.folder)/\(slug)/") }
    public static func page(_ slug: String) -> URLPath { URLPath("/\(slug)/") }

    /// Page `n` of a paginated list: page 1 is the list itself, later pages `page/N/`.
    public func paginated(_ n: Int) -> URLPath { n <= 1 ? self : URLPath(value + "page/\(n)/") }

    /// The file that serves this path in the output folder: `playbooks/x/index.html`.
    public var outputFile: String {
        let trimmed = String(value.dropFirst())
        return value.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }

    public static func < (a: URLPath, b: URLPath) -> Bool { a.value < b.value }
    public var description: String { value }
}

/// Turns site paths into the links pages print: root-relative under baseURL's path, or
/// absolute for canonical links, feeds and the sitemap.
public struct LinkBuilder: Sendable {
    public let basePath: String
    public let origin: String

    public init(config: SiteConfig) {
        basePath = config.basePath
        origin = config.origin
    }

    /// `/hub/tags/x/` for a site under `https://host/hub/`.
    public func link(_ path: URLPath) -> String { basePath + path.value.dropFirst() }
    public func link(_ path: String) -> String { basePath + path.drop(while: { $0 == "/" }) }
    /// `https://host/hub/tags/x/`.
    public func absolute(_ path: URLPath) -> String { origin + link(path) }
}
