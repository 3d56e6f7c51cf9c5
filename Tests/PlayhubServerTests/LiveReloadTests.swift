import Foundation
import Testing
@testable import PlayhubServer

/// Edit → rebuild → reload, as an author sees it: the event stream announces each rebuild,
/// a broken file puts its error on every page while the last good page stays, and fixing
/// it takes the error away.
@Suite(.serialized, .timeLimit(.minutes(3))) struct LiveReloadTests {
    @Test func editingAPlaybookReloadsAndServesTheNewText() async throws {
        try await withServer { hub in
            let events = try EventStream(port: hub.port)
            #expect(await events.waitFor("event: hello"), "no hello: \(events.text)")
            #expect(events.text.contains("text/event-stream"))

            try hub.site.write(ServeHub.seoAuditPath, ServeHub.seoAudit.replacingOccurrences(
                of: "Start with the pages that earn money.", with: "Fresh words from the editor."))
            #expect(await events.waitFor("event: reload"), "no reload announced: \(events.text)")
            let page = try await hub.get("/playbooks/seo-audit/")
            #expect(page.text.contains("Fresh words from the editor."))
            #expect(!page.text.contains("Start with the pages that earn money."))
            #expect(hub.terminal.contains { $0.hasPrefix("content/playbooks/seo-audit.md changed") }, "\(hub.terminal)")
        }
    }

    @Test func aBrokenPlaybookShowsItsErrorOnEveryPageUntilFixed() async throws {
        try await withServer { hub in
            let events = try EventStream(port: hub.port)
            #expect(await events.waitFor("event: hello"))

            // Unclosed flow sequence: invalid YAML in the front matter.
            let broken = ServeHub.seoAudit.replacingOccurrences(of: "tags: [\"seo\"]", with: "tags: [\"seo\"")
                .replacingOccurrences(of: "Start with the pages that earn money.", with: "This text must not be served.")
            try hub.site.write(ServeHub.seoAuditPath, broken)
            #expect(await events.waitFor("event: reload"), "no reload after the broken save: \(events.text)")

            let page = try await hub.get("/playbooks/seo-audit/")
            #expect(page.status == 200)
            #expect(page.text.contains("id=\"playhub-error-overlay\""))
            #expect(page.text.contains("content/playbooks/seo-audit.md:"))
            #expect(page.text.contains("Start with the pages that earn money."), "the last good page stays")
            #expect(!page.text.contains("This text must not be served."))
            // Every page, the 404 page too, carries the overlay; CSS does not.
            #expect(try await hub.get("/").text.contains("playhub-error-overlay"))
            #expect(try await hub.get("/no-such-page/").text.contains("playhub-error-overlay"))
            #expect(!(try await hub.get("/style.css").text.contains("playhub-error-overlay")))
            // The terminal shows the error with its place too.
            #expect(hub.terminal.contains { $0.hasPrefix("error: content/playbooks/seo-audit.md:") && $0.contains("error:") },
                    "\(hub.terminal)")
            #expect(hub.terminal.contains("error: 1 error; still serving the last good build"))

            try hub.site.write(ServeHub.seoAuditPath, ServeHub.seoAudit)
            #expect(await events.waitFor("event: reload", count: 2), "no reload after the fix: \(events.text)")
            let fixed = try await hub.get("/playbooks/seo-audit/")
            #expect(!fixed.text.contains("playhub-error-overlay"))
            #expect(fixed.text.contains("Start with the pages that earn money."))
        }
    }

    @Test func errorTextIsEscapedInTheOverlay() async throws {
        try await withServer { hub in
            let events = try EventStream(port: hub.port)
            #expect(await events.waitFor("event: hello"))
            try hub.site.write(ServeHub.seoAuditPath, ServeHub.seoAudit.replacingOccurrences(
                of: "tags: [\"seo\"]", with: "tags: [\"<img src=x onerror=alert(1)>\"]"))
            #expect(await events.waitFor("event: reload"))
            let page = try await hub.get("/")
            #expect(page.text.contains("playhub-error-overlay"))
            #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!page.text.contains("<img src=x"))
        }
    }

    @Test func aStylesheetChangeSwapsCSSWithoutAReload() async throws {
        try await withServer { hub in
            let events = try EventStream(port: hub.port)
            #expect(await events.waitFor("event: hello"))
            try hub.site.write("static/extra.css", "body { color: #c00; }\n")
            #expect(await events.waitFor("event: css"), "\(events.text)")
            #expect(!events.text.contains("event: reload"))
            #expect(try await hub.get("/extra.css").text == "body { color: #c00; }\n")
        }
    }

    @Test func newFoldersAreWatchedToo() async throws {
        try await withServer { hub in
            let events = try EventStream(port: hub.port)
            #expect(await events.waitFor("event: hello"))
            // A new sub-folder, then (after its creation was seen) a playbook inside it.
            try FileManager.default.createDirectory(at: hub.site.root.appendingPathComponent("content/playbooks/new/deeper"),
                                                    withIntermediateDirectories: true)
            #expect(await events.waitFor("event: reload"))
            try hub.site.write("content/playbooks/new/deeper/late-arrival.md", """
            ---
            title: "Late Arrival"
            tags: ["seo"]
            date: 2024-03-01
            ---

            Written after the server started.
            """)
            #expect(await events.waitFor("event: reload", count: 2), "\(events.text)")
            #expect(try await hub.get("/playbooks/late-arrival/").text.contains("Written after the server started."))
        }
    }

    @Test func aSaveBurstIsOneRebuild() async throws {
        try await withServer { hub in
            let events = try EventStream(port: hub.port)
            #expect(await events.waitFor("event: hello"))
            let before = hub.server.rebuilder.current.generation
            // What an editor does on save: backup, write, rename, touch — within a few ms.
            let url = hub.site.root.appendingPathComponent(ServeHub.seoAuditPath)
            try Data("backup".utf8).write(to: hub.site.root.appendingPathComponent("content/playbooks/.seo-audit.md.swp"))
            try Data(ServeHub.seoAudit.utf8).write(to: url.appendingPathExtension("tmp"))
            try FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: url.appendingPathExtension("tmp"), to: url)
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
            #expect(await events.waitFor("event: reload"))
            // Nothing else may follow within twice the quiet time.
            try await Task.sleep(for: .milliseconds(600))
            #expect(hub.server.rebuilder.current.generation == before + 1)
        }
    }
}
