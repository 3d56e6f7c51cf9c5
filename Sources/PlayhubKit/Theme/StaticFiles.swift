import Foundation

/// The files of a `static/` folder (the site's or a theme's), copied as they are to the
/// output root. Every file is copied, hidden ones too (`.nojekyll`, `.htaccess`,
/// `.well-known/`), except a `.git` folder; a file that cannot be read, a dangling link, a
/// link out of the site and a name that is not UTF-8 are errors, never skipped in silence.
enum StaticFiles {
    /// Output path → bytes, and the problems, each at its file (`shownAs` + relative path).
    static func collect(in folder: URL, shownAs: String, siteDir: URL) -> ([String: Data], [Diagnostic]) {
        var info = stat()
        guard stat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return ([:], []) }
        let root = ContentScanner.realPath(siteDir.path) ?? siteDir.path
        let walk = ContentWalker(root: root, includeHidden: true).walk(folder.path, recursive: true)
        var problems = walk.problems.map { ContentScanner.problem($0, at: shownAs + $0.path) }
        var files: [String: Data] = [:]
        for file in walk.files {
            switch ContentScanner.readFile(folder.path + "/" + file.path) {
            case .success(let (data, _)): files[file.path] = data
            case .failure(let error):
                problems.append(Diagnostic(.io, at: SourceLocation(file: shownAs + file.path), "cannot read: \(error.message)",
                    hint: "make it readable, or move it out of \(shownAs)"))
            }
        }
        return (files, problems)
    }
}
