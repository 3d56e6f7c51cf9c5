import Foundation
import Testing
@testable import PlayhubServer

/// A real browser: Debian's headless chromium loads a served page, and its live-reload
/// script must open the event stream. Skipped, with the reason printed, where chromium is
/// not installed (`apt-get install chromium`).
@Suite(.serialized, .timeLimit(.minutes(3))) struct BrowserTests {
    /// `chromium` on PATH, or nil; nothing else is tried.
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test(.enabled(if: chromium != nil, "chromium is not on PATH (Debian: apt-get install chromium); browser check skipped"))
    func aBrowserOpensTheLiveReloadStream() async throws {
        let chromium = try #require(Self.chromium)
        try await withServer { hub in
            let profile = hub.site.base.appendingPathComponent("chromium-profile")
            let url = "http://127.0.0.1:\(hub.port)/playbooks/seo-audit/"
            let run = try await offPool { try Self.runChromium(chromium, arguments: [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(profile.path)", "--dump-dom", url,
            ], timeout: 90) }
            #expect(run.exited, "chromium did not finish within 90 s")
            #expect(run.output.contains("Start with the pages that earn money."), "the page did not load: \(run.output.prefix(500))")
            #expect(run.output.contains("data-playhub=\"live-reload\""))
            let connected = await eventually(timeout: 10) { hub.server.liveReload.connectionsOpened >= 1 }
            #expect(connected, "the browser never opened \(LiveReload.eventsPath)")
        }
    }

    /// A harness page: `frame` loaded in an iframe of the same origin, and `script`, which
    /// drives it and writes what it saw into `<pre id="log">` (read back by `log(in:)`).
    static func harness(frame: String, script: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Harness</title></head>
        <body>
        <pre id="log">running</pre>
        <iframe id="page" src="\(frame)"></iframe>
        <script>
        var frame = document.getElementById("page"), log = [];
        \(script)
        </script>
        </body></html>
        """
    }

    /// What a harness page logged, from chromium's dump of its DOM.
    static func log(in dom: String) -> String? {
        dom.components(separatedBy: "<pre id=\"log\">").dropFirst().first?.components(separatedBy: "</pre>").first
    }

    /// The DOM of `url` after `virtualTime` ms of the page's own time (its timers and fetches
    /// run without waiting for the clock), in a fresh profile under `folder`: nothing cached.
    static func dumpDOM(_ chromium: String, url: String, profileIn folder: URL, virtualTime: Int = 10_000) async throws -> String {
        let profile = folder.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        let run = try await offPool { try runChromium(chromium, arguments: [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--virtual-time-budget=\(virtualTime)", "--dump-dom", url,
        ], timeout: 90) }
        #expect(run.exited, "chromium did not finish within 90 s")
        return run.output
    }

    /// Runs chromium, collects what it prints on stdout, and kills it after `timeout` seconds.
    static func runChromium(_ path: String, arguments: [String], timeout: Double) throws -> (exited: Bool, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let collected = Locked(Data())
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            collected.withLock { $0.append(chunk) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let exited = !process.isRunning
        if !exited {
            process.terminate()
            process.waitUntilExit()
        }
        stdout.fileHandleForReading.readabilityHandler = nil
        let rest = stdout.fileHandleForReading.readDataToEndOfFile()
        collected.withLock { $0.append(rest) }
        return (exited, String(decoding: collected.current, as: UTF8.self))
    }
}
