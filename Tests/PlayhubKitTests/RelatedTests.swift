import Testing
@testable import PlayhubKit

/// Related playbooks come from the tag and term indexes; this checks them against the
/// plain definition (compare with every other playbook, sort by SPEC's order) on a random hub.
@Suite struct RelatedTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func randomPlaybooks(seed: UInt64, count: Int) -> [Playbook] {
        var random = Generator(state: seed)
        return (0..<count).map { i in
            let tags = Array(Set((0...random.next(3)).map { _ in "tag-\(random.next(12))" })).sorted()
            let industries = random.next(3) == 0 ? [] : ["industry-\(random.next(4))"]
            let tools = Array(Set((0..<random.next(3)).map { _ in "tool-\(random.next(6))" })).sorted()
            let day = Day(year: 2020 + random.next(5), month: 1 + random.next(12), day: 1 + random.next(28))!
            return Playbook(slug: "p-\(i)", sourcePath: "content/playbooks/p-\(i).md", title: "P \(i)", summary: "", description: "",
                            tags: tags, category: "c", industries: industries, tools: tools, type: nil, author: nil,
                            date: day, updated: day, draft: false, featured: false, weight: nil, aliases: [],
                            inSitemap: true, params: [:],
                            body: RenderedMarkdown(html: "", headings: [], firstParagraph: "", wordCount: 0, links: []))
        }
    }

    /// SPEC: most shared tags, then shared industries and tools, then newest, then slug.
    func bruteForce(_ playbooks: [Playbook], _ index: Int, limit: Int) -> [String] {
        let me = playbooks[index]
        func shared(_ a: [String], _ b: [String]) -> Int { Set(a).intersection(b).count }
        return playbooks.indices.filter { $0 != index }.compactMap { other -> (String, Int, Int, Day)? in
            let o = playbooks[other]
            let tags = shared(me.tags, o.tags)
            let terms = shared(me.industries, o.industries) + shared(me.tools, o.tools)
            return tags + terms > 0 ? (o.slug, tags, terms, o.date) : nil
        }.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if a.2 != b.2 { return a.2 > b.2 }
            if a.3 != b.3 { return a.3 > b.3 }
            return a.0 < b.0
        }.prefix(limit).map(\.0)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func matchesThePlainDefinition(seed: UInt64) {
        var config = SiteConfig(title: "T", baseURL: "https://example.org/")
        config.relatedCount = 5
        let graph = SiteGraph.index(config: config, playbooks: randomPlaybooks(seed: seed, count: 300), categories: [:], tags: [:],
                                    industries: [:], tools: [:], pages: [:])
        for index in graph.playbooks.indices {
            let fast = graph.relatedPlaybooks(of: index).map { graph.playbooks[$0].slug }
            #expect(fast == bruteForce(graph.playbooks, index, limit: 5), "playbook \(graph.playbooks[index].slug)")
        }
    }

    @Test func aPlaybookSharingNothingHasNoRelated() {
        var playbooks = randomPlaybooks(seed: 9, count: 5)
        playbooks[0].tags = ["alone"]; playbooks[0].industries = []; playbooks[0].tools = []
        let graph = SiteGraph.index(config: SiteConfig(title: "T", baseURL: "https://example.org/"), playbooks: playbooks,
                                    categories: [:], tags: [:], industries: [:], tools: [:], pages: [:])
        #expect(graph.relatedPlaybooks(of: graph.playbookIndex["p-0"]!) == [])
    }
}

