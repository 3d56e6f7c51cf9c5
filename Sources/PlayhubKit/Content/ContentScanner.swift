import Foundation

/// Stage 2, discover: finds every content file of a site, sorted by path so that every later
/// stage sees the same order on every machine.
public enum ContentScanner {
    public struct Scan: Sendable {
        public var files: [SourceFile] = []
        public var diagnostics = Diagnostics()
    }

    /// Reads `<siteDir>/<contentDir>/<kind folder>/` for every kind. Missing folders are fine
    /// (a hub may have no industries); files other than `.md` and hidden files are skipped.
    /// A symlink is followed only when it stays inside the site folder: content that lives
    /// elsewhere is refused with an error, never read.
    public static func scan(siteDir: URL, contentDir: String) -> Scan {
        var scan = Scan()
        let fm = FileManager.default
        let siteRoot = realPath(siteDir.path) ?? siteDir.path
        let contentRoot = siteDir.appendingPathComponent(contentDir)
        for kind in ContentKind.allCases {
            let folder = contentRoot.appendingPathComponent(kind.folder)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { continue }
            let walk = markdownFiles(in: folder, recursive: kind.allowsSubfolders, insideOf: siteRoot)
            for escape in walk.outside {
                scan.diagnostics.append(Diagnostic(.io, at: SourceLocation(file: "\(contentDir)/\(kind.folder)/\(escape)"),
                    "symlink leads outside the site folder; it is not read",
                    hint: "copy the file into the site, or point the link at a file inside it"))
            }
            for relative in walk.files {
                let url = folder.appendingPathComponent(relative)
                let path = "\(contentDir)/\(kind.folder)/\(relative)"
                do {
                    let data = try Data(contentsOf: url)
                    let attributes = try fm.attributesOfItem(atPath: url.path)
                    let modified = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
                    let stem = String((relative as NSString).lastPathComponent.dropLast(3))
                    scan.files.append(SourceFile(kind: kind, path: path, fileStem: stem, data: data, modified: modified))
                } catch {
                    scan.diagnostics.append(Diagnostic(.io, at: SourceLocation(file: path), "cannot read file: \(error.localizedDescription)"))
                }
            }
        }
        scan.files.sort { $0.path < $1.path }
        return scan
    }

    /// Paths of `.md` files below `folder`, relative to it and sorted, and the symlinks
    /// whose targets lie outside `root`.
    static func markdownFiles(in folder: URL, recursive: Bool, insideOf root: String) -> (files: [String], outside: [String]) {
        let fm = FileManager.default
        var files: [String] = [], outside: [String] = []
        var visited = Set<String>() // real folder paths, so a link loop ends
        func walk(_ url: URL, prefix: String) {
            guard let real = realPath(url.path), visited.insert(real).inserted,
                  let names = try? fm.contentsOfDirectory(atPath: url.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = url.appendingPathComponent(name)
                let isLink = (try? fm.attributesOfItem(atPath: child.path))?[.type] as? FileAttributeType == .typeSymbolicLink
                if isLink {
                    guard let target = realPath(child.path) else { continue } // dangling link
                    if !(target == root || target.hasPrefix(root + "/")) {
                        if name.hasSuffix(".md") || recursive { outside.append(prefix + name) }
                        continue
                    }
                }
                var isDir: ObjCBool = false
                fm.fileExists(atPath: child.path, isDirectory: &isDir)
                if isDir.boolValue {
                    if recursive { walk(child, prefix: prefix + name + "/") }
                } else if name.hasSuffix(".md") {
                    files.append(prefix + name)
                }
            }
        }
        walk(folder, prefix: "")
        return (files.sorted(), outside.sorted())
    }

    /// The canonical path with every symlink resolved (realpath(3)), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
