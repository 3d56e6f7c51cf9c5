import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder `serve` builds into, made for one server and removed when it stops (SPEC §6:
/// the preview never writes into the deploy folder, so `--drafts` can never reach a deploy).
///
/// `mkdtemp(3)` picks a name no one else holds and creates it with mode 0700 in one step, so
/// in a shared temporary folder no other user can have planted the folder or a link in its
/// place, nor read the drafts inside it.
struct PrivateFolder: Sendable {
    /// Why the folder could not be made: the parent is missing or not writable.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let namePrefix = "playhub-serve-"

    /// The folder's real path (links resolved), as the watcher and `SafePath` compare paths.
    let url: URL

    /// Makes `<parent>/playhub-serve-XXXXXX`.
    static func make(in parent: URL) throws -> PrivateFolder {
        var template = Array((parent.standardizedFileURL.path + "/" + namePrefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let path = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: path)
        }
        guard let made else {
            let reason = String(cString: strerror(errno))
            throw Failure(description: "cannot make a private folder to build into in \(parent.path): \(reason)")
        }
        // mkdtemp already creates 0700; said again so no umask or platform can widen it.
        chmod(made, 0o700)
        let real = SafePath.realPath(made) ?? made
        return PrivateFolder(url: URL(fileURLWithPath: real, isDirectory: true))
    }

    /// Removes the folder and everything in it; links inside are removed, never followed.
    func remove() throws {
        try FileManager.default.removeItem(at: url)
    }
}
