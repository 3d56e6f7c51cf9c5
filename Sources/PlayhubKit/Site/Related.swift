/// Related playbooks and tags, found through the slug indexes rather than by comparing
/// every playbook with every other.
extension SiteGraph {
    /// Up to `relatedCount` playbooks for the playbook at `index`, in SPEC order: most shared
    /// tags, then most shared industries and tools, then newest, then slug.
    public func relatedPlaybooks(of index: Int) -> [Int] {
        let limit = config.relatedCount
        guard limit > 0 else { return [] }
        let playbook = playbooks[index]
        var sharedTags: [Int: Int] = [:]
        for tag in playbook.tags { for other in playbooksByTag[tag] ?? [] where other != index { sharedTags[other, default: 0] += 1 } }

        // A playbook sharing no tag ranks below every one that shares a tag, so terms are
        // only searched in full when too few share a tag.
        var candidates = Array(sharedTags.keys)
        var sharedTerms: [Int: Int] = [:]
        if candidates.count < limit {
            for (kind, slugs) in [(TermKind.industry, playbook.industries), (.tool, playbook.tools)] {
                for slug in slugs { for other in playbooks(for: kind)[slug] ?? [] where other != index { sharedTerms[other, default: 0] += 1 } }
            }
            candidates = Array(Set(candidates).union(sharedTerms.keys))
        } else {
            let industries = Set(playbook.industries), tools = Set(playbook.tools)
            for other in candidates {
                let o = playbooks[other]
                let count = o.industries.reduce(0) { $0 + (industries.contains($1) ? 1 : 0) }
                    + o.tools.reduce(0) { $0 + (tools.contains($1) ? 1 : 0) }
                if count > 0 { sharedTerms[other] = count }
            }
        }
        func ranksBefore(_ a: Int, _ b: Int) -> Bool {
            let (ta, tb) = (sharedTags[a] ?? 0, sharedTags[b] ?? 0)
            if ta != tb { return ta > tb }
            let (ia, ib) = (sharedTerms[a] ?? 0, sharedTerms[b] ?? 0)
            if ia != ib { return ia > ib }
            return Ordering.newestFirst(playbooks[a], playbooks[b])
        }
        return Array(candidates.sorted(by: ranksBefore).prefix(limit))
    }

    /// Related tags of a tag: its own `related` first, then the tags sharing the most
    /// playbooks with it (ties by title), each once.
    public func relatedTags(of slug: String, limit: Int = 10) -> [String] {
        guard let tag = tags[slug] else { return [] }
        var result = tag.related.filter { tags[$0] != nil && $0 != slug }
        var shared: [String: Int] = [:]
        for index in playbooksByTag[slug] ?? [] {
            for other in playbooks[index].tags where other != slug { shared[other, default: 0] += 1 }
        }
        let byOverlap = shared.keys.sorted {
            let (a, b) = (shared[$0]!, shared[$1]!)
            return a != b ? a > b : (tags[$0]!.title.lowercased(), $0) < (tags[$1]!.title.lowercased(), $1)
        }
        for other in byOverlap where !result.contains(other) { result.append(other) }
        return Array(result.prefix(max(limit, tag.related.count)))
    }
}
