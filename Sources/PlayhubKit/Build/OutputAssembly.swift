import Foundation

/// The build's files put together: pages (by their paths) and search-engine files, then the files beside the
/// text in the content folder (which must not take a page's place: an error), then static
/// files, which replace a generated or content file of the same path (a warning: the author may mean it, as with a
/// hand-written robots.txt, but should know). Two things that cannot both exist — a file
/// where a folder of pages goes, an alias onto a generated file, a static file named like
/// playhub's own records — are errors at the static file or alias that caused them.
enum OutputAssembly {
    /// Where an output file comes from, for messages.
    struct Origin {
        var location: SourceLocation?
        var what: String
        var isAlias = false
        var isStatic = false

        /// Who is told of a clash: an alias before a static file before a generated page.
        var rank: Int { isAlias ? 0 : isStatic ? 1 : 2 }
    }

    /// What the build publishes, decided before any page is rendered: the pages to render
    /// (those no static file replaces) and every other file, with the clashes found.
    struct Published {
        var pages: [PagePlan]
        var files: [OutputFile]

        /// Every output path, pages first.
        var paths: [String] { pages.map(\.path.outputFile) + files.map(\.path) }
    }

    static func assemble(plans: [PagePlan], searchEngineFiles: [OutputFile],
                         assets: [(ContentAsset, Data)] = [], graph: SiteGraph,
                         theme: Theme, siteDir: URL) -> (Published, Diagnostics) {
        var problems = Diagnostics()
        var origins: [String: Origin] = [:]
        origins.reserveCapacity(plans.count + searchEngineFiles.count + assets.count + theme.staticFiles.count)
        for plan in plans { origins[plan.path.outputFile] = origin(of: plan, graph: graph) }
        for file in searchEngineFiles { origins[file.path] = Origin(location: nil, what: "the generated /\(file.path)") }
        var published: [OutputFile] = []
        for (asset, data) in assets {
            let source = Origin(location: SourceLocation(file: asset.path), what: "the content file \(asset.path)", isStatic: true)
            if reservedName(asset.outputPath) {
                problems.append(Diagnostic(.outputClash, at: source.location, "\(source.what) has the name of playhub's own record in the output folder",
                    hint: "rename it"))
            } else if let generated = origins[asset.outputPath] {
                problems.append(Diagnostic(.outputClash, at: source.location, "\(source.what) would be published at /\(asset.outputPath), where \(generated.what) goes",
                    hint: "rename it"))
            } else {
                origins[asset.outputPath] = source
                published.append(OutputFile(path: asset.outputPath, data: data))
            }
        }

        let staticPaths = theme.staticFiles.keys.sorted()
        for path in staticPaths {
            let source = staticSource(path, siteDir: siteDir, theme: theme.name)
            if reservedName(path) {
                problems.append(Diagnostic(.outputClash, at: source.location, "\(source.what) has the name of playhub's own record in the output folder",
                    hint: "rename it"))
                continue
            }
            if let generated = origins[path], generated.isAlias {
                problems.append(Diagnostic(.outputClash, at: generated.location, "\(generated.what) is also \(source.what)",
                    hint: "remove the alias or change it to an unused path"))
            } else if let generated = origins[path] {
                problems.append(Diagnostic(.staticOverride, at: source.location, "\(source.what) replaces \(generated.what)",
                    hint: "rename the static file if the generated one should be published", severity: .warning))
            }
            origins[path] = source
        }

        // A path that is a file for one output and a folder for another.
        var reported = Set<String>()
        for path in origins.keys.sorted() {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard let file = origins[String(folder)], reported.insert(String(folder)).inserted else { continue }
                let inside = origins[path]!
                let (blame, other) = file.rank <= inside.rank ? (file, inside) : (inside, file)
                problems.append(Diagnostic(.outputClash, at: blame.location,
                    "\(blame.what) and \(other.what) cannot both be published: /\(folder) would be a file and a folder",
                    hint: "rename or move one of them"))
            }
        }
        let pages = staticPaths.isEmpty ? plans : plans.filter { theme.staticFiles[$0.path.outputFile] == nil }
        let files = (searchEngineFiles + published).filter { theme.staticFiles[$0.path] == nil }
            + staticPaths.map { OutputFile(path: $0, data: theme.staticFiles[$0]!) }
        return (Published(pages: pages, files: files), problems)
    }

    /// playhub's own records in the output folder.
    private static func reservedName(_ path: String) -> Bool {
        path == OutputManifest.fileName || path == OutputWriter.stagingName || path.hasPrefix(OutputWriter.stagingName + "/")
    }

    /// Static files are copied last and win over generated files of the same path (a site's
    /// own `static/robots.txt` replaces the generated one, as in Hugo).
    static func merge(_ generated: [OutputFile], overriddenBy statics: [String: Data]) -> [OutputFile] {
        generated.filter { statics[$0.path] == nil }
            + statics.keys.sorted().map { OutputFile(path: $0, data: statics[$0]!) }
    }

    private static func origin(of plan: PagePlan, graph: SiteGraph) -> Origin {
        switch plan.content {
        case .redirect(let index):
            let playbook = graph.playbooks[index]
            let alias = playbook.aliases.first { PagePlanner.aliasPath($0.value) == plan.path }
            return Origin(location: alias?.location, what: "alias '\(alias?.value ?? plan.path.value)' of \(playbook.sourcePath)",
                          isAlias: true)
        default:
            return Origin(location: nil, what: "the page \(plan.path)")
        }
    }

    /// The site's `static/` overrides the theme's; the built-in theme has no folder.
    private static func staticSource(_ path: String, siteDir: URL, theme: String) -> Origin {
        for folder in ["static", "themes/\(theme)/static"] {
            var info = stat()
            if lstat(siteDir.appendingPathComponent(folder + "/" + path).path, &info) == 0 {
                return Origin(location: SourceLocation(file: folder + "/" + path), what: "the static file \(folder)/\(path)",
                              isStatic: true)
            }
        }
        return Origin(location: nil, what: "the theme's static file \(path)", isStatic: true)
    }
}
