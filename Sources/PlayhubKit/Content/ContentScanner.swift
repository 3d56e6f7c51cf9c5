import Foundation

/// Stage 2, discover: finds every content file of a site, sorted by path so that every later
/// stage sees the same order on every machine.
public enum ContentScanner {
    public struct Scan: Sendable {
        public var files: [SourceFile] = []
        /// Every other file under the content folder: copied into the site.
        public var assets: [ContentAsset] = []
        public var layout = ContentLayout(contentDir: "content", pages: [], bundles: [:], files: [])
        public var diagnostics = Diagnostics()
    }

    /// Reads `<siteDir>/<contentDir>/<kind folder>/` for every kind. A missing content folder
    /// is an error; a missing kind folder is fine (a hub may have no industries). Every file
    /// that is not Markdown is published beside the pages (`ContentLayout`). Nothing is
    /// skipped in silence: an unreadable folder, a dangling link, a link that leads out of the
    /// site or a name that is not UTF-8 is an error; a Markdown file playhub does not read
    /// (`.markdown`, in a sub-folder where none are allowed, in a folder that is no kind's) is
    /// a warning. Hidden files are passed over. Files are listed with their size and time, not
    /// read: the parse stage reads each one just before parsing it.
    public static func scan(siteDir: URL, contentDir: String) -> Scan {
        var scan = Scan()
        let siteRoot = realPath(siteDir.path) ?? siteDir.path
        let contentRoot = contentDir.hasPrefix("/") ? contentDir : siteDir.appendingPathComponent(contentDir).path
        var info = stat()
        guard stat(contentRoot, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            scan.diagnostics.append(missingContentFolder(contentDir, siteDir: siteDir))
            return scan
        }
        let walker = ContentWalker(root: siteRoot)
        var found: [(kind: ContentKind, path: String, absolute: String, stem: String, size: Int, modified: Date)] = []
        var assets: [(path: String, absolute: String, size: Int, modified: Date)] = []
        var bundles: [String: String] = [:]
        let kindFolders = Set(ContentKind.allCases.map(\.folder))
        for entry in (ContentWalker.names(in: contentRoot) ?? []).sorted(by: { $0.name < $1.name })
            where !entry.name.hasPrefix(".") && !kindFolders.contains(entry.name) {
            let (files, problems) = notAKindFolder(entry.name, contentDir: contentDir, walker: walker, root: contentRoot)
            scan.diagnostics.append(contentsOf: problems)
            assets += files.map { ("\(contentDir)/\($0.path)", contentRoot + "/" + $0.path, $0.size, $0.modified) }
        }
        for kind in ContentKind.allCases {
            let folder = contentRoot + "/" + kind.folder
            guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            let prefix = "\(contentDir)/\(kind.folder)/"
            let walk = walker.walk(folder, recursive: true)
            scan.diagnostics.append(contentsOf: walk.problems.map { problem($0, at: prefix + $0.path) })
            let bundleIndexes = kind == .playbook ? Self.bundleIndexes(walk.files.map(\.path)) : [:]
            for file in walk.files {
                let name = (file.path as NSString).lastPathComponent, nested = file.path.contains("/")
                guard name.hasSuffix(".md") else {
                    if isMarkdownName(name) { scan.diagnostics.append(ignored(prefix + file.path)) }
                    else { assets.append((prefix + file.path, folder + "/" + file.path, file.size, file.modified)) }
                    continue
                }
                if nested && !kind.allowsSubfolders {
                    scan.diagnostics.append(Diagnostic(.ignoredFile, at: SourceLocation(file: prefix + file.path),
                        "not read: \(kind.rawValue) files must be directly in \(prefix)",
                        hint: "move it to \(prefix)\(name)", severity: .warning))
                    continue
                }
                var stem = String(name.dropLast(3))
                if kind == .playbook, ContentLayout.bundleIndexNames.contains(name) {
                    let bundle = ContentLayout.folder(of: file.path)
                    guard !bundle.isEmpty else {
                        scan.diagnostics.append(Diagnostic(.ignoredFile, at: SourceLocation(file: prefix + file.path),
                            "not read: a playbook named \(name) needs a folder to give it its slug",
                            hint: "move it to \(prefix)<slug>/\(name), or rename it to <slug>.md", severity: .warning))
                        continue
                    }
                    guard bundleIndexes[bundle] == file.path else {
                        scan.diagnostics.append(Diagnostic(.ignoredFile, at: SourceLocation(file: prefix + file.path),
                            "not read: \(prefix)\(bundle)/index.md is this folder's playbook",
                            hint: "merge the two files, or rename this one to <slug>.md", severity: .warning))
                        continue
                    }
                    stem = (bundle as NSString).lastPathComponent
                    bundles["\(kind.folder)/\(bundle)"] = "\(kind.folder)/\(file.path)"
                }
                found.append((kind, prefix + file.path, folder + "/" + file.path, stem, file.size, file.modified))
            }
        }
        let contentPrefix = contentDir + "/"
        func relative(_ path: String) -> String { String(path.dropFirst(contentPrefix.count)) }
        let placed = assets.map { asset in
            (asset, ContentLayout.outputPath(of: relative(asset.path), bundles: bundles))
        }
        scan.layout = ContentLayout(contentDir: contentDir,
                                    pages: found.map { (relative($0.path), ContentLayout.pageURL(kind: $0.kind, slug: $0.stem)) },
                                    bundles: bundles, files: placed.map { (relative($0.0.path), $0.1) })
        scan.assets = placed.map { ContentAsset(path: $0.0.path, absolutePath: $0.0.absolute, outputPath: $0.1,
                                                size: $0.0.size, modified: $0.0.modified) }
        scan.files = found.map { .unread(kind: $0.kind, path: $0.path, absolutePath: $0.absolute, fileStem: $0.stem, size: $0.size, modified: $0.modified) }
        scan.files.sort { $0.path < $1.path }
        return scan
    }

