import Foundation
import Testing
@testable import PlayhubKit
@testable import PlayhubServer

/// `serve` never touches the deploy folder (SPEC §6): it builds into a folder made for this
/// server alone, so `serve --drafts` can never leave a draft in public/, and that folder is
/// gone once the server stops.
@Suite(.serialized, .timeLimit(.minutes(3))) struct PrivateOutputTests {
    static let draftPath = "content/playbooks/secret-plan.md"
    static func draft(_ body: String) -> String {
        """
        ---
        title: "Secret Plan"
        summary: "Not for anyone's eyes yet."
        tags: ["seo"]
        date: 2024-03-01
        draft: true
        ---

        \(body)
        """
    }

    /// Every file and folder under `root`: bytes (files) and modification time, by path.
    static func snapshot(_ root: URL) throws -> [String: (Data?, Date)] {
        let fm = FileManager.default
        var entries: [String: (Data?, Date)] = [:]
        let paths = try fm.subpathsOfDirectory(atPath: root.path) + [""]
        for path in paths {
            let url = path.isEmpty ? root : root.appendingPathComponent(path)
            let attributes = try fm.attributesOfItem(atPath: url.path)
            let modified = try #require(attributes[.modificationDate] as? Date)
            let isFile = attributes[.type] as? FileAttributeType == .typeRegular
            entries[path] = (isFile ? try Data(contentsOf: url) : nil, modified)
        }
        return entries
    }

    static func same(_ a: [String: (Data?, Date)], _ b: [String: (Data?, Date)]) -> Bool {
        a.count == b.count && a.allSatisfy { path, entry in
            guard let other = b[path] else { return false }
            return entry.0 == other.0 && entry.1 == other.1
        }
    }

    @Test func servingDraftsLeavesTheDeployFolderAsItWas() async throws {
        let prepared = Locked<(public: [String: (Data?, Date)], siteEntries: [String])?>(nil)
        let seen = Locked<URL?>(nil)
        let hub = try await ServerHarness.start(prepare: { site in
            try site.write(Self.draftPath, Self.draft("The first draft."))
            let built = Builder.build(BuildOptions(siteDir: site.root))
            try #require(built.succeeded, "\(built.diagnostics)")
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("playbooks/secret-plan").path))
            let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
            let files = try Self.snapshot(site.output)
            prepared.withLock { $0 = (files, entries) }
        }, configure: { $0.includeDrafts = true })
        do {
            let events = try EventStream(port: hub.port)
            #expect(await events.waitFor("event: hello"))
            let draft = try await hub.get("/playbooks/secret-plan/")
            #expect(draft.status == 200)
            #expect(draft.text.contains("The first draft."))

            // The build went to a private folder: outside the site, inside the folder the server
            // was told to use for temporary files, named for serve, readable by this user only.
            let folder = hub.output
            seen.withLock { $0 = folder }
            #expect(folder.lastPathComponent.hasPrefix("playhub-serve-"))
            #expect(folder.deletingLastPathComponent().resolvingSymlinksInPath().path == hub.site.base.resolvingSymlinksInPath().path)
            let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
            #expect(mode == 0o700)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("playbooks/secret-plan/index.html").path))
            #expect(hub.server.rebuilder.current.config?.outputDir == "public", "site.json still names public/; serve ignores it")

            // A rebuild goes to the private folder as well.
            try hub.site.write(Self.draftPath, Self.draft("The second draft."))
            #expect(await events.waitFor("event: reload"), "\(events.text)")
            #expect(try await hub.get("/playbooks/secret-plan/").text.contains("The second draft."))
        } catch {
            await hub.stop()
            throw error
        }
        await hub.stop()

        let before = try #require(prepared.current)
        let after = try Self.snapshot(hub.site.output)
        #expect(Self.same(before.public, after), "public/ changed: \(Set(after.keys).symmetricDifference(before.public.keys))")
        #expect(!after.keys.contains { $0.contains("secret-plan") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: hub.site.root.path).sorted() == before.siteEntries,
                "serve wrote into the site folder")
        let folder = try #require(seen.current)
        #expect(!FileManager.default.fileExists(atPath: folder.path), "the private folder outlived the server")
        let left = try FileManager.default.contentsOfDirectory(atPath: hub.site.base.path)
        #expect(!left.contains { $0.hasPrefix("playhub-serve-") }, "\(left)")
    }

    @Test func eachServerGetsAFolderOfItsOwn() async throws {
        try await withServer { first in
            try await withServer { second in
                #expect(first.output != second.output)
                #expect(first.output.path.hasPrefix(first.site.base.resolvingSymlinksInPath().path + "/"))
            }
        }
    }
}
