/// Related playbooks for the whole hub, computed once per build in parallel.
///
/// Every tag and term becomes a small integer and every list lives in one flat array with
/// offsets (no array of arrays, so no reference counting in the inner loops). For each
/// playbook, the playbooks sharing its tags are counted in a scratch array owned by the
/// worker thread, and the best `limit` are kept by SPEC's order: most shared tags, then
/// most shared industries and tools, then newest, then slug. No playbook is compared with
/// every other: the work per playbook is the size of its tags' lists.
public struct RelatedIndex: Sendable {
    /// Per playbook, `limit` slots of related playbook indexes (-1 where there are fewer).
    let related: [Int32]
    let limit: Int

    /// Nothing ranked yet.
    init() { self.init(related: [], limit: 0) }

    /// An index ranked before (kept in a build snapshot).
    init(related: [Int32], limit: Int) {
        self.related = related
        self.limit = limit
    }

    /// True when the index has one row per playbook, each naming a playbook there is.
    func fits(playbookCount: Int) -> Bool {
        related.isEmpty || (limit > 0 && related.count == playbookCount * limit && related.allSatisfy { $0 >= -1 && $0 < playbookCount })
    }

    /// `newestFirst` is the graph's newest-first order of `playbooks` (indexes).
    public init(playbooks: [Playbook], newestFirst: [Int], limit: Int, jobs: Int = 1) {
        self.limit = limit
        let count = playbooks.count
        guard limit > 0, count > 0 else { self.related = []; return }
        let lists = Lists(playbooks, newestFirst: newestFirst)
        var related = [Int32](repeating: -1, count: count * limit)
        related.withUnsafeMutableBufferPointer { output in
            let out = UnsafeSendable(output.baseAddress!)
            let next = Counter()
            let workers = max(1, min(jobs, count))
            Parallel.workers(workers) {
                // Scratch per worker: shared-tag counts by playbook, and which were touched.
                var shared = [UInt8](repeating: 0, count: count)
                var touched: [Int32] = []
                var best: [Candidate] = []
                while true {
                    let start = next.take(256)
                    if start >= count { break }
                    for index in start..<min(start + 256, count) {
                        lists.rank(index, limit: limit, shared: &shared, touched: &touched, best: &best)
                        for (slot, candidate) in best.enumerated() { out.pointer[index * limit + slot] = candidate.index }
                    }
                }
            }
        }
        self.related = related
    }

    /// The related playbooks of the playbook at `index`, best first.
    func related(to index: Int) -> [Int] {
        guard limit > 0, (index + 1) * limit <= related.count else { return [] }
        return related[(index * limit)..<((index + 1) * limit)].prefix { $0 >= 0 }.map(Int.init)
    }

    struct Candidate {
        var index: Int32, tags: Int32, terms: Int32, rank: Int32
        func ranksBefore(_ other: Candidate) -> Bool {
            if tags != other.tags { return tags > other.tags }
            if terms != other.terms { return terms > other.terms }
            return rank < other.rank
        }
    }

    /// The hub's tags and terms as flat integer lists.
    struct Lists: @unchecked Sendable {
        var tagStart: [Int32] = [0], tagValues: [Int32] = []      // playbook → its tag ids
        var termStart: [Int32] = [0], termValues: [Int32] = []    // playbook → its term ids (sorted)
        var byTagStart: [Int32] = [], byTagValues: [Int32] = []   // tag id → playbooks
        var byTermStart: [Int32] = [], byTermValues: [Int32] = [] // term id → playbooks
        var newestRank: [Int32] = []

