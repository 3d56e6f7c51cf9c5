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
    /// elsewhere is refused with an error, never read. Files are read on `jobs` threads,
    /// except those `isCached` accepts by path, size and modification time: the build cache
    /// holds their parse, so they are listed unread.
    public static func scan(siteDir: URL, contentDir: String, jobs: Int = 1,
                            isCached: (@Sendable (_ path: String, _ size: Int, _ modified: Date) -> Bool)? = nil) -> Scan {
        var scan = Scan()
        let siteRoot = realPath(siteDir.path) ?? siteDir.path
        let contentRoot = siteDir.appendingPathComponent(contentDir).path
        var found: [(kind: ContentKind, path: String, absolute: String, size: Int, modified: Date)] = []
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
            for file in walk.files {
                found.append((kind, "\(contentDir)/\(kind.folder)/\(file.path)", folder + "/" + file.path, file.size, file.modified))
            }
        }
        let read = Parallel.map(found, jobs: jobs) { entry -> Result<SourceFile, ReadError> in
            let name = entry.path.utf8.split(separator: UInt8(ascii: "/")).last!
            let stem = String(Substring(name.dropLast(3)))
            if let isCached, isCached(entry.path, entry.size, entry.modified) {
                return .success(.unread(kind: entry.kind, path: entry.path, fileStem: stem, size: entry.size, modified: entry.modified))
            }
            return readFile(entry.absolute).map { SourceFile(kind: entry.kind, path: entry.path, fileStem: stem, data: $0.0, modified: $0.1) }
        }
        for (entry, outcome) in zip(found, read) {
            switch outcome {
            case .success(let file):
                scan.files.append(file)
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
        return .success((data, modificationDate(info)))
    }

    static func modificationDate(_ info: stat) -> Date {
        Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// The `.md` files below `folder` (relative paths, sorted, with the size and time of what
    /// they lead to) and the symlinks whose targets lie outside `root`. Plain POSIX calls: a
    /// playbooks folder can hold tens of thousands of files.
    static func markdownFiles(in folder: URL, recursive: Bool, insideOf root: String)
        -> (files: [(path: String, size: Int, modified: Date)], outside: [String]) {
        var files: [(path: String, size: Int, modified: Date)] = [], outside: [String] = []
        var visited = Set<String>() // real folder paths, so a link loop ends
        func walk(_ path: String, prefix: String) {
            guard let real = realPath(path), visited.insert(real).inserted, let names = entries(of: path) else { return }
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
                    files.append((prefix + name, Int(info.st_size), modificationDate(info)))
                }
            }
        }
        walk(folder.path, prefix: "")
        return (files.sorted { $0.path < $1.path }, outside.sorted())
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
