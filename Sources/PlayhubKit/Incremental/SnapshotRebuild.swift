import Foundation

/// A rebuild over the last build's snapshot, for the most common edit: the text of some
/// playbooks, nothing else. It applies only when
///
/// - site.json, the build options and the theme are as the snapshot recorded them;
/// - the content files are the same files, and every one is unchanged in size and
///   modification time, or is a playbook whose parse gives the resolve stage exactly what it
///   gave before (same front matter, default summary, warnings and dates);
///
/// so the resolved site is the snapshot's own graph but for those bodies, which only their
/// playbooks' pages show. It renders those pages, plus any page whose file in the output
/// folder is no longer as the last build wrote it, and writes them. Whenever it does not
/// apply it returns nil having written nothing, and the build runs in full.
enum SnapshotRebuild {
    struct Inputs {
        var options: BuildOptions
        var config: SiteConfig
        var theme: Theme
        var output: URL
        var markdown: MarkdownOptions
        var cache: BuildCache
        /// The last build's state.
        var state: BuildSnapshot.State
    }

    static func attempt(_ inputs: Inputs, clock: StageClock, result: inout BuildResult) -> Bool {
        let options = inputs.options, cache = inputs.cache, output = inputs.output
        let state = inputs.state
        guard state.siteKey == InputKeys.site(options: options, theme: inputs.theme) else { return false }
        // The graph is read, git is asked for dates and the output folder checked while the
        // content folder is scanned.
        let config = inputs.config
        let graph = cache.snapshot.map { snapshot in Background { Optional(snapshot.graph) } }
            ?? Background { CacheStore.loadGraph(siteDir: options.siteDir, output: output, generation: state.generation, config: config) }
        let contentDir = config.contentDir
        let dates = Background { GitDates.load(siteDir: options.siteDir, contentDir: contentDir) }
        let damaged = Background { [jobs = options.jobs] in Self.damagedOutputs(state.outputs, in: output, jobs: jobs) }
        let foldersChanged = Background { [jobs = options.jobs] in
            OutputFolders.times(state.folders.keys, in: output, jobs: jobs) != state.folders
        }
        clock.lap("cache", into: &result)

        let scanStart = Date()
        let scan = ContentScanner.scan(siteDir: options.siteDir, contentDir: contentDir)
        // The files it passes over must be the ones passed over before (their warnings are the snapshot's).
        guard !scan.diagnostics.hasErrors,
              Set(scan.diagnostics.items) == Set(state.warnings.filter { $0.code == .ignoredFile }),
              scan.files.count + scan.assets.count == state.sources.count,
              scan.files.allSatisfy({ state.sources[$0.path] != nil }),
              // Files beside the text are copied by a full build; here they must be as they were.
              scan.assets.allSatisfy({ state.sources[$0.path]?.matches(size: $0.size, modified: $0.modified) == true })
        else { return false }
        var markdown = inputs.markdown
        markdown.layout = scan.layout
        func isUnchanged(_ file: SourceFile) -> Bool { state.sources[file.path]!.matches(size: file.size, modified: file.modified) }
        let changed = scan.files.filter { !isUnchanged($0) }
        guard changed.allSatisfy({ $0.kind == .playbook }) else { return false }
        clock.lap("discover", into: &result)

        let parsed = Parallel.map(changed, jobs: options.jobs) { [markdown] in DocumentParser.parse($0, options: markdown) }
        var reparsed: [ParsedDocument] = []
        for (file, (document, problems)) in zip(changed, parsed) {
            guard let document, !problems.contains(where: { $0.severity == .error }),
                  InputKeys.source(document, warnings: problems) == state.sources[file.path]!.key,
                  InputKeys.dates(of: document, dates.value) == state.sources[file.path]!.dates else { return false }
            reparsed.append(document)
        }
        let unchangedDatesHold = scan.files.allSatisfy { file in
            guard let expected = state.sources[file.path]!.dates, isUnchanged(file) else { return true }
            return InputKeys.datesKey(dates.value.dates(for: file.path, modified: file.modified)) == expected
        }
        guard unchangedDatesHold, var site = graph.value else { return false }
        clock.lap("parse", into: &result)

        // The edited playbooks' pages, with their new bodies, and every page whose output
        // file was changed or removed by hand.
        site.config = config
        var chosen: [PagePlan] = []
        var editedPlaybooks: [Int] = []
        for document in reparsed {
            guard let index = site.playbookIndex[document.source.fileStem], site.playbooks[index].sourcePath == document.path else {
                continue // a draft: no page
            }
            site.playbooks[index].body = document.body
            site.playbooks[index].bodyDeferred = false
            editedPlaybooks.append(index)
            chosen.append(PagePlanner.playbookPage(index, in: site))
        }
        let broken = damaged.value
        var searchEngineFiles = false
        var plans: [PagePlan] = []
        if !broken.isEmpty {
            plans = PagePlanner.plan(site)
            let chosenPaths = Set(chosen.map(\.path))
            chosen += plans.filter { broken.contains($0.path.outputFile) && !chosenPaths.contains($0.path) }
            guard chosen.count <= plans.count / 2 else { return false } // as much work as a full build, which checks more
            searchEngineFiles = !broken.subtracting(plans.map(\.path.outputFile)).subtracting(inputs.theme.staticFiles.keys).isEmpty
        }
        // The search index holds every body, which this rebuild does not read: a damaged
        // index is made again by a full build, an edited body's postings are patched in.
        guard !broken.contains(where: { $0.hasPrefix(SearchIndexFiles.folder) }) else { return false }
        var searchFiles: [OutputFile] = []
        if !editedPlaybooks.isEmpty {
            guard let patched = SearchIndexPatch.files(output: output, graph: site, edited: editedPlaybooks, written: Set(state.outputs.keys))
            else { return false }
            searchFiles = patched
        }
        let bodies = chosen.compactMap { plan -> Int? in if case .playbook(let index) = plan.content { index } else { nil } }
        result.diagnostics.append(contentsOf: DeferredBodies.load(into: &site, indexes: bodies, siteDir: options.siteDir,
                                                                  options: markdown, jobs: options.jobs))
        guard !result.diagnostics.hasErrors else { return true }
        result.config = config
        result.graph = site
        clock.lap("plan", into: &result)

        let (pages, problems) = PageRenderer.render(chosen, graph: site, theme: inputs.theme, jobs: options.jobs)
        result.diagnostics.append(contentsOf: problems)
        guard !result.diagnostics.hasErrors else { return true }
        let seo = (searchEngineFiles ? SearchEngineFiles.make(graph: site, plans: plans, sitemapLimits: options.sitemapLimits, search: false) : [])
            + searchFiles
        result.files = OutputAssembly.merge(pages + seo, overriddenBy: inputs.theme.staticFiles)
        result.pagesByKind = state.pagesByKind
        result.renderedPages = chosen.count
        // The edited bodies' links are checked again; every other warning is the snapshot's.
        let edited = Set(reparsed.map(\.path))
        result.diagnostics.append(contentsOf: state.warnings.filter { !($0.code == .brokenLink && edited.contains($0.location?.file ?? "")) })
        result.diagnostics.append(contentsOf: Self.checkLinks(of: reparsed, in: site, written: result.files, state: state,
                                                              output: output, layout: scan.layout, options: options))
        guard !result.diagnostics.hasErrors else { return true }
        clock.lap("render", into: &result)

        do {
            // A folder that changed since the last build may hold files added by hand: they
            // are counted again (and left in place, as a full build leaves them).
            let sweep = foldersChanged.value
            let report = try OutputWriter.commit(result.files, to: output, site: options.siteDir,
                                                 scope: .partial(stamps: state.outputs, recount: sweep, foreign: state.foreign),
                                                 jobs: options.jobs)
            result.writeReport = report
            clock.lap("write", into: &result)
            var next = state
            // Writing a file renames it into its folder, which changes the folder's time.
            let touched = sweep ? Set(state.folders.keys) : OutputFolders.holding(result.files.map(\.path))
            next.folders.merge(OutputFolders.times(touched, in: output, jobs: options.jobs)) { _, new in new }
            for document in reparsed {
                next.sources[document.path] = SourceStamp(size: SourceStamp.size(of: document.source, readAt: scanStart),
                                                          modified: document.source.modified,
                                                          key: state.sources[document.path]!.key,
                                                          dates: state.sources[document.path]!.dates)
            }
            next.outputs = report.stamps
            next.foreign = report.foreign
            // Pages rendered here are rendered again by the next full build: their keys were
            // made over the bodies of the last one.
            for plan in chosen { next.pageKeys[plan.path.outputFile] = nil }
            // The graph changed only in bodies, which the disk copy leaves out; memory keeps them.
            if cache.inMemory || next.sources != state.sources || next.outputs != state.outputs || next.foreign != state.foreign
                || next.folders != state.folders {
                cache.keep(BuildSnapshot(state: next, graph: site), graphUnchanged: true, siteDir: options.siteDir, output: output)
                if !cache.inMemory { clock.lap("save", into: &result) }
            }
        } catch {
            cache.snapshot = nil
            result.diagnostics.append(contentsOf: OutputWriter.diagnostics(for: error, siteDir: options.siteDir))
        }
        return true
    }

