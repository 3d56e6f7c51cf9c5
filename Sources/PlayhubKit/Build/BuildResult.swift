import Foundation

/// Everything one build produced: the files (in memory, for `serve` and tests), what was
/// written, and every diagnostic.
public struct BuildResult: Sendable {
    public var diagnostics = Diagnostics()
    public var config: SiteConfig?
    public var graph: SiteGraph?
    public var files: [OutputFile] = []
    /// Pages by kind ("playbook": 30 …), for the summary line.
    public var pagesByKind: [String: Int] = [:]
    /// Pages rendered by this build: all of them, unless the build cache showed that only
    /// some could have changed.
    public var renderedPages = 0
    public var writeReport: OutputWriter.Report?
    public var outputDir: URL?
    /// Seconds per stage, in order, for `--verbose` style reporting and benchmarks.
    public var stageTimes: [(stage: String, seconds: Double)] = []
    public var seconds: Double = 0

    public var succeeded: Bool { !diagnostics.hasErrors }

    /// "Built 42 pages (30 playbook, 1 home, …) in 0.31 s: 45 files written, 0 unchanged, 0 removed",
    /// then what else the output folder holds and how many warnings were printed.
    public var summary: String {
        let pages = pagesByKind.values.reduce(0, +)
        let kinds = pagesByKind.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var text = "Built \(pages) pages (\(kinds)) in \(String(format: "%.2f", seconds)) s"
        if renderedPages < pages { text += " (\(renderedPages) rendered again, the rest unchanged)" }
        if let report = writeReport {
            text += ": \(report.written) files written, \(report.unchanged) unchanged, \(report.removed) removed"
            if report.cleaned > 0 { text += ", \(report.cleaned) not made by playhub removed (--clean)" }
            if report.foreign > 0 {
                text += "; \(report.foreign) file\(report.foreign == 1 ? "" : "s") not made by playhub left in place"
            }
            if !report.replaced.isEmpty {
                let names = report.replaced.prefix(5).joined(separator: ", ") + (report.replaced.count > 5 ? ", …" : "")
                text += "; \(report.replaced.count) file\(report.replaced.count == 1 ? "" : "s") not made by playhub replaced by pages: \(names)"
            }
        }
        let warnings = diagnostics.warnings.count
        if warnings > 0 { text += "; \(warnings) warning\(warnings == 1 ? "" : "s")" }
        return text
    }
}
