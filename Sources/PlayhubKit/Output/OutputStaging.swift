import Foundation

/// The output folder while a build writes it (stage 8 of `OutputWriter`, taken one file at a
/// time): opened with every path the build will make, so what stands in the way is known
/// before the first page is rendered; then each file is handed over as soon as it exists
/// (`put`, from any thread) and its bytes are let go, so a build holds no more than the
/// pages being rendered; then `commit` renames the staged files into place, or the staging
/// folder goes and the previous site stays exactly as it was.
///
/// A file whose bytes are already in the output is not staged (its time stays, so rsync and
/// CDNs see no change); any other is written to `.playhub-staging/` inside the output folder.
/// The caller holds the folder's `OutputLock`.
final class OutputStaging: @unchecked Sendable {
    let root: String
    private let sitePath: String
    private let stagingPath: String
    private let plan: OutputPlan
    private let index: [String: Int]
    private let manifest: OutputManifest?
    private let owned: [String: OutputStamp]
    private let previousSite: String?

    private enum Outcome {
        case unchanged(OutputStamp), staged(OutputStamp), failed(OutputWriter.Failure)
    }
    private let lock = NSLock()
    private var outcomes: [Outcome?]

    /// Looks at the place of every one of `paths` and makes the staging folder; throws what
    /// stands in the way, all of it, with nothing written.
    init(paths: [String], output: URL, site: URL, jobs: Int) throws {
        do { try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true) } catch {
            throw OutputWriter.Failures(items: [.init(path: output.standardizedFileURL.path, cause: OutputWriter.cause(of: error))])
        }
        root = ContentScanner.realPath(output.standardizedFileURL.path) ?? output.standardizedFileURL.path
        sitePath = site.standardizedFileURL.path
        let manifest = OutputManifest.load(in: root)
        self.manifest = manifest
        if let manifest, manifest.site != sitePath {
            previousSite = manifest.site
            owned = [:]
        } else {
            previousSite = nil
            owned = manifest?.files ?? [:]
        }
        plan = try OutputPlan.make(paths, root: root, owned: owned, jobs: jobs)
        var index: [String: Int] = [:]
        index.reserveCapacity(paths.count)
        for (number, path) in paths.enumerated() { index[path] = number }
        self.index = index
        outcomes = Array(repeating: nil, count: paths.count)
        stagingPath = root + "/" + OutputWriter.stagingName
        try? FileManager.default.removeItem(atPath: stagingPath) // left by an interrupted build
        guard mkdir(stagingPath, 0o755) == 0 else {
            throw OutputWriter.Failures(items: [.init(path: stagingPath, cause: OutputWriter.errnoText())])
        }
    }

    /// Whatever was not committed goes with the staging folder.
    deinit { try? FileManager.default.removeItem(atPath: stagingPath) }

    /// Takes one file of the build: left alone when the output already holds its bytes,
    /// otherwise staged. A failure (disk full) is kept for `commit` to report.
    func put(_ path: String, _ data: Data) {
        guard let number = index[path] else { preconditionFailure("\(path) was not planned") }
        let outcome: Outcome
        if case .file(let stamp, _) = plan.places[number], stamp.size == data.count,
           OutputWriter.contentsEqual(root + "/" + path, data) {
            outcome = .unchanged(stamp)
        } else {
            switch OutputWriter.stage(data, at: "\(stagingPath)/\(number)") {
            case .success(let stamp): outcome = .staged(stamp)
            case .failure(let cause): outcome = .failed(.init(path: root + "/" + path, cause: cause.text))
            }
        }
        lock.lock()
        outcomes[number] = outcome
        lock.unlock()
    }

    /// Keeps the file the last build wrote at `path`, without its bytes, when it is still
    /// exactly as written (`stamp`, as the last build recorded it); false when it is not,
    /// and the file must be made again.
    func keep(_ path: String, ifStillAt stamp: OutputStamp) -> Bool {
        guard let number = index[path], case .file(let found, owned: true) = plan.places[number], found == stamp else { return false }
        lock.lock()
        outcomes[number] = .unchanged(found)
        lock.unlock()
        return true
    }

    /// The bytes this build made for `path` (staged, or already in place), for the link check.
    func contents(_ path: String) -> Data? {
        guard let number = index[path] else { return nil }
        lock.lock()
        let outcome = outcomes[number]
        lock.unlock()
        switch outcome {
        case .staged: return try? ContentScanner.readFile("\(stagingPath)/\(number)").get().0
        case .unchanged: return try? ContentScanner.readFile(root + "/" + path).get().0
        case .failed, nil: return nil
        }
    }

    /// Puts the staged files in place and takes out the last build's files this one no
    /// longer makes (`scope`), then writes the manifest.
    func commit(scope: OutputWriter.Scope, jobs: Int) throws -> OutputWriter.Report {
        var report = OutputWriter.Report()
        report.previousSite = previousSite
        var failures: [OutputWriter.Failure] = []
        var staged: [Int] = []
        report.stamps.reserveCapacity(plan.paths.count)
        for (number, outcome) in outcomes.enumerated() {
            switch outcome {
            case .unchanged(let stamp): report.stamps[plan.paths[number]] = stamp
            case .staged(let stamp):
                report.stamps[plan.paths[number]] = stamp // rename keeps inode and time
                staged.append(number)
            case .failed(let failure): failures.append(failure)
            case nil: failures.append(.init(path: root + "/" + plan.paths[number], cause: "the build did not make this file"))
            }
        }
        if !failures.isEmpty { throw OutputWriter.Failures(items: OutputWriter.summarise(failures)) }

        try plan.clearWay(in: root)
        let moved = Parallel.map(staged, jobs: jobs) { [root, stagingPath, plan] number -> OutputWriter.Failure? in
            rename("\(stagingPath)/\(number)", root + "/" + plan.paths[number]) == 0 ? nil
                : .init(path: root + "/" + plan.paths[number], cause: OutputWriter.errnoText())
        }
        let moveFailures = moved.compactMap { $0 }
        if !moveFailures.isEmpty { throw OutputWriter.Failures(items: OutputWriter.summarise(moveFailures)) }

        report.replaced = (plan.replacedFolders + staged.compactMap { number -> String? in
            switch plan.places[number] {
            case .link, .file(_, owned: false): plan.paths[number]
            default: nil
            }
        }).sorted()
        report.written = staged.count
        report.unchanged = plan.paths.count - staged.count
        switch scope {
        case .complete(let clean):
            report.removed = OutputWriter.removeStale(owned, keeping: report.stamps, in: root)
            let others = OutputSweep.foreignFiles(in: root, keeping: report.stamps)
            if clean {
                report.cleaned = OutputSweep.remove(others, in: root)
            } else {
                report.foreign = others.count
            }
        case .partial(let stamps, let recount, let foreign):
            report.unchanged += stamps.count { report.stamps[$0.key] == nil }
            report.stamps.merge(stamps) { new, _ in new }
            report.foreign = recount ? OutputSweep.foreignFiles(in: root, keeping: report.stamps).count : foreign
        }
        try OutputWriter.saveManifest(OutputManifest(site: sitePath, files: report.stamps), previous: manifest, in: root)
        return report
    }
}
