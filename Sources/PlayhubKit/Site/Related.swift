/// Related playbooks and tags, found through the slug indexes rather than by comparing
/// every playbook with every other.
extension SiteGraph {
    /// Up to `relatedCount` playbooks for the playbook at `index`, in SPEC order: most shared
    /// tags, then most shared industries and tools, then newest, then slug.
    public func relatedPlaybooks(of index: Int) -> [Int] {
        relatedIndex.related(to: index)
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
