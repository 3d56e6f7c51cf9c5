import Foundation

/// `/robots.txt`: allows every crawler and names the sitemap's absolute URL. A site's own
/// `static/robots.txt` replaces it.
public enum Robots {
    public static func file(links: LinkBuilder) -> OutputFile {
        let text = "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute(URLPath("/sitemap.xml")))\n"
        return OutputFile(path: "robots.txt", data: Data(text.utf8))
    }
}
