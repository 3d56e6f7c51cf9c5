import Foundation

/// What a written file looked like right after the build wrote it: size, modification time
/// and inode. A later build that finds a file still matching its stamp trusts its bytes
/// (as make and rsync do) instead of reading them back; anything else is written again.
struct OutputStamp: Hashable, Sendable {
    var size: Int
    var modifiedNanoseconds: Int
    var inode: UInt64

    init(size: Int, modifiedNanoseconds: Int, inode: UInt64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    init(_ info: stat) {
        self.init(size: Int(info.st_size), modifiedNanoseconds: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                  inode: UInt64(info.st_ino))
    }

    /// The stamp of the regular file at `path`, without following a link; nil otherwise.
    static func of(_ path: String) -> OutputStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return OutputStamp(info)
    }
}

/// The folders of the output, by modification time: adding or removing a file in a folder
/// changes its time, so a build that finds them all unchanged knows no file was added by
/// hand since the last build wrote them (renaming a written file into place counts too,
/// so a build records the times after writing).
enum OutputFolders {
    /// Every folder holding one of `paths`, and their parents up to the root (`""`).
    static func holding(_ paths: some Sequence<String>) -> Set<String> {
        var folders: Set<String> = [""]
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break } // its parents are in already
            }
        }
        return folders
    }

    /// The modification time (nanoseconds) of each folder below `output`; -1 when it is gone
    /// or not a folder.
    static func times(_ folders: some Collection<String>, in output: URL, jobs: Int) -> [String: Int] {
        let root = output.standardizedFileURL.resolvingSymlinksInPath().path
        let times = Parallel.map(Array(folders), jobs: jobs) { folder -> Int in
            var info = stat()
            guard lstat(folder.isEmpty ? root : root + "/" + folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return -1 }
            return Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        }
        return Dictionary(uniqueKeysWithValues: zip(folders, times))
    }
}
