import ArgumentParser
import Foundation
import PlayhubKit

/// `playhub init DIR`: a new hub that builds at once.
struct InitCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, buildable hub in an empty or new folder."
    )

    @Argument(help: "The folder for the new hub.")
    var directory: String

    mutating func execute(console: Console) -> Int32 {
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        switch NewSite.write(to: url) {
        case .success(let files):
            console.out("Created a new hub in \(directory): \(files.count) files. Build it with:\n  playhub build --source \(directory)")
            return Playhub.Exit.success
        case .failure(let failure):
            console.err("error: \(failure)")
            return Playhub.Exit.usage
        }
    }
}
