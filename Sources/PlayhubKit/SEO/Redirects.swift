/// The page written at an old URL (a playbook's `aliases`): a meta refresh for browsers and
/// a canonical link for search engines, both to the absolute new URL.
public enum Redirects {
    public static func html(to absoluteURL: String, title: String, language: String) -> String {
        let url = HTML.escape(absoluteURL)
        return """
        <!DOCTYPE html>
        <html lang="\(HTML.escape(language))">
        <head>
        <meta charset="utf-8">
        <title>\(HTML.escape(title))</title>
        <link rel="canonical" href="\(url)">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(url)">
        </head>
        <body>
        <p>This page has moved to <a href="\(url)">\(HTML.escape(title))</a>.</p>
        </body>
        </html>

        """
    }
}
