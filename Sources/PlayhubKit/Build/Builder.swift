import Foundation

/// The build, stage by stage (see STYLE of zola's `Site::build`): each stage is a value-in,
/// value-out call; problems are collected, and any error stops before the write, so a
/// failed build leaves the previous output exactly as it was.
public enum Builder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        var result = BuildResult()
        let clock = StageClock()

        // 1. configure
        let (loadedConfig, configProblems) = SiteConfig.load(siteDir: options.siteDir)
        result.diagnostics.append(contentsOf: configProblems)
        guard var config = loadedConfig else { return result.finish(clock) }
        if let baseURL = options.baseURL { config.baseURL = SiteConfig.normalisedBaseURL(baseURL) }
        result.config = config
        let output = outputURL(options, config)
        result.outputDir = output
        if options.writeOutput, let refusal = OutputGuard.check(output: output, siteDir: options.siteDir, config: config) {
            result.diagnostics.append(refusal)
            return result.finish(clock)
        }
        // The output folder is this build's alone until it returns; a failed first build
        // takes away the folder it made.
        var lock: OutputLock?
        if options.writeOutput {
            guard let held = result.collect(OutputLock.hold(output, siteDir: options.siteDir, clean: options.clean)) else {
                return result.finish(clock)
            }
            lock = held
        }
        defer { if !result.succeeded { lock?.discardIfCreated() } }
        let theme = result.collect(Theme.load(siteDir: options.siteDir, config: config))
        clock.lap("configure", into: &result)

        // What the last build into this folder read and wrote. A body-only edit renders just
        // its pages over the last build's snapshot.
        var markdown = MarkdownOptions(unsafeHTML: config.unsafeHTML, basePath: config.basePath)
        let cache = options.cache ?? (options.persistentCache ? BuildCache.forDisk() : nil)
        let previous = options.writeOutput ? cache.flatMap { $0.snapshot?.state ?? CacheStore.loadState(siteDir: options.siteDir, output: output) } : nil
        if let cache, let previous, let theme, !result.diagnostics.hasErrors {
            let inputs = SnapshotRebuild.Inputs(options: options, config: config, theme: theme, output: output, markdown: markdown,
                                                cache: cache, state: previous)
            let laps = result.stageTimes.count
            if SnapshotRebuild.attempt(inputs, clock: clock, result: &result) { return result.finish(clock) }
            result.stageTimes.removeSubrange(laps...) // the attempt did not apply: one lap for it
            clock.lap("cache", into: &result)
        }

        // 2. discover: every content file by size and time (each is read by the parse stage)
        let scanStart = Date()
        let scan = ContentScanner.scan(siteDir: options.siteDir, contentDir: config.contentDir)
        result.diagnostics.append(contentsOf: scan.diagnostics)
        markdown.layout = scan.layout
        clock.lap("discover", into: &result)

        let contentDir = config.contentDir
        let dates = Background { GitDates.load(siteDir: options.siteDir, contentDir: contentDir) }

        // 3–4. read each file, parse its front matter and render its Markdown, in parallel
        let (documents, parseProblems) = DocumentParser.parseAll(scan.files, options: markdown, jobs: options.jobs,
                                                                 cache: cache?.inMemory == true ? cache : nil)
        result.diagnostics.append(contentsOf: parseProblems)
        let sources = cache.map { _ in
            Self.sourceStamps(scan.files, documents, parseProblems, dates: dates.value, readAt: scanStart)
                .merging(scan.assets.map { ($0.path, SourceStamp(size: $0.size, modified: $0.modified, key: 0, dates: nil)) }) { $1 }
        }
        clock.lap("parse", into: &result)

        // 5. resolve references into the site graph
        let (graph, resolveProblems) = SiteGraph.resolve(config: config, documents: documents,
                                                         includeDrafts: options.includeDrafts, dates: dates.value,
                                                         jobs: options.jobs)
        result.diagnostics.append(contentsOf: resolveProblems)
        clock.lap("resolve", into: &result)
        result.graph = graph // `check --report` reports on it even when there are errors
        guard let graph, let theme, !result.diagnostics.hasErrors else { return result.finish(clock) }

        // 6. plan every page and what else is published; what stands in the way of any of it
        // in the output folder is found now, before a page is rendered
        let plans = PagePlanner.plan(graph)
        result.diagnostics.append(contentsOf: PagePlanner.clashes(in: plans, graph: graph))
        let seo = SearchEngineFiles.make(graph: graph, plans: plans, sitemapLimits: options.sitemapLimits, jobs: options.jobs)
        let (assets, assetProblems) = ContentAsset.read(scan.assets, jobs: options.jobs)
        result.diagnostics.append(contentsOf: assetProblems)
        let (published, assemblyProblems) = OutputAssembly.assemble(plans: plans, searchEngineFiles: seo, assets: assets,
                                                                    graph: graph, theme: theme, siteDir: options.siteDir)
        result.diagnostics.append(contentsOf: assemblyProblems)
        guard !result.diagnostics.hasErrors else { return result.finish(clock) }
        let paths = published.paths
        let sink: any OutputSink
        do {
            sink = options.writeOutput ? try OutputStaging(paths: paths, output: output, site: options.siteDir, jobs: options.jobs)
                : OutputMemory()
        } catch {
            result.diagnostics.append(contentsOf: OutputWriter.diagnostics(for: error, siteDir: options.siteDir,
                                                                           firstBuild: lock?.created == true))
            return result.finish(clock)
        }
        clock.lap("plan", into: &result)

        // 7. render the pages whose inputs changed since the last build (all of them without
        // one), each written (staged) as it is made; then every other file
        let inputs = PageInputs(graph: graph, siteKey: InputKeys.site(options: options, theme: theme))
        let pageKeys = Parallel.map(published.pages, jobs: options.jobs) { inputs.key($0) }
        var changed: [PagePlan] = []
        for (plan, key) in zip(published.pages, pageKeys) {
            let path = plan.path.outputFile
            if let staging = sink as? OutputStaging, let previous, previous.pageKeys[path] == key,
               let stamp = previous.outputs[path], staging.keep(path, ifStillAt: stamp) { continue }
            changed.append(plan)
        }
        let renderProblems = PageRenderer.render(changed, graph: graph, theme: theme, jobs: options.jobs) { _, page in
            sink.put(page.path, page.data)
        }
        result.diagnostics.append(contentsOf: renderProblems)
        guard !renderProblems.hasErrors else { return result.finish(clock) }
        _ = Parallel.map(published.files, jobs: options.jobs) { sink.put($0.path, $0.data) }
        clock.lap("render", into: &result)
        if let memory = sink as? OutputMemory { result.files = memory.files(paths) }
        for plan in plans { result.pagesByKind[plan.kind, default: 0] += 1 }
        // A page a static file replaces is made by the copy, and counts as made.
        result.renderedPages = changed.count + plans.count - published.pages.count
        // Broken links are warnings in `build` unless site.json says otherwise, errors in `check`.
        let linkSeverity: Diagnostic.Severity = options.checkLinks || config.brokenLinks == .error ? .error : .warning
        result.diagnostics.append(contentsOf: LinkChecker.check(graph: graph, published: .init(paths: Set(paths), data: sink.contents),
                                                                layout: scan.layout, severity: linkSeverity))
        clock.lap("links", into: &result)
        guard !result.diagnostics.hasErrors else { return result.finish(clock) }

        // 8. put the staged files in place, then keep a snapshot for the next build
        if let staging = sink as? OutputStaging {
            do {
                let report = try staging.commit(scope: .complete(clean: options.clean), jobs: options.jobs)
                result.writeReport = report
                if let other = report.previousSite {
                    result.diagnostics.append(Diagnostic(.otherSiteOutput, at: nil,
                        "the output folder was last built from another site (\(other)); its files were left in place",
                        hint: "build that site elsewhere, or run `playhub build --clean` to remove what this site does not make",
                        severity: .warning))
                }
                clock.lap("write", into: &result)
                if let cache, let sources {
                    let state = BuildSnapshot.State(generation: UInt64.random(in: 1...UInt64.max),
                                                    siteKey: InputKeys.site(options: options, theme: theme), sources: sources,
                                                    pagesByKind: result.pagesByKind, warnings: result.diagnostics.warnings,
                                                    outputs: report.stamps,
                                                    folders: OutputFolders.times(OutputFolders.holding(report.stamps.keys),
                                                                                 in: output, jobs: options.jobs),
                                                    foreign: report.foreign,
                                                    pageKeys: Dictionary(uniqueKeysWithValues: zip(published.pages.map(\.path.outputFile), pageKeys)))
                    cache.keep(BuildSnapshot(state: state, graph: graph), graphUnchanged: false, siteDir: options.siteDir, output: output)
                    if !cache.inMemory { clock.lap("save", into: &result) }
                }
            } catch {
                cache?.snapshot = nil
                result.diagnostics.append(contentsOf: OutputWriter.diagnostics(for: error, siteDir: options.siteDir,
                                                                               firstBuild: lock?.created == true))
            }
        }
        return result.finish(clock)
    }

    /// Every content file's stamp for the snapshot: size, time, and the keys of what its
    /// parse gives the resolve stage (`InputKeys`).
    static func sourceStamps(_ files: [SourceFile], _ documents: [ParsedDocument], _ problems: Diagnostics,
                             dates: ContentDates, readAt: Date) -> [String: SourceStamp] {
        var warnings: [String: [Diagnostic]] = [:]
        for problem in problems.items { if let file = problem.location?.file { warnings[file, default: []].append(problem) } }
        var byPath: [String: ParsedDocument] = [:]
        for document in documents { byPath[document.path] = document }
        var stamps: [String: SourceStamp] = [:]
        for found in files {
            let document = byPath[found.path]
            // The size and time of the bytes that were parsed, not of the file as found.
            let file = document?.source ?? found
            stamps[file.path] = SourceStamp(size: SourceStamp.size(of: file, readAt: readAt), modified: file.modified,
                                            key: document.map { InputKeys.source($0, warnings: warnings[file.path] ?? []) } ?? 0,
                                            dates: document.flatMap { InputKeys.dates(of: $0, dates) })
        }
        return stamps
    }

    static func outputURL(_ options: BuildOptions, _ config: SiteConfig) -> URL {
        let path = options.outputDir ?? config.outputDir
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : options.siteDir.appendingPathComponent(path)
        return url.standardizedFileURL
    }
}

/// Times the stages of one build.
final class StageClock {
    private let start = DispatchTime.now()
    private var last = DispatchTime.now()

    func lap(_ stage: String, into result: inout BuildResult) {
        let now = DispatchTime.now()
        result.stageTimes.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
}

extension BuildResult {
    /// Keeps a stage's value, or records its problems and returns nil.
    mutating func collect<T>(_ outcome: Result<T, Diagnostics>) -> T? {
        switch outcome {
        case .success(let value): return value
        case .failure(let problems): diagnostics.append(contentsOf: problems); return nil
        }
    }

    func finish(_ clock: StageClock) -> BuildResult {
        var result = self
        result.seconds = clock.elapsed
        return result
    }
}