        init(_ playbooks: [Playbook], newestFirst: [Int]) {
            var tagIDs: [String: Int32] = [:], termIDs: [String: Int32] = [:]
            var withTag: [[Int32]] = [], withTerm: [[Int32]] = []
            for (index, playbook) in playbooks.enumerated() {
                for slug in playbook.tags {
                    let id = tagIDs[slug] ?? { let id = Int32(withTag.count); tagIDs[slug] = id; withTag.append([]); return id }()
                    tagValues.append(id)
                    withTag[Int(id)].append(Int32(index))
                }
                tagStart.append(Int32(tagValues.count))
                var own: [Int32] = []
                for key in playbook.industries.map({ "i:" + $0 }) + playbook.tools.map({ "t:" + $0 }) {
                    let id = termIDs[key] ?? { let id = Int32(withTerm.count); termIDs[key] = id; withTerm.append([]); return id }()
                    own.append(id)
                    withTerm[Int(id)].append(Int32(index))
                }
                termValues += own.sorted()
                termStart.append(Int32(termValues.count))
            }
            for list in withTag { byTagStart.append(Int32(byTagValues.count)); byTagValues += list }
            byTagStart.append(Int32(byTagValues.count))
            for list in withTerm { byTermStart.append(Int32(byTermValues.count)); byTermValues += list }
            byTermStart.append(Int32(byTermValues.count))
            newestRank = [Int32](repeating: 0, count: playbooks.count)
            for (position, index) in newestFirst.enumerated() { newestRank[index] = Int32(position) }
        }

        /// Fills `best` with the top `limit` related playbooks of `index`.
        func rank(_ index: Int, limit: Int, shared: inout [UInt8], touched: inout [Int32], best: inout [Candidate]) {
            best.removeAll(keepingCapacity: true)
            touched.removeAll(keepingCapacity: true)
            let me = Int32(index)
            for t in Int(tagStart[index])..<Int(tagStart[index + 1]) {
                let tag = Int(tagValues[t])
                for p in Int(byTagStart[tag])..<Int(byTagStart[tag + 1]) {
                    let other = byTagValues[p]
                    if other == me { continue }
                    if shared[Int(other)] == 0 { touched.append(other) }
                    if shared[Int(other)] < UInt8.max { shared[Int(other)] += 1 }
                }
            }
            // A playbook sharing no tag ranks below every one that does, so industries and
            // tools are searched in full only when too few share a tag.
            if touched.count < limit {
                for t in Int(termStart[index])..<Int(termStart[index + 1]) {
                    let term = Int(termValues[t])
                    for p in Int(byTermStart[term])..<Int(byTermStart[term + 1]) {
                        let other = byTermValues[p]
                        if other != me && shared[Int(other)] == 0 { touched.append(other); shared[Int(other)] = UInt8.max } // marker
                    }
                }
            }
            for other in touched {
                let tags = shared[Int(other)] == UInt8.max && !sharesTag(index, Int(other)) ? 0 : Int32(shared[Int(other)])
                shared[Int(other)] = 0
                // Fewer shared tags than the worst kept: it cannot rank in, whatever its terms.
                if best.count == limit && tags < best[best.count - 1].tags { continue }
                let candidate = Candidate(index: other, tags: tags, terms: sharedTerms(index, Int(other)), rank: newestRank[Int(other)])
                guard best.count < limit || candidate.ranksBefore(best[best.count - 1]) else { continue }
                let position = best.firstIndex { candidate.ranksBefore($0) } ?? best.count
                best.insert(candidate, at: position)
                if best.count > limit { best.removeLast() }
            }
        }

        private func sharesTag(_ a: Int, _ b: Int) -> Bool {
            for i in Int(tagStart[a])..<Int(tagStart[a + 1]) {
                for j in Int(tagStart[b])..<Int(tagStart[b + 1]) where tagValues[i] == tagValues[j] { return true }
            }
            return false
        }

        /// How many industries and tools two playbooks share (both lists sorted).
        private func sharedTerms(_ a: Int, _ b: Int) -> Int32 {
            var i = Int(termStart[a]), j = Int(termStart[b]), count: Int32 = 0
            let endA = Int(termStart[a + 1]), endB = Int(termStart[b + 1])
            while i < endA && j < endB {
                let x = termValues[i], y = termValues[j]
                if x == y { count += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
            }
            return count
        }
    }
}

/// A pointer handed to worker threads that each write their own slots.
private struct UnsafeSendable: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Int32>
    init(_ pointer: UnsafeMutablePointer<Int32>) { self.pointer = pointer }
}
