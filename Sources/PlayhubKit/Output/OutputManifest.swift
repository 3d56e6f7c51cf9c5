import Foundation

/// The record of what playhub wrote into an output folder: `.playhub-manifest` at its root,
/// one line per file with the stamp it had when written. It is what makes "playhub deletes
/// only what it wrote" hold: a build removes a file only when the manifest lists it, this
/// build no longer makes it, and it is still exactly as playhub left it. Everything else in
/// the folder (a `CNAME`, a `.git/`, a PDF put there by hand) is someone else's.
///
/// It lives in the output folder, not in the cache, so it travels with the output: a CI job
/// that builds into a fresh checkout of a `gh-pages` branch still knows which files the last
/// build made. It names the site that wrote it; a manifest of another site is not trusted.
struct OutputManifest: Equatable {
    static let fileName = ".playhub-manifest"
    static let header = "playhub-manifest 1"

    /// The site folder (absolute) whose build wrote the files.
    var site: String
    /// Output path → stamp right after the build wrote (or kept) it.
    var files: [String: OutputStamp]

    /// The manifest in `root`, or nil when there is none or it cannot be read as one (then
    /// no file of the folder counts as playhub's).
    static func load(in root: String) -> OutputManifest? {
        guard case .success(let (data, _)) = ContentScanner.readFile(root + "/" + fileName) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0] == header, lines[1].hasPrefix("site ") else { return nil }
        var manifest = OutputManifest(site: unescape(lines[1].dropFirst(5)), files: [:])
        manifest.files.reserveCapacity(lines.count)
        for line in lines.dropFirst(2) where !line.isEmpty {
            let fields = line.split(separator: "\t")
            guard fields.count == 4, let size = Int(fields[1]), let time = Int(fields[2]), let inode = UInt64(fields[3]) else { return nil }
            let path = unescape(fields[0])
            guard isSafe(path) else { return nil } // a manifest that names paths outside the folder is not ours
            manifest.files[path] = OutputStamp(size: size, modifiedNanoseconds: time, inode: inode)
        }
        return manifest
    }

    /// The manifest's bytes: sorted, so an unchanged output gives an unchanged manifest.
    var data: Data {
        var text = Self.header + "\nsite " + Self.escape(site) + "\n"
        for (path, stamp) in files.sorted(by: { $0.key < $1.key }) {
            text += "\(Self.escape(path))\t\(stamp.size)\t\(stamp.modifiedNanoseconds)\t\(stamp.inode)\n"
        }
        return Data(text.utf8)
    }

    /// A relative path that stays inside the folder: no empty, `.` or `..` segment, not absolute.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false)
            .contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    // Paths may hold any character but NUL; tabs, newlines and `%` are percent-escaped.
    private static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "%" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09")
            .replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: "\r", with: "%0D")
    }

    private static func unescape(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        return String(text).replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
    }
}
