import Foundation

/// `/sitemap.xml` by the sitemaps.org protocol: every page planned `inSitemap`, with its
/// absolute URL and the date of its content's last change. Past 50,000 URLs or 50 MB the
/// file becomes a sitemap index pointing to `sitemap-1.xml`, `sitemap-2.xml` …
public enum Sitemap {
    /// The protocol's limits for one file; tests lower them to exercise splitting.
    public struct Limits: Sendable {
        public var maxURLs: Int
        public var maxBytes: Int
        public static let standard = Limits(maxURLs: 50_000, maxBytes: 50 * 1024 * 1024)
        public init(maxURLs: Int, maxBytes: Int) { self.maxURLs = maxURLs; self.maxBytes = maxBytes }
    }

    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let urlsetHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(namespace)\">\n"
    static let urlsetTail = "</urlset>\n"

    public static func files(for plans: [PagePlan], links: LinkBuilder, limits: Limits = .standard) -> [OutputFile] {
        var parts: [(xml: String, newest: Day?)] = []
        var current = urlsetHead, count = 0, newest: Day?
        let budget = limits.maxBytes - urlsetTail.utf8.count
        for plan in plans where plan.inSitemap {
            var entry = "<url><loc>\(XML.escape(links.absolute(plan.path)))</loc>"
            if let day = plan.lastModified { entry += "<lastmod>\(day)</lastmod>" }
            entry += "</url>\n"
            if count > 0, count >= limits.maxURLs || current.utf8.count + entry.utf8.count > budget {
                parts.append((current + urlsetTail, newest))
                (current, count, newest) = (urlsetHead, 0, nil)
            }
            current += entry
            count += 1
            if let day = plan.lastModified { newest = max(newest ?? day, day) }
        }
        parts.append((current + urlsetTail, newest))
        if parts.count == 1 { return [OutputFile(path: "sitemap.xml", data: Data(parts[0].xml.utf8))] }

        var files: [OutputFile] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(namespace)\">\n"
        for (n, part) in parts.enumerated() {
            let name = "sitemap-\(n + 1).xml"
            files.append(OutputFile(path: name, data: Data(part.xml.utf8)))
            index += "<sitemap><loc>\(XML.escape(links.absolute(URLPath("/\(name)"))))</loc>"
            if let day = part.newest { index += "<lastmod>\(day)</lastmod>" }
            index += "</sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [OutputFile(path: "sitemap.xml", data: Data(index.utf8))] + files
    }
}
