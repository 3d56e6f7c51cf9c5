import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PlayhubCLI
@testable import PlayhubServer

/// `playhub serve` on the command line: usage errors, and the real binary started with
/// `--port 0`, printing its URL, serving, and stopping with exit 0 on Ctrl-C (SIGINT).
@Suite(.serialized, .timeLimit(.minutes(2))) struct ServeCommandTests {
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        lazy var console = Console { [unowned self] line, _ in self.lock.lock(); self.text += line + "\n"; self.lock.unlock() }
        var all: String { lock.lock(); defer { lock.unlock() }; return text }
    }

    @Test func badOptionsAreUsageErrors() {
        for arguments in [["serve", "--port", "70000"], ["serve", "--port", "-1"], ["serve", "--host", " "],
                          ["serve", "--source", "/no/such/folder"], ["serve", "--bogus"]] {
            let captured = Captured()
            #expect(Playhub.run(arguments, output: captured.console) == 2, "\(arguments)")
        }
    }

    @Test func helpNamesEveryOption() {
        let captured = Captured()
        #expect(Playhub.run(["serve", "--help"], output: captured.console) == 0)
        for option in ["--source", "--host", "--port", "--drafts", "0 picks a free one"] {
            #expect(captured.all.contains(option), "\(option)")
        }
    }

    @Test func aPortInUseIsAUsageErrorThatSaysWhatToDo() async throws {
        let site = try TempSite(ServeHub.text)
        let (listener, port) = try Self.listenOnAFreePort()
        defer { close(listener) }
        let captured = Captured()
        let console = captured.console, source = site.root.path
        let status = try await offPool {
            Playhub.run(["serve", "--source", source, "--port", String(port)], output: console)
        }
        #expect(status == 2)
        #expect(captured.all.contains("127.0.0.1:\(port) is already in use"), "\(captured.all)")
        #expect(captured.all.contains("--port 0"))
        #expect(!captured.all.contains("Built "), "the port is checked before the first build: \(captured.all)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A socket listening on 127.0.0.1 at a port the kernel picked.
    static func listenOnAFreePort() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw RawHTTP.Failure(description: "cannot listen on a free port") }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// The `playhub` executable next to the test bundle (`swift test` builds it too).
    static let binary: URL? = {
        let here = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = here.appendingPathComponent("playhub")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()

    @Test(.enabled(if: binary != nil, "the playhub executable was not built next to the tests"))
    func ctrlCStopsTheServerWithExitZero() async throws {
        let binary = try #require(Self.binary)
        let site = try TempSite(ServeHub.text)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--source", site.root.path, "--port", "0"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let printed = Locked("")
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let chunk = String(decoding: handle.availableData, as: UTF8.self)
            printed.withLock { $0 += chunk }
        }
        try process.run()
        defer {
            stdout.fileHandleForReading.readabilityHandler = nil
            if process.isRunning { process.terminate() }
        }

        let serving = await eventually(timeout: 60) { printed.current.contains("(Ctrl-C to stop)") }
        try #require(serving, "no URL printed: \(printed.current)")
        let line = try #require(printed.current.split(separator: "\n").first { $0.hasPrefix("Serving ") })
        let match = try #require(line.firstMatch(of: /^Serving Serve Hub at http:\/\/127\.0\.0\.1:(\d+)\/ \(Ctrl-C to stop\)$/),
                                 "\(line)")
        let port = try #require(Int(match.1))
        #expect(port > 0 && port != 1313)
        let home = try await offPool { try RawHTTP.get(port, "/") }
        #expect(home.status == 200)
        let stream = try EventStream(port: port)
        #expect(await stream.waitFor("event: hello"))

        process.interrupt()   // SIGINT, as Ctrl-C sends
        let stopped = await eventually(timeout: 15) { !process.isRunning }
        #expect(stopped, "still running 15 s after SIGINT")
        guard stopped else { return }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(await eventually(timeout: 2) { printed.current.contains("Stopped.") }, "\(printed.current)")
    }
}
