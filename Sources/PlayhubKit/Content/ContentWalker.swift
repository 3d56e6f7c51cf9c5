import Foundation

/// Walks a folder of the content tree with plain POSIX calls (a playbooks folder can hold
/// tens of thousands of files) and says what it found: every file, and every entry it could
/// not take as a file — an unreadable folder, a dangling link, a link out of the site, a name
/// that is not UTF-8 — so the scanner can report each one instead of skipping it in silence.
/// Hidden entries (`.git`, `.DS_Store`, an editor's `.swp`) are passed over, as every static
/// site generator does.
struct ContentWalker {
    struct File {
        /// Relative to the folder walked, `/`-separated.
        var path: String
        var size: Int
        var modified: Date
    }

    enum Trouble: Equatable {
        case unreadableFolder(String)
        case unreadable(String)
        case danglingLink
        case linkOutside
        case nameNotUTF8
    }

    /// What is wrong at a relative path (a folder ends with `/`).
    struct Problem {
        var path: String
        var trouble: Trouble
    }

    /// The site folder, real path: links may lead anywhere inside it, never out.
    let root: String
    /// Static files include hidden ones (`.nojekyll`, `.htaccess`, `.well-known/`); only a
    /// `.git` folder is passed over.
    var includeHidden = false

    /// The files below `folder` (sub-folders too when `recursive`), sorted, and the problems.
    /// With `recursive` false, files in sub-folders are still listed in `nested`, so the
    /// scanner can say they are not read.
    func walk(_ folder: String, recursive: Bool) -> (files: [File], nested: [File], problems: [Problem]) {
        var files: [File] = [], nested: [File] = [], problems: [Problem] = []
        var visited = Set<String>() // real folder paths, so a link loop ends
        func visit(_ path: String, prefix: String) {
            guard let real = ContentScanner.realPath(path), visited.insert(real).inserted else { return }
            guard let names = Self.names(in: path) else {
                problems.append(Problem(path: prefix, trouble: .unreadableFolder(OutputWriter.errnoText())))
                return
            }
            for entry in names.sorted(by: { $0.name < $1.name })
                where includeHidden ? entry.name != ".git" : !entry.name.hasPrefix(".") {
                let child = path + "/" + entry.name, relative = prefix + entry.name
                guard entry.isUTF8 else { problems.append(Problem(path: relative, trouble: .nameNotUTF8)); continue }
                var info = stat()
                guard lstat(child, &info) == 0 else {
                    problems.append(Problem(path: relative, trouble: .unreadable(OutputWriter.errnoText())))
                    continue
                }
                if info.st_mode & S_IFMT == S_IFLNK {
                    guard let target = ContentScanner.realPath(child), stat(child, &info) == 0 else {
                        problems.append(Problem(path: relative, trouble: .danglingLink))
                        continue
                    }
                    guard target == root || target.hasPrefix(root + "/") else {
                        problems.append(Problem(path: relative, trouble: .linkOutside))
                        continue
                    }
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    visit(child, prefix: relative + "/")
                } else {
                    let file = File(path: relative, size: Int(info.st_size), modified: ContentScanner.modificationDate(info))
                    if recursive || prefix.isEmpty { files.append(file) } else { nested.append(file) }
                }
            }
        }
        visit(folder, prefix: "")
        return (files, nested, problems)
    }

    /// A folder's entries (readdir(3)) without `.` and `..`, each with whether its name is
    /// valid UTF-8; nil when the folder cannot be read.
    static func names(in folder: String) -> [(name: String, isUTF8: Bool)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let (name, valid) = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, Bool) in
                let bytes = raw.prefix(while: { $0 != 0 })
                if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
                return (bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined(), false)
            }
            if name != "." && name != ".." { names.append((name, valid)) }
        }
        return names
    }
}
