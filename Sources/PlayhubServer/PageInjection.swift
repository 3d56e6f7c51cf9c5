import Foundation

/// Puts the serve-only markup (live-reload script, error overlay) into an HTML page as it is
/// served. The files on disk stay exactly what `build` writes: a preview must never leak
/// into a deploy.
enum PageInjection {
    /// Inserts `snippet` before the last `</body>`, or appends it when there is none.
    static func inject(_ snippet: String, into page: Data) -> Data {
        let html = String(decoding: page, as: UTF8.self)
        guard let end = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return Data((html + snippet).utf8)
        }
        var out = html
        out.insert(contentsOf: snippet, at: end.lowerBound)
        return Data(out.utf8)
    }
}
