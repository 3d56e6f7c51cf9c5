import Foundation

/// Follows every internal link of a built site: each `href`/`src` that starts with the site's
/// base path must name a written file, and each `#fragment` an `id` in that file.
struct LinkAudit {
    let output: URL
    let basePath: String

    struct Broken: CustomStringConvertible {
        let page: String, link: String, reason: String
        var description: String { "\(page): \(link) (\(reason))" }
    }

    func run(files: [String]) -> [Broken] {
        var ids: [String: Set<String>] = [:]
        func idsOf(_ file: String) -> Set<String> {
            if let known = ids[file] { return known }
            let text = (try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)) ?? ""
            let found = Set(matches(of: #"\sid="([^"]+)""#, in: text, group: 1))
            ids[file] = found
            return found
        }
        var broken: [Broken] = []
        for page in files where page.hasSuffix(".html") {
            let text = (try? String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)) ?? ""
            for link in matches(of: #"\s(?:href|src)="([^"]*)""#, in: text, group: 1) {
                if link.hasPrefix("#") {
                    if !idsOf(page).contains(String(link.dropFirst())) { broken.append(Broken(page: page, link: link, reason: "no such id")) }
                    continue
                }
                guard link.hasPrefix(basePath) else { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                var path = String(parts[0].dropFirst(basePath.count))
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                guard FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) else {
                    broken.append(Broken(page: page, link: link, reason: "no file \(path)")); continue
                }
                if parts.count == 2, !idsOf(path).contains(String(parts[1])) {
                    broken.append(Broken(page: page, link: link, reason: "no id \(parts[1]) in \(path)"))
                }
            }
        }
        return broken
    }
}
