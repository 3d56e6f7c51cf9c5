import Foundation
import Testing
@testable import PlayhubKit

/// The dependency rule (`PageInputs`) against brute force: random small hubs are built in
/// full before and after one random single-file edit, every page of both is rendered, and
/// every page whose bytes changed must be a page whose key changed. (A key may change while
/// the bytes do not: the rule may render more than it must, never less.)
@Suite struct PageInputsTests {
    struct Built {
        var pages: [String: Data] = [:]
        var keys: [String: UInt64] = [:]
    }

    func build(_ hub: RandomHub) throws -> Built {
        let site = try SiteFixture("", files: hub.files)
        let result = Builder.build(BuildOptions(siteDir: site.root, jobs: 2, writeOutput: false))
        #expect(result.succeeded, "\(result.diagnostics)")
        let graph = try #require(result.graph)
        let inputs = PageInputs(graph: graph, siteKey: 1)
        var built = Built()
        for file in result.files { built.pages[file.path] = file.data }
        for plan in PagePlanner.plan(graph) { built.keys[plan.path.outputFile] = inputs.key(plan) }
        return built
    }

    @Test func everyPageWhoseBytesChangeHasANewKey() throws {
        var visible = 0
        for seed in 0..<100 {
            var hub = RandomHub(seed: UInt64(seed))
            let before = try build(hub)
            #expect(before.keys.count > 30)
            let edit = hub.edit()
            let after = try build(hub)
            var changed = 0
            for (path, key) in after.keys {
                guard let old = before.pages[path], let new = after.pages[path] else { continue }
                if old != new {
                    changed += 1
                    #expect(before.keys[path] != key, "seed \(seed), \(edit): \(path) changed but its key did not")
                }
            }
            if changed > 0 || Set(before.keys.keys) != Set(after.keys.keys) { visible += 1 }
        }
        // Nearly every edit shows somewhere (a new related tag may already be listed as one
        // sharing playbooks), or the test would prove little.
        #expect(visible >= 95, "\(visible) of 100 edits changed a page")
    }

    @Test func aBodyEditReachesOnlyItsOwnPage() throws {
        var hub = RandomHub(seed: 7)
        let before = try build(hub)
        hub.playbooks[0].body += "\n\nA sentence no other page shows."
        let after = try build(hub)
        let rekeyed = after.keys.filter { before.keys[$0.key] != $0.value }.map(\.key)
        #expect(rekeyed == ["playbooks/\(hub.playbooks[0].slug)/index.html"])
    }

    @Test func aTitleEditReachesItsCardsButNotEveryPage() throws {
        var hub = RandomHub(seed: 3)
        let before = try build(hub)
        hub.playbooks[2].title = "A wholly new title"
        let after = try build(hub)
        let rekeyed = Set(after.keys.filter { before.keys[$0.key] != $0.value }.map(\.key))
        #expect(rekeyed.contains("playbooks/\(hub.playbooks[2].slug)/index.html"))
        for tag in hub.playbooks[2].tags where rekeyed.contains("tags/\(tag)/index.html") == false {
            // Its tag pages list it on page 1 or a later page: one of them changes.
            #expect(rekeyed.contains { $0.hasPrefix("tags/\(tag)/") }, "tag \(tag)")
        }
        #expect(rekeyed.count < after.keys.count / 2, "\(rekeyed.count) of \(after.keys.count)")
    }
}
