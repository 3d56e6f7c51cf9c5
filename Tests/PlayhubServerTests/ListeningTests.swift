import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PlayhubServer

/// How the server listens (SPEC §6): idle connections are closed while live-reload streams
/// stay open, a taken port fails before anything is built, and listening anywhere but this
/// machine is said out loud.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ListeningTests {
    @Test func idleConnectionsAreClosed() async throws {
        try await withServer(configure: { $0.idleTimeout = .seconds(1) }) { hub in
            let port = hub.port
            // A client that connects and never sends a byte.
            let silent = try await offPool { try Socket(port: port, timeout: 0.2).waitForClose(timeout: 20) }
            #expect(silent, "a silent connection was still open after 20 s")
            // A client that keeps its connection after one answer and then sends nothing more.
            let kept = try await offPool { () throws -> Bool in
                let socket = try Socket(port: port, timeout: 0.2)
                try socket.send("GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n")
                return socket.waitForClose(timeout: 20)
            }
            #expect(kept, "a kept-alive connection was still open after 20 s")
            #expect(try await hub.get("/").status == 200)
        }
    }

    @Test func liveReloadStreamsOutliveTheIdleTimeout() async throws {
        try await withServer(configure: { $0.idleTimeout = .seconds(1) }) { hub in
            let stream = try EventStream(port: hub.port)
            #expect(await stream.waitFor("event: hello"))
            // Heartbeats come twice per timeout: four of them span more than one timeout.
            #expect(await stream.waitFor(": ping", count: 4), "\(stream.text)")
            try hub.site.write(ServeHub.seoAuditPath, ServeHub.seoAudit + "\nMore.\n")
            #expect(await stream.waitFor("event: reload"), "the stream was cut: \(stream.text)")
        }
        #expect(PreviewServer.heartbeat(within: .seconds(30)) == .seconds(15))
        #expect(PreviewServer.heartbeat(within: .seconds(1)) == .milliseconds(500))
    }

    @Test func aTakenPortFailsBeforeAnythingIsBuilt() async throws {
        let site = try TempSite(ServeHub.text)
        let scratch = site.base.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let (listener, port) = try ServeCommandTests.listenOnAFreePort()
        defer { close(listener) }
        let messages = Locked<[PreviewServer.Message]>([])
        let server = PreviewServer(options: .init(siteDir: site.root, port: port, handleSignals: false,
                                                  temporaryDirectory: scratch)) { message in
            messages.withLock { $0.append(message) }
        }
        var failure: PreviewServer.Failure?
        do {
            try await server.run { _ in Issue.record("the server started on a taken port") }
        } catch let error as PreviewServer.Failure {
            failure = error
        }
        guard case .portInUse(let host, let failedPort) = failure else {
            Issue.record("expected portInUse, got \(String(describing: failure))")
            return
        }
        #expect(host == "127.0.0.1" && failedPort == port)
        #expect(server.rebuilder.current.generation == 0, "a build ran")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "a private folder was made")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(messages.current.isEmpty, "\(messages.current)")
    }

    /// Runs the server until it needs its private folder, which cannot be made: everything it
    /// says before building, and nothing bound or built.
    func saidBeforeBuilding(host: String, includeDrafts: Bool = false) async throws -> [PreviewServer.Message] {
        let site = try TempSite(ServeHub.text)
        let messages = Locked<[PreviewServer.Message]>([])
        let server = PreviewServer(options: .init(siteDir: site.root, host: host, port: 0, includeDrafts: includeDrafts,
                                                  handleSignals: false,
                                                  temporaryDirectory: site.base.appendingPathComponent("missing"))) { message in
            messages.withLock { $0.append(message) }
        }
        await #expect(throws: PrivateFolder.Failure.self) { try await server.run { _ in } }
        #expect(server.rebuilder.current.generation == 0)
        return messages.current
    }

    @Test func listeningBeyondThisMachineIsSaid() async throws {
        for host in ["0.0.0.0", "::"] {
            let said = try await saidBeforeBuilding(host: host, includeDrafts: true)
            let warning = ListenAddress.exposureWarning(host: host, includeDrafts: true)
            #expect(said == [.error(warning)], "\(host): \(said)")
            #expect(warning.contains("other machines on the network"))
            #expect(warning.contains("drafts"))
        }
        for host in ["127.0.0.1", "127.0.0.2", "::1", "localhost"] {
            #expect(try await saidBeforeBuilding(host: host).isEmpty, "\(host)")
        }
    }
}

@Suite struct ListenAddressTests {
    @Test func loopbackAddressesAreTold() throws {
        for host in ["127.0.0.1", "127.1.2.3", "::1", "localhost", "::ffff:127.0.0.1"] {
            let address = try #require(ListenAddress.resolve(host, port: 0), "\(host)")
            #expect(ListenAddress.isLoopback(address), "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "fe80::1", "::ffff:10.0.0.1"] {
            let address = try #require(ListenAddress.resolve(host, port: 0), "\(host)")
            #expect(!ListenAddress.isLoopback(address), "\(host)")
        }
    }

    @Test func aTakenPortIsSeenAndAFreeOneIsNot() throws {
        let (listener, port) = try ServeCommandTests.listenOnAFreePort()
        let taken = try #require(ListenAddress.resolve("127.0.0.1", port: port))
        #expect(PortProbe.isInUse(taken))
        close(listener)
        #expect(!PortProbe.isInUse(taken), "a closed listener's port is free again (SO_REUSEADDR)")
    }
}
