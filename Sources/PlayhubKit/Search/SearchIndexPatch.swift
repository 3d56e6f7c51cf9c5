import Foundation

/// The search index after a body-only edit, made from the index the last build wrote rather
/// than from every body (which a rebuild does not read). The edited playbooks' postings are
/// replaced; the result is byte for byte what a full build writes, or nil when that cannot be
/// known here: a file missing or unreadable, or the set of shard files changing (a partial
/// write removes nothing).
enum SearchIndexPatch {
    static func files(output: URL, graph: SiteGraph, edited: [Int], written: Set<String>,
                      layout: SearchIndexFiles.Layout = .init()) -> [OutputFile]? {
        let folder = output.appendingPathComponent(SearchIndexFiles.folder)
        guard let manifestData = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
              let manifest = try? JSONSerialization.jsonObject(with: manifestData) as? [String: Any],
              manifest["format"] as? Int == SearchIndexFiles.format,
              manifest["chunkSize"] as? Int == layout.chunkSize, manifest["documents"] as? Int == graph.playbooks.count,
              let shardCount = (manifest["shards"] as? [String])?.count else { return nil }
        let shardPaths = (0..<shardCount).map { SearchIndexFiles.folder + "terms-\($0).json" }
        guard shardPaths.allSatisfy(written.contains) else { return nil }
        var lists: [String: [SearchPostings.Posting]] = [:]
        var old: [String: Data] = [SearchIndexFiles.folder + "manifest.json": manifestData]
        for path in shardPaths {
            guard let data = try? Data(contentsOf: output.appendingPathComponent(path)),
                  let shard = SearchIndexFiles.decodeShard(data) else { return nil }
            old[path] = data
            lists.merge(shard) { first, _ in first }
        }

        for index in edited {
            let document = Int32(index)
            let new = SearchDocument(playbook: graph.playbooks[index], graph: graph).weights
            var before: [String: UInt8] = [:]
            for (term, list) in lists {
                if let posting = list.first(where: { $0.document == document }) { before[term] = posting.weight }
            }
            for term in Set(before.keys).union(new.keys) where before[term] != new[term] {
                var list = lists[term] ?? []
                if before[term] != nil { list.removeAll { $0.document == document } }
                if let weight = new[term] {
                    let posting = SearchPostings.Posting(document: document, weight: weight)
                    let at = list.firstIndex { ($0.weight, -$0.document) < (weight, -document) } ?? list.count
                    list.insert(posting, at: at)
                }
                lists[term] = list.isEmpty ? nil : list
            }
        }

        let files = SearchIndexFiles.files(postings: SearchPostings(lists: lists),
                                           metadata: SearchIndex.metadata(graph: graph, links: LinkBuilder(config: graph.config)),
                                           layout: layout)
        let terms = files.filter { !$0.path.hasPrefix(SearchIndexFiles.folder + "docs-") }
        guard Set(terms.map(\.path)) == Set(old.keys) else { return nil }
        return terms.filter { old[$0.path] != $0.data }
    }
}
