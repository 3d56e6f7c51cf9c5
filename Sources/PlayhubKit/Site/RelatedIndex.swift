/// Compact numbers for ranking related playbooks quickly: every tag and term as a small
/// integer, every playbook's rank by date, and the playbooks of each tag and term as index
/// lists. Built once per graph; ranking then touches integers only, never the `Playbook`
/// values themselves.
public struct RelatedIndex: Sendable {
    /// Per playbook: its tags and its industries and tools, as sorted ids.
    let tags: [[Int32]]
    let terms: [[Int32]]
    /// Per playbook: its position in newest-first order (ties broken by slug).
    let newestRank: [Int32]
    /// Per tag id and term id: the playbooks carrying it.
    let playbooksWithTag: [[Int32]]
    let playbooksWithTerm: [[Int32]]

    init(playbooks: [Playbook]) {
        var tagIDs: [String: Int32] = [:], termIDs: [String: Int32] = [:]
        var tags: [[Int32]] = [], terms: [[Int32]] = []
        var withTag: [[Int32]] = [], withTerm: [[Int32]] = []
        tags.reserveCapacity(playbooks.count)
        terms.reserveCapacity(playbooks.count)
        for (index, playbook) in playbooks.enumerated() {
            var own: [Int32] = []
            for slug in playbook.tags {
                let id = tagIDs[slug] ?? { let id = Int32(tagIDs.count); tagIDs[slug] = id; withTag.append([]); return id }()
                own.append(id)
                withTag[Int(id)].append(Int32(index))
            }
            tags.append(own.sorted())
            var ownTerms: [Int32] = []
            for key in playbook.industries.map({ "i:" + $0 }) + playbook.tools.map({ "t:" + $0 }) {
                let id = termIDs[key] ?? { let id = Int32(termIDs.count); termIDs[key] = id; withTerm.append([]); return id }()
                ownTerms.append(id)
                withTerm[Int(id)].append(Int32(index))
            }
            terms.append(ownTerms.sorted())
        }
        var rank = [Int32](repeating: 0, count: playbooks.count)
        for (position, index) in playbooks.indices.sorted(by: { Ordering.newestFirst(playbooks[$0], playbooks[$1]) }).enumerated() {
            rank[index] = Int32(position)
        }
        self.tags = tags
        self.terms = terms
        self.newestRank = rank
        self.playbooksWithTag = withTag
        self.playbooksWithTerm = withTerm
    }

    /// Up to `limit` playbooks related to `index`: most shared tags, then most shared
    /// industries and tools, then newest, then slug.
    func related(to index: Int, limit: Int) -> [Int] {
        guard limit > 0, index < tags.count else { return [] }
        // Every playbook sharing a tag, once per shared tag: sorting groups them and the
        // length of each run is the number of tags shared.
        var pool: [Int32] = []
        for tag in tags[index] { pool += playbooksWithTag[Int(tag)] }
        var candidates = runs(of: &pool, excluding: Int32(index))
        if candidates.count < limit {
            // Too few share a tag: playbooks sharing only an industry or tool may fill in.
            var termPool: [Int32] = []
            for term in terms[index] { termPool += playbooksWithTerm[Int(term)] }
            let sharingTags = Set(candidates.map(\.index))
            for run in runs(of: &termPool, excluding: Int32(index)) where !sharingTags.contains(run.index) {
                candidates.append((run.index, 0))
            }
        }
        var best: [(index: Int32, tags: Int, terms: Int, rank: Int32)] = []
        for candidate in candidates {
            let entry = (candidate.index, candidate.count, sharedCount(terms[index], terms[Int(candidate.index)]), newestRank[Int(candidate.index)])
            // Keep the best `limit` in order by insertion: cheap for the small limits used.
            guard best.count < limit || ranksBefore(entry, best[best.count - 1]) else { continue }
            let position = best.firstIndex { ranksBefore(entry, $0) } ?? best.count
            best.insert(entry, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best.map { Int($0.index) }
    }

    private func ranksBefore(_ a: (index: Int32, tags: Int, terms: Int, rank: Int32), _ b: (index: Int32, tags: Int, terms: Int, rank: Int32)) -> Bool {
        if a.tags != b.tags { return a.tags > b.tags }
        if a.terms != b.terms { return a.terms > b.terms }
        return a.rank < b.rank
    }

    /// Sorts `pool` and returns each distinct value with how often it occurs.
    private func runs(of pool: inout [Int32], excluding excluded: Int32) -> [(index: Int32, count: Int)] {
        pool.sort()
        var result: [(index: Int32, count: Int)] = []
        var i = 0
        while i < pool.count {
            var j = i + 1
            while j < pool.count && pool[j] == pool[i] { j += 1 }
            if pool[i] != excluded { result.append((pool[i], j - i)) }
            i = j
        }
        return result
    }

    /// How many ids two sorted lists share.
    private func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }
}
