import Foundation

/// The build cache keeps a playbook's front matter but not its body's HTML (that would make
/// the cache as big as the site). When a page that shows a cached playbook's body must be
/// rendered, its file is parsed again here: the same parse a clean build makes.
enum DeferredBodies {
    /// Fills in the bodies of the playbooks at `indexes` that have none yet.
    static func load(into graph: inout SiteGraph, indexes: [Int], siteDir: URL, options: MarkdownOptions, jobs: Int) -> Diagnostics {
        let wanted = indexes.filter { graph.playbooks[$0].bodyDeferred }
        let sources = wanted.map { (graph.playbooks[$0].sourcePath, graph.playbooks[$0].slug) }
        let bodies = Parallel.map(sources, jobs: jobs) { path, slug -> Result<RenderedMarkdown, Diagnostic> in
            // Found by path alone: the parse reads it (and says so when it cannot).
            let file = SourceFile.unread(kind: .playbook, path: path, absolutePath: siteDir.appendingPathComponent(path).path,
                                         fileStem: slug, size: 0, modified: .distantPast)
            let (document, problems) = DocumentParser.parse(file, options: options)
            if let document { return .success(document.body) }
            return .failure(problems.first { $0.code == .io }
                ?? Diagnostic(.io, at: SourceLocation(file: path), "file changed during the build", hint: "build again"))
        }
        var problems = Diagnostics()
        for (index, body) in zip(wanted, bodies) {
            switch body {
            case .success(let body):
                graph.playbooks[index].body = body
                graph.playbooks[index].bodyDeferred = false
            case .failure(let problem):
                problems.append(problem)
            }
        }
        return problems
    }
}
