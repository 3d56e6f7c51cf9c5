import Foundation

/// The link pass: every internal link written in a Markdown body (or an FAQ answer) must
/// lead to a page or file the build produces, and its `#fragment` to an `id` on that page;
/// a relative link to a `.md` file must name one that exists. Runs on the rendered output,
/// so it sees exactly what readers will get. Its findings are warnings in `build` and
/// errors in `check` (or with site.json `"brokenLinks": "error"`).
public enum LinkChecker {
    /// A body's links with the file they were written in and the page they appear on.
    struct Source {
        let file: String
        let page: URLPath
        let links: [RenderedMarkdown.Link]
    }

    /// The output a link may lead to: every path, and the bytes of a page when its ids are needed.
    struct Published {
        let paths: Set<String>
        let data: (String) -> Data?

        init(paths: Set<String>, data: @escaping (String) -> Data?) {
            self.paths = paths
            self.data = data
        }
    }

    static func check(graph: SiteGraph, published: Published, layout: ContentLayout?, severity: Diagnostic.Severity) -> [Diagnostic] {
        check(sources(graph), published: published, config: graph.config, layout: layout, severity: severity)
    }

    static func check(_ sources: [Source], published: Published, config: SiteConfig, layout: ContentLayout?,
                      severity: Diagnostic.Severity) -> [Diagnostic] {
        var idCache: [String: Set<String>] = [:]
        func ids(in outputPath: String) -> Set<String> {
            if let cached = idCache[outputPath] { return cached }
            let found = published.data(outputPath).map { Self.ids(in: String(decoding: $0, as: UTF8.self)) } ?? []
            idCache[outputPath] = found
            return found
        }
        let pagePaths = published.paths.filter { $0.hasSuffix(".html") }.sorted()
            .map { "/" + $0.replacingOccurrences(of: "index.html", with: "") }

        let ownSite = config.origin + config.basePath
        var problems: [Diagnostic] = []
        for source in sources {
            for link in source.links {
                let location = SourceLocation(file: source.file, line: link.line, column: link.column)
                if let missing = link.missing, missing.hasSuffix("/") {
                    let contentDir = layout?.contentDir ?? "content"
                    let first = layout?.files(in: String(missing.dropLast())).first
                    problems.append(Diagnostic(.brokenLink, at: location,
                        "broken link '\(link.destination)': \(contentDir)/\(missing) is a folder with no index.md or README.md",
                        hint: first.map { "link to one of its files, such as \(contentDir)/\($0), or add an index.md" }
                            ?? "link to one of its files, or add an index.md",
                        severity: severity))
                    continue
                }
                if let missing = link.missing {
                    let contentDir = layout?.contentDir ?? "content"
                    let document = String(source.file.dropFirst(contentDir.count + 1))
                    problems.append(Diagnostic(.brokenLink, at: location, "broken link '\(link.destination)': there is no \(contentDir)/\(missing)",
                        hint: layout?.suggestion(for: missing, from: document).map { "did you mean \(contentDir)/\($0)?" }
                            ?? "link to a .md file in \(contentDir)/ by its path from this file's folder",
                        severity: severity))
                    continue
                }
                var destination = link.target ?? link.destination
                // An absolute link to this very site is checked like a root-relative one.
                if destination.hasPrefix(ownSite) { destination = "/" + destination.dropFirst(ownSite.count) }
                guard let target = resolve(destination, on: source.page) else { continue }
                guard let outputPath = outputFile(for: target.path, in: published.paths) else {
                    problems.append(Diagnostic(.brokenLink, at: location, "broken link '\(link.destination)': no page or file at \(target.path)",
                        hint: DidYouMean.hint(for: target.path, in: pagePaths.lazy.filter { $0 != source.page.value })
                            ?? "check the slug against the file names in content/",
                        severity: severity))
                    continue
                }
                if let fragment = target.fragment, !fragment.isEmpty, outputPath.hasSuffix(".html"), !ids(in: outputPath).contains(fragment) {
                    let headings = ids(in: outputPath)
                    problems.append(Diagnostic(.brokenLink, at: location, "broken link '\(link.destination)': \(target.path) has no heading or element with id '\(fragment)'",
                        hint: DidYouMean.hint(for: fragment, in: headings) ?? "heading ids are the heading text in lowercase with hyphens",
                        severity: severity))
                }
            }
        }
        return problems
    }

    /// Every body that can hold links, with the page it is shown on.
    static func sources(_ graph: SiteGraph) -> [Source] {
        var sources: [Source] = []
        for playbook in graph.playbooks { sources.append(Source(file: playbook.sourcePath, page: .playbook(playbook.slug), links: playbook.body.links)) }
        for slug in graph.tagOrder {
            let tag = graph.tags[slug]!
            sources.append(Source(file: tag.sourcePath, page: .tag(slug), links: tag.body.links + tag.faq.flatMap(\.answer.links)))
        }
        for slug in graph.categoryOrder {
            let category = graph.categories[slug]!
            sources.append(Source(file: category.sourcePath, page: .category(slug), links: category.body.links))
        }
        for kind in TermKind.allCases {
            for term in graph.terms(kind).values.sorted(by: { $0.slug < $1.slug }) {
                if let path = term.sourcePath, let body = term.body { sources.append(Source(file: path, page: .term(kind, term.slug), links: body.links)) }
            }
        }
        for page in graph.pages.values.sorted(by: { $0.slug < $1.slug }) {
            sources.append(Source(file: page.sourcePath, page: .page(page.slug), links: page.body.links))
        }
        return sources
    }

    /// The site path and fragment a link points to, or nil for links that leave the site
    /// (`https:`, `mailto:`, `//cdn…`).
    static func resolve(_ destination: String, on page: URLPath) -> (path: String, fragment: String?)? {
        if destination.hasPrefix("//") { return nil }
        if let colon = destination.firstIndex(of: ":"), !destination[..<colon].contains("/") { return nil } // has a scheme
        let hash = destination.firstIndex(of: "#")
        var path = String(destination[..<(hash ?? destination.endIndex)])
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let fragment = hash.map { String(destination[destination.index(after: $0)...]) }
        if path.isEmpty { return (page.value, fragment) }
        if !path.hasPrefix("/") {
            // Relative to the page's folder, as a browser resolves it (pages end in `/`).
            let folder = page.value.hasSuffix("/") ? String(page.value.dropFirst().dropLast()) : ContentLayout.folder(of: String(page.value.dropFirst()))
            if let joined = ContentLayout.join(folder: folder, path) {
                path = "/" + joined
            } else {
                guard let base = URL(string: "https://site.invalid\(page.value)"), let url = URL(string: path, relativeTo: base) else { return nil }
                path = url.path + (path.hasSuffix("/") && !url.path.hasSuffix("/") ? "/" : "")
            }
        }
        return (path.contains("%") ? (path.removingPercentEncoding ?? path) : path, fragment)
    }

    /// The output file serving `path`: `x/index.html` for `/x/` (and for `/x`), or the file itself.
    static func outputFile(for path: String, in files: Set<String>) -> String? {
        let relative = String(path.dropFirst())
        let candidates = path.hasSuffix("/") ? [relative + "index.html"] : [relative, relative + "/index.html"]
        return candidates.first { files.contains($0) }
    }

    static func ids(in html: String) -> Set<String> {
        var ids = Set<String>()
        var rest = html[...]
        while let range = rest.range(of: " id=\"") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            ids.insert(String(after[..<end]))
            rest = after[end...]
        }
        return ids
    }
}
