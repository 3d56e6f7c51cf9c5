import Foundation

/// Where each file of the content folder is published, known from the names alone before
/// any file is read: a `.md` file becomes its page (`playbooks/growth/seo-audit.md` →
/// `/playbooks/seo-audit/`), any other file is copied (`playbooks/growth/img/flow.png` →
/// `/playbooks/growth/img/flow.png`), and a page bundle's files sit under its page
/// (`playbooks/onboarding/index.md` + `flow.png` → `/playbooks/onboarding/flow.png`), as in
/// Hugo. The Markdown stage turns relative links into these URLs.
public final class ContentLayout: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case page(URLPath)
        /// The output path of a copied file, e.g. `playbooks/onboarding/flow.png`.
        case file(String)

        /// The site path a link to it uses.
        var sitePath: String {
            switch self {
            case .page(let path): path.value
            case .file(let path): "/" + path
            }
        }
    }

    /// The content folder as site.json names it (`content`), for messages.
    public let contentDir: String
    /// Content-relative path (`playbooks/growth/seo-audit.md`) → what it becomes.
    let targets: [String: Target]
    /// A bundle's folder (`playbooks/onboarding`) → its index file's path.
    let bundles: [String: String]
    /// Every folder that holds a content file, for links to a folder that is no bundle.
    let folders: Set<String>
    /// Changes whenever a file is added, removed or renamed: a parse that resolved links
    /// against another layout is not reused.
    let key: UInt64

    init(contentDir: String, pages: [(path: String, url: URLPath)], bundles: [String: String], files: [(path: String, output: String)]) {
        self.contentDir = contentDir
        var targets: [String: Target] = [:]
        for page in pages { targets[page.path] = .page(page.url) }
        for file in files { targets[file.path] = .file(file.output) }
        self.targets = targets
        self.bundles = bundles
        var folders = Set<String>()
        for path in targets.keys {
            var folder = Self.folder(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = Self.folder(of: folder) }
        }
        self.folders = folders
        var hash = StableHash()
        hash.combine(contentDir)
        for path in targets.keys.sorted() { hash.combine(path) }
        key = hash.value
    }

    public static func == (a: ContentLayout, b: ContentLayout) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    // MARK: - Naming

    /// The page URL of a `.md` file of `kind` with this slug.
    static func pageURL(kind: ContentKind, slug: String) -> URLPath {
        switch kind {
        case .playbook: .playbook(slug)
        case .tag: .tag(slug)
        case .category: .category(slug)
        case .industry: .term(.industry, slug)
        case .tool: .term(.tool, slug)
        case .page: .page(slug)
        }
    }

    /// The names that make a folder of playbooks a page bundle.
    static let bundleIndexNames = ["index.md", "README.md"]

    /// Where a copied file goes: under its bundle's page when it is inside one (the nearest),
    /// else at its own path below the content folder.
    static func outputPath(of path: String, bundles: [String: String]) -> String {
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if bundles[String(folder)] != nil {
                let slug = folder.split(separator: "/").last.map(String.init) ?? ""
                return "playbooks/\(slug)/" + path.dropFirst(folder.count + 1)
            }
        }
        return path
    }

    // MARK: - Resolving links

    /// What a link written in the content file at `from` (a content-relative path) leads
    /// to. Only relative paths are resolved: a URL with a scheme, a root-relative path, a
    /// bare `#fragment` and a path that leaves the content folder are the author's URLs.
    enum Resolution: Equatable {
        case notRelative
        /// The link becomes `target` (with its fragment and query).
        case resolved(target: Target, suffix: String)
        /// A `.md` file that is not in the content folder (content-relative path), or a
        /// folder of it that has no `index.md` or `README.md` (the path ends in `/`).
        case missing(String)
        /// A relative path that names no content file: left as written, for the browser.
        case unknown
    }

    func resolve(_ destination: String, from document: String) -> Resolution {
        guard !destination.isEmpty, !destination.hasPrefix("/"), !destination.hasPrefix("#"), !destination.hasPrefix("?"),
              !Self.hasScheme(destination) else { return .notRelative }
        let cut = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        let written = String(destination[..<cut]), suffix = String(destination[cut...])
        var decoded = written.removingPercentEncoding ?? written
        // `other.md/`, as MkDocs sites with directory URLs often have it, is `other.md`.
        if decoded.lowercased().hasSuffix(".md/") { decoded.removeLast() }
        guard let path = Self.join(folder: Self.folder(of: document), decoded) else { return .unknown }
        if let target = targets[path] { return .resolved(target: target, suffix: suffix) }
        // `guide/` or `guide` for a bundle's folder, as MkDocs and GitHub allow.
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        if let index = bundles[folder], let target = targets[index] {
            return .resolved(target: target, suffix: suffix)
        }
        if folders.contains(folder) { return .missing(folder + "/") }
        return path.lowercased().hasSuffix(".md") ? .missing(path) : .unknown
    }

    /// The content file whose path is closest to a missing one, never `document` itself:
    /// a file of the same name (for `README.md` and `index.md`, in a folder of the same
    /// name) nearest by path, else the closest path.
    func suggestion(for missing: String, from document: String) -> String? {
        let candidates = targets.keys.filter { $0 != document && $0.hasSuffix(".md") }
        func name(_ path: String) -> String {
            let last = (path as NSString).lastPathComponent
            return Self.bundleIndexNames.contains(last) ? (Self.folder(of: path) as NSString).lastPathComponent + "/" + last : last
        }
        let wanted = name(missing)
        let sameName = candidates.filter { name($0) == wanted }
        if !sameName.isEmpty {
            return sameName.min { (DidYouMean.editDistance($0, missing), $0) < (DidYouMean.editDistance($1, missing), $1) }
        }
        return DidYouMean.suggestion(for: missing, in: candidates)
    }

    /// The `.md` files directly in a folder of the content folder, for a link to the folder.
    func files(in folder: String) -> [String] {
        targets.keys.filter { Self.folder(of: $0) == folder && $0.hasSuffix(".md") }.sorted()
    }

    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// `folder` + `relative` with `.` and `..` applied; nil when it climbs out of the
    /// content folder. A trailing `/` is kept.
    static func join(folder: String, _ relative: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        let pieces = relative.split(separator: "/", omittingEmptySubsequences: false)
        for piece in pieces {
            switch piece {
            case "", ".": continue
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            default: parts.append(String(piece))
            }
        }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: "/") + (relative.hasSuffix("/") ? "/" : "")
    }
}
