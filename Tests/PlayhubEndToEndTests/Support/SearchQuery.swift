import Foundation
@testable import PlayhubKit

/// What `search.js` does for one query, read from a built `/search/index/`: which files it
/// fetches for the first page of results and the documents it ranks. Kept in step with the
/// script (AND of every word, the last one as a prefix over at most three shards, the sum of
/// each word's best field weight, ties in list order, ten results a page).
struct SearchQuery {
    let folder: URL
    let manifest: [String: Any]

    init(output: URL) throws {
        folder = output.appendingPathComponent(SearchIndexFiles.folder)
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        manifest = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    var shards: [String] { manifest["shards"] as! [String] }
    var chunkSize: Int { manifest["chunkSize"] as! Int }

    func shard(of term: String) -> Int {
        shards.lastIndex { !SearchTokenizer.precedes(term, $0) } ?? 0
    }

    /// Documents best first, and the bytes of every file fetched to show the first page.
    func run(_ query: String, prefix: Bool = true) throws -> (documents: [Int], files: [String], bytes: Int) {
        var files = ["manifest.json"]
        var seen: [String] = []
        let terms = SearchTokenizer.terms(query).filter { t in
            if seen.contains(t) { return false }; seen.append(t); return true
        }.prefix(6)
        var scores: [[Int: Int]] = []
        for (i, term) in terms.enumerated() {
            let isPrefix = prefix && i == terms.count - 1
            var numbers = [shard(of: term)]
            while isPrefix, numbers.count < 3, numbers.last! + 1 < shards.count, shards[numbers.last! + 1].hasPrefix(term) {
                numbers.append(numbers.last! + 1)
            }
            var best: [Int: Int] = [:]
            for number in numbers {
                let name = "terms-\(number).json"
                if !files.contains(name) { files.append(name) }
                let lists = SearchIndexFiles.decodeShard(try Data(contentsOf: folder.appendingPathComponent(name)))!
                for (key, list) in lists where key == term || (isPrefix && key.hasPrefix(term)) {
                    for posting in list { best[Int(posting.document)] = max(best[Int(posting.document)] ?? 0, Int(posting.weight)) }
                }
            }
            scores.append(best)
        }
        guard let first = scores.first else { return ([], files, bytes(files)) }
        var ranked: [(Int, Int)] = []
        for (document, weight) in first {
            var total = weight
            for other in scores.dropFirst() {
                guard let w = other[document] else { total = -1; break }
                total += w
            }
            if total >= 0 { ranked.append((total, document)) }
        }
        ranked.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        let documents = ranked.map(\.1)
        for document in documents.prefix(10) {
            let name = "docs-\(document / chunkSize).json"
            if !files.contains(name) { files.append(name) }
        }
        return (documents, files, bytes(files))
    }

    func bytes(_ files: [String]) -> Int {
        files.reduce(0) { $0 + ((try? Data(contentsOf: folder.appendingPathComponent($1)).count) ?? 0) }
    }

    /// The titles of ranked documents, from the metadata chunks.
    func titles(_ documents: [Int]) throws -> [String] {
        try documents.map { document in
            let data = try Data(contentsOf: folder.appendingPathComponent("docs-\(document / chunkSize).json"))
            let chunk = try JSONSerialization.jsonObject(with: data) as! [[String]]
            return chunk[document % chunkSize][0]
        }
    }
}
