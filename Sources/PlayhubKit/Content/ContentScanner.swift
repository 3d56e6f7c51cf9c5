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
    /// elsewhere is refused with an error, never read. Files are read on `jobs` threads.
    public static func scan(siteDir: URL, contentDir: String, jobs: Int = 1) -> Scan {
        var scan = Scan()
        let siteRoot = realPath(siteDir.path) ?? siteDir.path
        let contentRoot = siteDir.appendingPathComponent(contentDir).path
        var found: [(kind: ContentKind, path: String, absolute: String)] = []
        for kind in ContentKind.allCases {
            let folder = contentRoot + "/" + kind.folder
            var info = stat()
            guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            let walk = markdownFiles(in: URL(fileURLWithPath: folder), recursive: kind.allowsSubfolders, insideOf: siteRoot)
            for escape in walk.outside {
                scan.diagnostics.append(Diagnostic(.io, at: SourceLocation(file: "\(contentDir)/\(kind.folder)/\(escape)"),
                    "symlink leads outside the site folder; it is not read",
                    hint: "copy the file into the site, or point the link at a file inside it"))
            }
            for relative in walk.files {
                found.append((kind, "\(contentDir)/\(kind.folder)/\(relative)", folder + "/" + relative))
            }
        }
        let read = Parallel.map(found.map { $0.absolute }, jobs: jobs) { readFile($0) }
        for (entry, outcome) in zip(found, read) {
            switch outcome {
            case .success(let (data, modified)):
                let stem = String((entry.path as NSString).lastPathComponent.dropLast(3))
                scan.files.append(SourceFile(kind: entry.kind, path: entry.path, fileStem: stem, data: data, modified: modified))
            case .failure(let error):
                scan.diagnostics.append(Diagnostic(.io, at: SourceLocation(file: entry.path), "cannot read file: \(error.message)"))
            }
        }
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
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        return .success((data, modified))
    }

    /// Paths of `.md` files below `folder`, relative to it and sorted, and the symlinks
    /// whose targets lie outside `root`.
    static func markdownFiles(in folder: URL, recursive: Bool, insideOf root: String) -> (files: [String], outside: [String]) {
        var files: [String] = [], outside: [String] = []
        var visited = Set<String>() // real folder paths, so a link loop ends
        func walk(_ path: String, prefix: String) {
            guard let real = realPath(path), visited.insert(real).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = path + "/" + name
                var info = stat()
                guard lstat(child, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFLNK {
                    guard let target = realPath(child) else { continue } // dangling link
                    if !(target == root || target.hasPrefix(root + "/")) {
                        if name.hasSuffix(".md") || recursive { outside.append(prefix + name) }
                        continue
                    }
                    guard stat(child, &info) == 0 else { continue }
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    if recursive { walk(child, prefix: prefix + name + "/") }
                } else if name.hasSuffix(".md") {
                    files.append(prefix + name)
                }
            }
        }
        walk(folder.path, prefix: "")
        return (files.sorted(), outside.sorted())
    }

    /// The canonical path with every symlink resolved (realpath(3)), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
