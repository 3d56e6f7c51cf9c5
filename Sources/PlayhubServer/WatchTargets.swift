import Foundation
import PlayhubKit

/// What the watcher looks at for one site (SPEC §5): `site.json`, the content folder,
/// `templates/`, `static/` and the active theme. Recomputed after every build, because
/// site.json can move the content folder or switch the theme.
public struct WatchTargets: Equatable, Sendable {
    /// The site folder, watched alone (not recursively) for `site.json` and for the target
    /// folders appearing or vanishing.
    public var siteDir: String
    /// Files directly in the site folder whose changes count.
    public var rootFiles: Set<String> = ["site.json"]
    /// Absolute folders watched recursively, sub-folders created later included.
    public var folders: [String]
    /// The output folder: never watched, so a build's own writes never trigger a build.
    public var excluded: String?

    public init(siteDir: URL, config: SiteConfig?, outputDir: URL?) {
        self.siteDir = siteDir.standardizedFileURL.path
        let contentDir = config?.contentDir ?? "content"
        let theme = config?.theme ?? "default"
        let root = siteDir.standardizedFileURL
        folders = [contentDir, "templates", "static", "themes/\(theme)"].map { folder in
            folder.hasPrefix("/") ? URL(fileURLWithPath: folder).standardizedFileURL.path
                                  : root.appendingPathComponent(folder).standardizedFileURL.path
        }
        excluded = outputDir?.standardizedFileURL.path
    }

    /// True when `path` is the output folder or inside it.
    func isExcluded(_ path: String) -> Bool {
        guard let excluded else { return false }
        return path == excluded || path.hasPrefix(excluded + "/")
    }

    /// A path relative to the site folder for messages (`content/playbooks/x.md`).
    func relative(_ path: String) -> String {
        path.hasPrefix(siteDir + "/") ? String(path.dropFirst(siteDir.count + 1)) : path
    }

    /// Editors' swap, backup and lock files, and hidden files: saving a playbook in vim or
    /// Emacs touches several of these, and none of them is content.
    static func isNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913"
            || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") || name.hasSuffix(".tmp")
    }
}
