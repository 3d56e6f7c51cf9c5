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
    public static func scan(siteDir: URL, contentDir: String) -> Scan {
        var scan = Scan()
        let fm = FileManager.default
        let contentRoot = siteDir.appendingPathComponent(contentDir)
        for kind in ContentKind.allCases {
            let folder = contentRoot.appendingPathComponent(kind.folder)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for relative in markdownFiles(in: folder, recursive: kind.allowsSubfolders) {
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

    /// Paths of `.md` files below `folder`, relative to it, sorted.
    static func markdownFiles(in folder: URL, recursive: Bool) -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        func walk(_ url: URL, prefix: String) {
            guard let names = try? fm.contentsOfDirectory(atPath: url.path) else { return }
            for name in names where !name.hasPrefix(".") {
                let child = url.appendingPathComponent(name)
                var isDir: ObjCBool = false
                fm.fileExists(atPath: child.path, isDirectory: &isDir)
                if isDir.boolValue {
                    if recursive { walk(child, prefix: prefix + name + "/") }
                } else if name.hasSuffix(".md") {
                    result.append(prefix + name)
                }
            }
        }
        walk(folder, prefix: "")
        return result.sorted()
    }
}
