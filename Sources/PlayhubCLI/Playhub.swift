import ArgumentParser
import Foundation

/// The `playhub` command. `run(_:)` parses, runs and maps every outcome to SPEC §5's exit
/// statuses: 0 success, 1 content or build errors, 2 usage errors.
public struct Playhub: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "playhub",
        abstract: "Build playbook hubs: Markdown playbooks in, a fast static site out.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self]
    )

    public init() {}

    public enum Exit {
        public static let success: Int32 = 0
        public static let contentErrors: Int32 = 1
        public static let usage: Int32 = 2
    }

    /// Runs playhub with `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], output: Console = .standard) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var build = command as? ConsoleCommand {
                return build.execute(console: output)
            }
            try command.run()
            return Exit.success
        } catch {
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if code == 0 {
                if !message.isEmpty { output.out(message) }
                return Exit.success
            }
            if !message.isEmpty { output.err(message) }
            return code == ExitCode.validationFailure.rawValue ? Exit.usage : code
        }
    }
}

/// A subcommand that prints through a `Console` and returns its own exit status, so tests
/// can run it in process and read what it printed.
protocol ConsoleCommand {
    mutating func execute(console: Console) -> Int32
}

/// Where the CLI prints: the terminal, or a buffer in tests.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let write: (String, Bool) -> Void

    public init(write: @escaping (String, Bool) -> Void) { self.write = write }

    public static let standard = Console { text, isError in
        FileHandle(fileDescriptor: isError ? 2 : 1).write(Data((text + "\n").utf8))
    }

    public func out(_ text: String) { lock.lock(); defer { lock.unlock() }; write(text, false) }
    public func err(_ text: String) { lock.lock(); defer { lock.unlock() }; write(text, true) }
}
