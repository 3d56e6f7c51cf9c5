import Testing
@testable import PlayhubKit

/// The one list order: featured → weight (unweighted last) → newest → slug.
@Suite struct OrderingTests {
    private func playbook(_ slug: String, featured: Bool = false, weight: Int? = nil, date: String = "2024-01-01") -> Playbook {
        let day = Day(date)!
        return Playbook(slug: slug, sourcePath: "content/playbooks/\(slug).md", title: slug, summary: "", description: "",
                        tags: ["t"], category: "c", industries: [], tools: [], type: nil, author: nil,
                        date: day, updated: day, draft: false, featured: featured, weight: weight, aliases: [],
                        inSitemap: true, params: [:],
                        body: RenderedMarkdown(html: "", headings: [], firstParagraph: "", wordCount: 0, links: []))
    }

    private func listOrder(_ playbooks: [Playbook]) -> [String] {
        playbooks.sorted(by: Ordering.listOrder).map(\.slug)
    }

    @Test func featuredComeFirstWhateverTheirWeightOrDate() {
        #expect(listOrder([
            playbook("plain", weight: 1, date: "2024-06-01"),
            playbook("star", featured: true, weight: 9, date: "2020-01-01"),
        ]) == ["star", "plain"])
    }

    @Test func lowerWeightFirstAndUnweightedLast() {
        #expect(listOrder([
            playbook("none", date: "2024-06-01"),
            playbook("ten", weight: 10),
            playbook("minus", weight: -1),
            playbook("two", weight: 2),
        ]) == ["minus", "two", "ten", "none"])
    }

    @Test func sameWeightOrNoneGoesNewestFirst() {
        #expect(listOrder([
            playbook("old", weight: 1, date: "2023-01-01"),
            playbook("new", weight: 1, date: "2024-01-01"),
            playbook("older", date: "2022-01-01"),
            playbook("newer", date: "2024-05-01"),
        ]) == ["new", "old", "newer", "older"])
    }

    @Test func slugBreaksTheLastTie() {
        let same = [playbook("c"), playbook("a"), playbook("b")]
        #expect(listOrder(same) == ["a", "b", "c"])
        #expect(listOrder(same.reversed()) == ["a", "b", "c"])
    }

    @Test func allRulesTogether() {
        #expect(listOrder([
            playbook("unweighted-new", date: "2024-09-01"),
            playbook("featured-b", featured: true),
            playbook("weighted-old", weight: 5, date: "2020-01-01"),
            playbook("featured-a", featured: true),
            playbook("featured-weighted", featured: true, weight: 1),
            playbook("unweighted-old", date: "2021-01-01"),
            playbook("weighted-light", weight: 1, date: "2019-01-01"),
        ]) == ["featured-weighted", "featured-a", "featured-b", "weighted-light", "weighted-old", "unweighted-new", "unweighted-old"])
    }

    @Test func newestFirstIgnoresFeaturedAndWeight() {
        let playbooks = [
            playbook("star", featured: true, weight: 1, date: "2020-01-01"),
            playbook("b", date: "2024-01-01"),
            playbook("a", date: "2024-01-01"),
        ]
        #expect(playbooks.sorted(by: Ordering.newestFirst).map(\.slug) == ["a", "b", "star"])
    }
}
