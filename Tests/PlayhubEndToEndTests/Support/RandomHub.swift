import Foundation

/// Small hubs made from a seed, and single edits to them, for checking the dependency rule
/// against brute force: every kind of content file, cross-category tags, shared industries
/// and tools, featured playbooks, drafts, aliases, pagination by 2.
struct RandomHub {
    struct Playbook {
        var slug: String
        var title: String
        var summary: String?
        var tags: [String]
        var category: String?
        var industries: [String]
        var tools: [String]
        var date: String
        var updated: String?
        var featured = false
        var draft = false
        var type: String?
        var alias: String?
        var body: String
    }

    struct Tag {
        var slug: String
        var title: String
        var category: String
        var description: String
        var related: [String] = []
        var faq: [(String, String)] = []
        var body = ""
    }

    struct Category {
        var slug: String
        var title: String
        var description: String
        var weight: Int
        var related: [String] = []
        var body = ""
    }

    var categories: [Category]
    var tags: [Tag]
    var industries = ["SaaS", "Retail", "Healthcare"]
    var tools = ["HubSpot", "Slack", "Notion"]
    var termFiles: [String: (title: String, description: String)] = [:] // industries/<slug>.md, tools/<slug>.md
    var playbooks: [Playbook]
    var page = (title: "About", body: "Who writes this hub.")
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
        categories = [
            Category(slug: "growth", title: "Growth", description: "Getting customers.", weight: 1, related: ["operations"]),
            Category(slug: "operations", title: "Operations", description: "Running things.", weight: 2),
            Category(slug: "finance", title: "Finance", description: "Money.", weight: 3),
        ]
        tags = [
            Tag(slug: "seo", title: "SEO", category: "growth", description: "Being found.", related: ["pricing"], faq: [("Where to start?", "With an *audit*.")], body: "## Why\n\nBuyers search."),
            Tag(slug: "pricing", title: "Pricing", category: "growth", description: "Prices."),
            Tag(slug: "hiring", title: "Hiring", category: "operations", description: "People."),
            Tag(slug: "close", title: "Month-end close", category: "finance", description: "Books."),
            Tag(slug: "churn", title: "Churn", category: "growth", description: "Leaving customers."),
        ]
        playbooks = []
        for number in 0..<9 { playbooks.append(newPlaybook(number)) }
    }

    mutating func newPlaybook(_ number: Int) -> Playbook {
        let tagSlugs = tags.map(\.slug)
        var chosen: [String] = []
        for _ in 0..<(1 + random.next(3)) {
            let tag = tagSlugs[random.next(tagSlugs.count)]
            if !chosen.contains(tag) { chosen.append(tag) }
        }
        return Playbook(slug: "playbook-\(number)", title: "Playbook \(number) \(["audit", "review", "launch"][random.next(3)])",
                        summary: random.next(2) == 0 ? "Summary of playbook \(number)." : nil, tags: chosen,
                        category: random.next(3) == 0 ? categories[random.next(categories.count)].slug : nil,
                        industries: random.next(2) == 0 ? [industries[random.next(industries.count)]] : [],
                        tools: random.next(2) == 0 ? [tools[random.next(tools.count)]] : [],
                        date: "2024-0\(1 + random.next(9))-1\(random.next(10))", updated: random.next(3) == 0 ? "2025-01-0\(1 + random.next(9))" : nil,
                        featured: random.next(5) == 0, draft: false, type: random.next(2) == 0 ? "Checklist" : nil,
                        alias: random.next(6) == 0 ? "/old/playbook-\(number)/" : nil,
                        body: "First paragraph of \(number).\n\n## Steps\n\n- [ ] Do \(number)\n- [x] Check\n\nSee [the other](/playbooks/playbook-\((number + 1) % 9)/).")
    }

    /// The site as files.
    var files: [String: String] {
        func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        var files: [String: String] = [
            "site.json": #"{"title": "Random Hub", "baseURL": "https://example.org/", "paginate": 2, "relatedCount": 3}"#,
            "content/pages/about.md": "---\ntitle: \"\(page.title)\"\n---\n\n\(page.body)\n",
        ]
        for category in categories {
            files["content/categories/\(category.slug).md"] = """
                ---
                title: "\(category.title)"
                description: "\(category.description)"
                weight: \(category.weight)
                related: \(list(category.related))
                ---

                \(category.body)

                """
        }
        for tag in tags {
            var faq = ""
            if !tag.faq.isEmpty { faq = "faq:\n" + tag.faq.map { "  - q: \"\($0.0)\"\n    a: \"\($0.1)\"\n" }.joined() }
            files["content/tags/\(tag.slug).md"] = """
                ---
                title: "\(tag.title)"
                category: "\(tag.category)"
                description: "\(tag.description)"
                related: \(list(tag.related))
                \(faq)---

                \(tag.body)

                """
        }
        for (path, term) in termFiles {
            files["content/\(path).md"] = "---\ntitle: \"\(term.title)\"\ndescription: \"\(term.description)\"\n---\n"
        }
        for playbook in playbooks {
            var lines = ["---", "title: \"\(playbook.title)\"", "tags: \(list(playbook.tags))", "date: \(playbook.date)"]
            if let summary = playbook.summary { lines.append("summary: \"\(summary)\"") }
            if let category = playbook.category { lines.append("category: \"\(category)\"") }
            if !playbook.industries.isEmpty { lines.append("industries: \(list(playbook.industries))") }
            if !playbook.tools.isEmpty { lines.append("tools: \(list(playbook.tools))") }
            if let updated = playbook.updated { lines.append("updated: \(updated)") }
            if playbook.featured { lines.append("featured: true") }
            if playbook.draft { lines.append("draft: true") }
            if let type = playbook.type { lines.append("type: \"\(type)\"") }
            if let alias = playbook.alias { lines.append("aliases: [\"\(alias)\"]") }
            lines += ["---", "", playbook.body, ""]
            files["content/playbooks/\(playbook.slug).md"] = lines.joined(separator: "\n")
        }
        return files
    }

    /// One single-file edit, chosen by the seed; its name says what it was.
    mutating func edit() -> String {
        let index = random.next(playbooks.count)
        let tagIndex = random.next(tags.count)
        let categoryIndex = random.next(categories.count)
        switch random.next(22) {
        case 0: playbooks[index].title += " revised"; return "title of \(playbooks[index].slug)"
        case 1: playbooks[index].summary = "A new summary."; return "summary of \(playbooks[index].slug)"
        case 2: playbooks[index].body += "\n\nOne more line."; return "body of \(playbooks[index].slug)"
        case 3: playbooks[index].body = "A new first paragraph.\n\n" + playbooks[index].body; return "first paragraph of \(playbooks[index].slug)"
        case 4: playbooks[index].date = "2023-12-31"; return "date of \(playbooks[index].slug)"
        case 5:
            let tag = tags[random.next(tags.count)].slug
            if playbooks[index].tags.contains(tag), playbooks[index].tags.count > 1 { playbooks[index].tags.removeAll { $0 == tag } } else if !playbooks[index].tags.contains(tag) { playbooks[index].tags.append(tag) }
            return "tags of \(playbooks[index].slug)"
        case 6:
            // Another category than the one it is in (its own, else its first tag's).
            let current = playbooks[index].category ?? tags.first { $0.slug == playbooks[index].tags[0] }!.category
            let position = categories.firstIndex { $0.slug == current }!
            playbooks[index].category = categories[(position + 1 + random.next(categories.count - 1)) % categories.count].slug
            return "category of \(playbooks[index].slug)"
        case 7:
            playbooks[index].tools = [tools.first { !playbooks[index].tools.contains($0) }!]
            return "tools of \(playbooks[index].slug)"
        case 8:
            playbooks[index].industries = playbooks[index].industries.isEmpty ? [industries[random.next(industries.count)]] : []
            return "industries of \(playbooks[index].slug)"
        case 9: playbooks[index].featured.toggle(); return "featured of \(playbooks[index].slug)"
        case 10: playbooks[index].draft = true; return "draft of \(playbooks[index].slug)"
        case 11: let removed = playbooks.remove(at: index); return "removed \(removed.slug)"
        case 12: playbooks.append(newPlaybook(100 + index)); return "added playbook-\(100 + index)"
        case 13: tags[tagIndex].title += " Plus"; return "title of tag \(tags[tagIndex].slug)"
        case 14: tags[tagIndex].description = "Changed."; return "description of tag \(tags[tagIndex].slug)"
        case 15: tags[tagIndex].body += "\n\nMore about it."; return "body of tag \(tags[tagIndex].slug)"
        case 16:
            let next = [tags[(tagIndex + 1) % tags.count].slug]
            tags[tagIndex].related = tags[tagIndex].related == next ? [] : next
            return "related of tag \(tags[tagIndex].slug)"
        case 17: tags[tagIndex].faq.append(("Why?", "Because.")); return "faq of tag \(tags[tagIndex].slug)"
        case 18: categories[categoryIndex].description = "New words."; return "description of category \(categories[categoryIndex].slug)"
        case 19: categories[categoryIndex].weight = categoryIndex == 0 ? 9 : 0; return "weight of category \(categories[categoryIndex].slug)"
        case 20: termFiles["tools/slack"] = ("Slack", "Chat at work."); return "tool file slack"
        default: playbooks[index].updated = "2026-01-01"; return "updated of \(playbooks[index].slug)"
        }
    }
}

/// A small deterministic generator (an LCG), so a failing seed can be run again.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 6364136223846793005 &+ 1442695040888963407 }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}
