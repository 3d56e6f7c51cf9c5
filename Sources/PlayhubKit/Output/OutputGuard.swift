import Foundation

/// Refuses output folders a build must never write into: `/`, a home folder or a folder that
/// holds one, the site folder or one that holds it, a folder inside any `.git`, a folder
/// inside or holding one of the site's sources (content, static, templates, themes), and an
/// existing folder that is another hub (it has a `site.json` or a `content/` of its own).
/// Paths are compared after resolving links, so a link cannot smuggle a source in.
public enum OutputGuard {
    /// `homes` replaces the real home folders, for tests only.
    public static func check(output: URL, siteDir: URL, config: SiteConfig, homes: [String]? = nil) -> Diagnostic? {
        let out = resolved(output.standardizedFileURL.path)
        let site = resolved(siteDir.standardizedFileURL.path)
        func refuse(_ why: String) -> Diagnostic {
            Diagnostic(.unsafeOutput, at: nil, "refusing to write to output folder '\(output.path)': \(why)",
                hint: out == site + "/public" ? "choose a dedicated folder with --output" : "choose a dedicated folder such as \(site)/public")
        }
        func holds(_ outer: String, _ inner: String) -> Bool { outer == "/" || inner.hasPrefix(outer + "/") }

        if out == "/" { return refuse("it is the file system root") }
        for home in homes?.map(resolved) ?? homeFolders() {
            if out == home { return refuse("it is the home folder") }
            if holds(out, home) { return refuse("it contains the home folder \(home)") }
        }
        if out == site { return refuse("it is the site folder") }
        if holds(out, site) { return refuse("it contains the site folder") }
        if out.split(separator: "/").contains(".git") { return refuse("it is inside a .git folder") }
        for source in [config.contentDir, "static", "templates", "themes"] {
            let path = resolved(source.hasPrefix("/") ? source : siteDir.appendingPathComponent(source).standardizedFileURL.path)
            if out == path || holds(path, out) { return refuse("it is inside the site's \(source)/ folder") }
            if holds(out, path) { return refuse("it contains the site's \(source)/ folder (\(path))") }
        }
        var info = stat()
        if stat(out, &info) == 0 {
            if info.st_mode & S_IFMT != S_IFDIR { return refuse("it is a file, not a folder") }
            // This site's own build may have published one (a static `content/` folder, say).
            let published = OutputManifest.load(in: out).flatMap { $0.site == siteDir.standardizedFileURL.path ? $0.files : nil } ?? [:]
            for mark in ["site.json", "content"] where access(out + "/" + mark, F_OK) == 0
                && !published.keys.contains(where: { $0 == mark || $0.hasPrefix(mark + "/") }) {
                return refuse("it holds a \(mark) of its own, so it looks like another hub's folder")
            }
        }
        return nil
    }

    /// The home folders to protect: `$HOME` and the account's home in the password database
    /// (they differ under `sudo -E`), with links resolved.
    static func homeFolders() -> [String] {
        var homes: [String] = []
        if let home = ProcessInfo.processInfo.environment["HOME"], home.hasPrefix("/") { homes.append(resolved(home)) }
        if let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir {
            let home = String(cString: dir)
            if home.hasPrefix("/") { homes.append(resolved(home)) }
        }
        return Array(Set(homes.filter { $0 != "/" })).sorted()
    }

    /// `path` with every link resolved, also when its last parts do not exist yet: the
    /// longest existing ancestor is resolved and the rest appended.
    static func resolved(_ path: String) -> String {
        var head = (path as NSString).standardizingPath
        var tail: [String] = []
        while head != "/" && !head.isEmpty {
            if let real = ContentScanner.realPath(head) {
                return tail.isEmpty ? real : (real == "/" ? "" : real) + "/" + tail.reversed().joined(separator: "/")
            }
            tail.append((head as NSString).lastPathComponent)
            head = (head as NSString).deletingLastPathComponent
        }
        return "/" + tail.reversed().joined(separator: "/")
    }
}
