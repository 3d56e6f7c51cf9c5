import ArgumentParser
import Foundation
import PlayhubKit

/// `playhub new playbook "Title"`: a playbook skeleton that builds as it is.
struct NewCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new playbook skeleton (never overwrites a file).",
        usage: "playhub new playbook <title> [--tags <tags>] [--source <source>]"
    )

    @Argument(help: "What to create: playbook.")
    var kind: String

    @Argument(help: "The playbook's title; its file name and URL come from it.")
    var title: String

    @Option(name: .long, help: "Comma-separated tag slugs, e.g. onboarding,hiring (default: the first tag of the site).")
    var tags: String?

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard kind == "playbook" else { throw ValidationError("playhub new makes a 'playbook', not '\(kind)'") }
    }

    mutating func execute(console: Console) -> Int32 {
        let tagList = (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        switch NewPlaybook.write(title: title, tags: tagList, siteDir: site.siteURL) {
        case .success(let path):
            console.out("Wrote \(path)")
            return Playhub.Exit.success
        case .failure(let failure):
            console.err("error: \(failure)")
            return Playhub.Exit.contentErrors
        }
    }
}
