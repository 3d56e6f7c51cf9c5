import Foundation
import Testing
@testable import PlayhubServer

/// Clients that misbehave or linger must not disturb anyone else (SPEC §6), and must not
/// keep the server from stopping.
@Suite(.serialized, .timeLimit(.minutes(2))) struct RobustnessTests {
    @Test func openStreamsAndDroppedClientsDoNotDisturbOthers() async throws {
        try await withServer { hub in
            // Event streams that stay open, one never read from.
            let streams = try (0..<4).map { _ in try EventStream(port: hub.port) }
            #expect(await streams[0].waitFor("event: hello"))
            #expect(await eventually(timeout: 5) { hub.server.liveReload.connectionsOpen == 4 })

            // A client that sends half a request and leaves; one that leaves before reading
            // its answer; one that closes an event stream right away.
            try Socket(port: hub.port, timeout: 2).send("GET /playbooks/seo-audit/ HTT")
            try Socket(port: hub.port, timeout: 2).send("GET /sitemap.xml HTTP/1.1\r\nHost: x\r\n\r\n")
            try Socket(port: hub.port, timeout: 2).send("GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: x\r\n\r\n")

            let started = Date()
            for _ in 0..<20 {
                let page = try await hub.get("/playbooks/seo-audit/")
                #expect(page.status == 200)
                #expect(page.text.contains("Start with the pages that earn money."))
            }
            #expect(Date().timeIntervalSince(started) < 10, "20 requests beside open streams took too long")
            #expect(await streams[1].waitFor("event: hello"))
        }
        // withServer's stop() expects the server to end within 10 s with the streams still open.
    }

    @Test func aClientThatLeavesMidDownloadDisturbsNoOne() async throws {
        let big = Data(repeating: UInt8(ascii: "x"), count: 16 << 20)
        try await withServer(prepare: { site in
            let url = site.root.appendingPathComponent("static/big.txt")
            try big.write(to: url)
        }) { hub in
            for _ in 0..<3 {
                // A generous wait for the first bytes: the test is about the other clients,
                // and the machine may be busy with the rest of the suite.
                let socket = try Socket(port: hub.port, timeout: 60)
                try socket.send("GET /big.txt HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try socket.receive()   // the first bytes, then hang up
            }
            let page = try await hub.get("/playbooks/seo-audit/")
            #expect(page.status == 200)
            let whole = try await hub.get("/big.txt")
            #expect(whole.body.count == big.count)
        }
    }

    @Test func aSiteThatDoesNotBuildStillStartsAndRecovers() async throws {
        let broken = ServeHub.text.replacingOccurrences(of: "tags: [\"seo\"]\ndate: 2024-01-10", with: "tags: [\"nope\"]\ndate: 2024-01-10")
        try await withServer(broken) { hub in
            #expect(hub.server.rebuilder.current.lastBuildFailed)
            #expect(hub.terminal.contains { $0.contains("unknown tag 'nope'") }, "\(hub.terminal)")
            // Nothing was ever built: every address is a 404 that shows the errors.
            let home = try await hub.get("/")
            #expect(home.status == 404)
            #expect(home.text.contains("playhub-error-overlay"))
            #expect(home.text.contains("unknown tag &#39;nope&#39;"))
            let events = try EventStream(port: hub.port)
            #expect(await events.waitFor("event: hello"))
            try hub.site.write(ServeHub.seoAuditPath, ServeHub.seoAudit)
            #expect(await events.waitFor("event: reload"), "\(events.text)")
            let fixed = try await hub.get("/")
            #expect(fixed.status == 200)
            #expect(!fixed.text.contains("playhub-error-overlay"))
        }
    }

    @Test func aRebuildReachesEveryOpenTab() async throws {
        try await withServer { hub in
            let tabs = try (0..<3).map { _ in try EventStream(port: hub.port) }
            for tab in tabs { #expect(await tab.waitFor("event: hello")) }
            try hub.site.write("content/playbooks/keyword-research.md", """
            ---
            title: "Keyword Research"
            tags: ["seo"]
            date: 2024-02-01
            ---

            Changed.
            """)
            for tab in tabs { #expect(await tab.waitFor("event: reload"), "\(tab.text)") }
        }
    }
}
