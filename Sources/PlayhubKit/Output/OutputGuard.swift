import Foundation

/// Refuses output folders a build must never write into or clean: `/`, the home folder,
/// the site folder itself, a folder that contains it, or a folder inside its sources.
public enum OutputGuard {
    public static func check(output: URL, siteDir: URL, config: SiteConfig) -> Diagnostic? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let site = siteDir.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        func refuse(_ why: String) -> Diagnostic {
            Diagnostic(.unsafeOutput, at: nil, "refusing to write to output folder '\(output.path)': \(why)",
                hint: "choose a dedicated folder such as \(site)/public")
        }
        if out == "/" { return refuse("it is the file system root") }
        if out == home { return refuse("it is the home folder") }
        if out == site { return refuse("it is the site folder") }
        if site.hasPrefix(out + "/") { return refuse("it contains the site folder") }
        for source in [config.contentDir, "themes", "static", "templates"] {
            let sourcePath = siteDir.appendingPathComponent(source).standardizedFileURL.resolvingSymlinksInPath().path
            if out == sourcePath || out.hasPrefix(sourcePath + "/") { return refuse("it is inside the site's \(source)/ folder") }
        }
        return nil
    }
}
