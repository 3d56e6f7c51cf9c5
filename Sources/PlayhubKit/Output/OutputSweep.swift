import Foundation

/// The files of an output folder that this build did not make: counted in the summary
/// ("3 files not made by playhub left in place"), and removed only by `build --clean`.
/// Links are listed, never followed.
enum OutputSweep {
    /// Relative paths of every file, link or other non-folder entry below `root` that is not
    /// in `made` (nor playhub's own manifest or staging folder), sorted.
    static func foreignFiles(in root: String, keeping made: [String: OutputStamp]) -> [String] {
        var found: [String] = []
        func walk(_ folder: String, prefix: String) {
            guard let names = ContentScanner.entries(of: folder) else { return }
            for name in names {
                let relative = prefix + name
                if prefix.isEmpty, name == OutputManifest.fileName || name == OutputWriter.stagingName { continue }
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(folder + "/" + name, prefix: relative + "/")
                } else if made[relative] == nil {
                    found.append(relative)
                }
            }
        }
        walk(root, prefix: "")
        return found.sorted()
    }

    /// Removes `paths` (from `foreignFiles`) and the folders they leave empty; the count removed.
    static func remove(_ paths: [String], in root: String) -> Int {
        var removed = 0
        var emptied = Set<String>()
        for path in paths where OutputPlan.isRealFolderChain(path, in: root) && unlink(root + "/" + path) == 0 {
            removed += 1
            emptied.formUnion(OutputFolders.holding([path]))
        }
        for folder in emptied.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
        return removed
    }

    /// The first `.git` folder or `site.json` below `root`, which `--clean` refuses to sweep:
    /// a repository or a hub's sources are never the output's to clean.
    static func protectedEntry(in root: String) -> String? {
        func walk(_ folder: String, prefix: String) -> String? {
            guard let names = ContentScanner.entries(of: folder) else { return nil }
            for name in names.sorted() {
                if name == ".git" || name == "site.json" { return prefix + name }
                var info = stat()
                if lstat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                   let hit = walk(folder + "/" + name, prefix: prefix + name + "/") { return hit }
            }
            return nil
        }
        return walk(root, prefix: "")
    }
}
