import ArgumentParser
import Foundation
import PlayhubKit
import PlayhubServer

/// `playhub serve`: build into a private folder, serve on 127.0.0.1, rebuild on every change
/// and reload open tabs, until Ctrl-C (exit 0). A taken port is a usage error (exit 2).
struct ServeCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally and rebuild it on every change.",
        discussion: """
        Builds into a private temporary folder, never the site's output folder, so drafts never \
        reach a deploy; the folder is removed when the server stops. Watches site.json, content/, \
        templates/, static/ and the theme. Open pages reload after each rebuild; a failed rebuild \
        shows its errors on every page and in the terminal while the last good site stays served. \
        Ctrl-C stops the server.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The address to listen on; the default keeps the preview on this machine, any other address makes it reachable from the network.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on; 0 picks a free one.")
    var port = 1313

    @Flag(name: .long, help: "Include playbooks and pages marked draft.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--host must not be empty") }
    }

    mutating func execute(console: Console) -> Int32 {
        let options = PreviewServer.Options(siteDir: site.siteURL, host: host, port: port, includeDrafts: drafts)
        let server = PreviewServer(options: options) { message in
            switch message {
            case .info(let text): console.out(text)
            case .error(let text): console.err(text)
            }
        }
        return Self.runBlocking(server, console: console)
    }

    /// Runs the server to its end from this synchronous command and returns the exit status.
    /// The server's work happens on the concurrency pool and NIO's threads; this thread only waits.
    static func runBlocking(_ server: PreviewServer, console: Console) -> Int32 {
        let status = ExitStatus()
        let finished = DispatchSemaphore(value: 0)
        Task {
            defer { finished.signal() }
            do {
                try await server.run { ready in
                    console.out("Serving \(ready.siteTitle) at \(ready.url.absoluteString) (Ctrl-C to stop)")
                }
                console.out("Stopped.")
                status.set(Playhub.Exit.success)
            } catch let failure as PreviewServer.Failure {
                console.err(failure.description)
                status.set(Playhub.Exit.usage)
            } catch {
                console.err("playhub serve: cannot serve on \(server.options.host):\(server.options.port): \(error)")
                status.set(Playhub.Exit.contentErrors)
            }
        }
        finished.wait()
        return status.value
    }
}

/// The exit status, set by the server's task and read by the waiting thread.
private final class ExitStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var status = Playhub.Exit.success

    func set(_ value: Int32) { lock.lock(); status = value; lock.unlock() }
    var value: Int32 { lock.lock(); defer { lock.unlock() }; return status }
}
