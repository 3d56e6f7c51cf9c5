import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a request path to a file inside the output folder, and to nothing else (SPEC §6: the
/// preview server serves only files inside the output folder).
///
/// The path is percent-decoded once, any `.` or `..` segment is refused outright (so `/../`,
/// `/%2e%2e/` and `/..%2f` never reach the file system), and the file found is passed through
/// `realpath` and must still lie inside the real output folder, so a symlink that leads out
/// is a 404 as well. Folders are never listed: `/x/` serves `x/index.html` or nothing.
public enum SafePath {
    public enum Resolution: Equatable, Sendable {
        /// The real, absolute path of a regular file inside the output folder.
        case file(String)
        /// A folder asked for without its trailing slash: redirect to this path (relative to
        /// the output root, starting and ending with `/`), as static hosts do.
        case redirect(String)
        case notFound
        /// Not a path this server will ever resolve: bad percent-encoding, `..`, NUL, `\`.
        case badRequest
    }

    /// Resolves `rawPath`, the request's path as sent (still percent-encoded, without the
    /// query, relative to the site's base path and starting with `/`), inside `root`.
    public static func resolve(_ rawPath: String, in root: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .badRequest }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return .badRequest }
        let segments = decoded.split(separator: "/")
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .badRequest }
        guard let realRoot = realPath(root) else { return .notFound }

        let candidate = segments.isEmpty ? realRoot : realRoot + "/" + segments.joined(separator: "/")
        guard let real = realPath(candidate), isInside(real, realRoot) else { return .notFound }
        switch kind(of: real) {
        case .directory:
            guard decoded.hasSuffix("/") else { return .redirect(folderPath(rawPath)) }
            guard let index = realPath(real + "/index.html"), isInside(index, realRoot),
                  kind(of: index) == .file else { return .notFound }
            return .file(index)
        case .file:
            return decoded.hasSuffix("/") ? .notFound : .file(real)
        case .other:
            return .notFound
        }
    }

    // MARK: - File system

    /// `realpath(3)`: every symlink resolved, nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    enum Kind { case file, directory, other }

    static func kind(of path: String) -> Kind {
        guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else {
            return .other
        }
        switch type {
        case .typeRegular: return .file
        case .typeDirectory: return .directory
        default: return .other
        }
    }

    /// `//x` must not become the protocol-relative `//x/` in a Location header (an open
    /// redirect), so leading slashes collapse to one.
    static func folderPath(_ rawPath: String) -> String {
        "/" + rawPath.drop(while: { $0 == "/" }) + "/"
    }
}
