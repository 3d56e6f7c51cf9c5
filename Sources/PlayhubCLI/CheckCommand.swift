import ArgumentParser
import Foundation
import PlayhubKit

/// `playhub check`: everything `build` does except writing.
struct CheckCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site for errors and broken links without writing anything."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Check drafts too.")
    var drafts = false

    @Flag(name: .long, help: "Also print the hub health report: thin tags, duplicates, summary lengths, stale and orphan playbooks.")
    var report = false

    @Flag(name: .long, help: "Print the health report as JSON (implies --report).")
    var json = false

    mutating func execute(console: Console) -> Int32 {
        var options = BuildOptions(siteDir: site.siteURL, includeDrafts: drafts, writeOutput: false)
        options.checkLinks = true
        let result = Builder.build(options)
        if !result.succeeded {
            for diagnostic in result.diagnostics.sorted { console.err(diagnostic.description) }
            let errors = result.diagnostics.errors.count
            console.err("\(errors) error\(errors == 1 ? "" : "s")")
        }
        // The report comes after the errors, and even with them: a hub being fixed still
        // wants to know its thin tags.
        if report || json, let graph = result.graph {
            let health = HealthReport.make(graph: graph)
            console.out(json ? health.json.trimmingCharacters(in: .newlines) : health.text.trimmingCharacters(in: .newlines))
            return result.succeeded ? Playhub.Exit.success : Playhub.Exit.contentErrors
        }
        guard result.succeeded else { return Playhub.Exit.contentErrors }
        console.out("No errors: \(result.pagesByKind.values.reduce(0, +)) pages would be built.")
        return Playhub.Exit.success
    }
}
