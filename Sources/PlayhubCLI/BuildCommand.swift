import ArgumentParser
import Foundation
import PlayhubKit

/// `playhub build`: the site into its output folder, or nothing at all when it has errors.
struct BuildCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into its output folder.",
        discussion: """
            A build with any content error writes nothing; the previous output stays as it was.

            playhub removes only files it wrote itself: it records them in .playhub-manifest in \
            the output folder, and a file that no build made (a CNAME, a .git/, a PDF put there by \
            hand) stays and is counted in the summary. --clean removes those too.

            What a build read and wrote is kept in the site's .playhub-cache/, so that the next \
            build renders only the pages whose inputs changed (an edited body: its own page; a \
            title: every page that shows it; site.json or a template: every page). The output \
            is the same as a build without the cache.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The output folder (default: site.json outputDir, usually public/).")
    var output: String?

    @Option(name: .long, help: "Use this base URL instead of site.json's baseURL.")
    var baseURL: String?

    @Flag(name: .long, help: "Include playbooks and pages marked draft.")
    var drafts = false

    @Option(name: .long, help: "Worker threads (default: the number of cores).")
    var jobs: Int = Parallel.coreCount

    @Flag(name: .long, help: "Build everything from scratch, without reading or writing .playhub-cache/.")
    var noCache = false

    @Flag(name: .long, help: "Also remove files in the output folder that playhub did not write (refused where it holds .git or site.json).")
    var clean = false

    @Flag(name: .long, help: "Print errors only, no summary.")
    var quiet = false

    @Flag(name: .long, help: "Also print how long each build stage took.")
    var timings = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL, such as https://example.org/")
        }
    }

    mutating func execute(console: Console) -> Int32 {
        var options = BuildOptions(siteDir: site.siteURL, outputDir: output, baseURL: baseURL, includeDrafts: drafts, jobs: jobs)
        options.persistentCache = !noCache
        options.clean = clean
        let result = Builder.build(options)
        if result.diagnostics.errors.contains(where: { $0.code == .unsafeOutput }) {
            DiagnosticPrinter.print(result.diagnostics, to: console)
            return Playhub.Exit.usage
        }
        guard result.succeeded else {
            DiagnosticPrinter.print(result.diagnostics, to: console)
            return Playhub.Exit.contentErrors
        }
        for warning in result.diagnostics.warnings { console.err(warning.description) }
        if !quiet { console.out(result.summary) }
        if timings {
            for (stage, seconds) in result.stageTimes {
                console.out("  " + stage.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
            }
        }
        return Playhub.Exit.success
    }
}