    struct ReadError: Error { let message: String }

    /// A file's bytes and modification time, through plain POSIX calls.
    static func readFile(_ path: String) -> Result<(Data, Date), ReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                let n = read(fd, buffer.baseAddress! + total, buffer.count - total)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { break }
                total += n
            }
            return true
        }
        guard ok else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        if total < data.count { data.removeSubrange(total...) }
        return .success((data, modificationDate(info)))
    }

    static func modificationDate(_ info: stat) -> Date {
        Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// The `.md` files below `folder` (relative paths, sorted, with the size and time of what
    /// they lead to), for `new`, which only needs to know which names are taken.
    static func markdownFiles(in folder: URL, recursive: Bool, insideOf root: String) -> [(path: String, size: Int, modified: Date)] {
        ContentWalker(root: root).walk(folder.path, recursive: recursive).files.filter { $0.path.hasSuffix(".md") }
            .map { ($0.path, $0.size, $0.modified) }
    }

    // MARK: - What is not read, and why

    static func missingContentFolder(_ contentDir: String, siteDir: URL) -> Diagnostic {
        let siblings = (ContentWalker.names(in: siteDir.path) ?? []).map(\.name).filter { name in
            var info = stat()
            return !name.hasPrefix(".") && stat(siteDir.appendingPathComponent(name).path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
        let keyed = SiteConfig.keyLocation("contentDir", in: (try? String(contentsOf: siteDir.appendingPathComponent("site.json"), encoding: .utf8)) ?? "",
                                           file: "site.json")
        return Diagnostic(.io, at: keyed, "the content folder '\(contentDir)/' does not exist",
            hint: DidYouMean.hint(for: contentDir, in: siblings)
                ?? "create it with categories/, tags/ and playbooks/ inside, or set \"contentDir\" in site.json")
    }

    static func problem(_ problem: ContentWalker.Problem, at path: String) -> Diagnostic {
        let location = SourceLocation(file: path)
        switch problem.trouble {
        case .unreadableFolder(let cause):
            return Diagnostic(.io, at: location, "cannot read folder: \(cause)", hint: "make it readable, or move it out of the content folder")
        case .unreadable(let cause):
            return Diagnostic(.io, at: location, "cannot read: \(cause)", hint: "make it readable, or move it out of the content folder")
        case .danglingLink:
            return Diagnostic(.io, at: location, "symlink points at nothing", hint: "fix its target or remove the link")
        case .linkOutside:
            return Diagnostic(.io, at: location, "symlink leads outside the site folder; it is not read",
                hint: "copy the file into the site, or point the link at a file inside it")
        case .nameNotUTF8:
            return Diagnostic(.encoding, at: location, "the name is not valid UTF-8", hint: "rename it")
        }
    }

    /// `.MD`, `.markdown` and the like: Markdown by name, but not read.
    static func isMarkdownName(_ name: String) -> Bool {
        ["md", "markdown", "mdown", "mkd"].contains((name as NSString).pathExtension.lowercased())
    }

    static func ignored(_ path: String) -> Diagnostic {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return Diagnostic(.ignoredFile, at: SourceLocation(file: path), "not read: Markdown files must end in .md",
            hint: "rename it to \(stem).md", severity: .warning)
    }

    /// Bundle folder (relative to the playbooks folder) → its index file: `index.md`, else
    /// `README.md`.
    static func bundleIndexes(_ paths: [String]) -> [String: String] {
        var indexes: [String: String] = [:]
        for path in paths {
            let name = (path as NSString).lastPathComponent, folder = ContentLayout.folder(of: path)
            guard !folder.isEmpty, ContentLayout.bundleIndexNames.contains(name) else { continue }
            if indexes[folder] == nil || name == "index.md" { indexes[folder] = path }
        }
        return indexes
    }

    /// A file or folder directly in the content folder that is no kind's folder: its files
    /// are published as they are (paths relative to the content folder), its Markdown is not read.
    static func notAKindFolder(_ name: String, contentDir: String, walker: ContentWalker, root: String)
        -> (files: [ContentWalker.File], problems: [Diagnostic]) {
        let kinds = ContentKind.allCases.map(\.folder)
        let hint = DidYouMean.hint(for: name, in: kinds) ?? "playhub reads \(kinds.map { $0 + "/" }.joined(separator: ", "))"
        var info = stat()
        guard stat(root + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            guard isMarkdownName(name) else {
                return ([ContentWalker.File(path: name, size: Int(info.st_size), modified: modificationDate(info))], [])
            }
            return ([], [Diagnostic(.ignoredFile, at: SourceLocation(file: "\(contentDir)/\(name)"),
                "not read: Markdown files directly in \(contentDir)/ belong in one of its folders", hint: hint, severity: .warning)])
        }
        let walk = walker.walk(root + "/" + name, recursive: true)
        var problems = walk.problems.map { problem($0, at: "\(contentDir)/\(name)/\($0.path)") }
        let markdown = walk.files.filter { isMarkdownName(($0.path as NSString).lastPathComponent) }
        if !markdown.isEmpty {
            problems.append(Diagnostic(.ignoredFile, at: SourceLocation(file: "\(contentDir)/\(name)/"),
                "not read: \(contentDir)/\(name)/ is not a content folder (\(markdown.count) Markdown file\(markdown.count == 1 ? "" : "s") in it)",
                hint: hint, severity: .warning))
        }
        let files = walk.files.filter { !isMarkdownName(($0.path as NSString).lastPathComponent) }
            .map { ContentWalker.File(path: name + "/" + $0.path, size: $0.size, modified: $0.modified) }
        return (files, problems)
    }

    /// The names in a folder (readdir(3)), without `.` and `..`; nil when it cannot be read.
    static func entries(of folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The canonical path with every symlink resolved (realpath(3)), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
