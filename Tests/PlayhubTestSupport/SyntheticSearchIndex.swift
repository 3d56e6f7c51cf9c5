import Foundation
import PlayhubKit

/// The search index of a large hub, made without building one (a 50,000-playbook build
/// takes minutes): playbooks whose body words follow a skewed vocabulary as real text does
/// (`w0` is in nearly every body, `w1999` in a few), with a few title words (`t…`) and tag or
/// tool words (`g…`) each, and metadata chunks as long as real ones. The same count gives the
/// same bytes.
public struct SyntheticSearchIndex {
    public let files: [OutputFile]
    /// Every playbook's terms, to count the true answer to a query.
    public let terms: [Set<String>]

    public init(playbooks count: Int) {
        var seed: UInt64 = 1
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        var lists: [String: [SearchPostings.Posting]] = [:]
        var terms: [Set<String>] = []
        var metadata: [SearchIndexFiles.Metadata] = []
        terms.reserveCapacity(count)
        for document in 0..<count {
            var weights: [String: UInt8] = [:]
            // u³ over 2,000 words: word k is drawn about as often as k^(-2/3).
            for _ in 0..<120 {
                let u = Double(next(1_000_000)) / 1_000_000
                weights["w\(Int(2_000 * u * u * u))"] = 1
            }
            for _ in 0..<6 { weights["g\(next(400))"] = 3 }
            let title = (0..<4).map { _ in "t\(next(600))" }
            for word in title { weights[word] = 4 }
            for (term, weight) in weights { lists[term, default: []].append(.init(document: Int32(document), weight: weight)) }
            terms.append(Set(weights.keys))
            metadata.append(.init(title: "Playbook \(document): " + title.joined(separator: " "), url: "/playbooks/playbook-\(document)/",
                                  summary: String(repeating: "A one-sentence pitch of what this playbook does. ", count: 3), category: "Operations"))
        }
        // Lists were built in list order; rank them best weight first, as the index keeps them.
        for (term, list) in lists {
            lists[term] = list.filter { $0.weight > 1 }.sorted { ($1.weight, $0.document) < ($0.weight, $1.document) } + list.filter { $0.weight == 1 }
        }
        files = SearchIndexFiles.files(postings: SearchPostings(lists: lists), metadata: metadata)
        self.terms = terms
    }

    /// Writes the index under `output` (as `search/index/…`), replacing one a build wrote.
    public func write(into output: URL) throws {
        let folder = output.appendingPathComponent(SearchIndexFiles.folder)
        try? FileManager.default.removeItem(at: folder)
        for file in files {
            let url = output.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
    }

    /// How many playbooks hold every one of `words` (whole words, no prefix).
    public func count(_ words: [String]) -> Int {
        terms.reduce(0) { total, held in total + (words.allSatisfy(held.contains) ? 1 : 0) }
    }
}
