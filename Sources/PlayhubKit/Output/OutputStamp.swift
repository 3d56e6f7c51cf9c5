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