    /// The links of the edited playbooks, against this build's pages and, for every other
    /// page, the copy the last build left in the output folder.
    static func checkLinks(of documents: [ParsedDocument], in site: SiteGraph, written: [OutputFile], state: BuildSnapshot.State,
                           output: URL, layout: ContentLayout, options: BuildOptions) -> [Diagnostic] {
        let sources = documents.compactMap { document -> LinkChecker.Source? in
            guard let index = site.playbookIndex[document.source.fileStem], site.playbooks[index].sourcePath == document.path else { return nil }
            return LinkChecker.Source(file: document.path, page: .playbook(site.playbooks[index].slug), links: document.body.links)
        }
        guard !sources.isEmpty else { return [] }
        var fresh: [String: Data] = [:]
        for file in written { fresh[file.path] = file.data }
        let root = output.standardizedFileURL.resolvingSymlinksInPath().path
        let published = LinkChecker.Published(paths: Set(state.outputs.keys).union(fresh.keys)) { path in
            fresh[path] ?? (try? ContentScanner.readFile(root + "/" + path).get().0)
        }
        let severity: Diagnostic.Severity = options.checkLinks || site.config.brokenLinks == .error ? .error : .warning
        return LinkChecker.check(sources, published: published, config: site.config, layout: layout, severity: severity)
    }

    /// The files of the output folder changed, replaced or removed since the last build
    /// wrote them. Only metadata is read (one `lstat` a file), on `jobs` threads.
    static func damagedOutputs(_ outputs: [String: OutputStamp], in output: URL, jobs: Int) -> Set<String> {
        let root = output.standardizedFileURL.resolvingSymlinksInPath().path
        return Set(Parallel.map(Array(outputs), jobs: jobs) { path, stamp in
            OutputStamp.of(root + "/" + path) == stamp ? nil : path
        }.compactMap { $0 })
    }
}
