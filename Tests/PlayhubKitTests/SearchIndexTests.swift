import Foundation
import Testing
@testable import PlayhubKit

/// The search index builder: terms, field weights, bitmaps and the files' bytes.
@Suite struct SearchIndexTests {
    @Test func termsAreLowercasedFoldedAndSplitOnAnythingButLettersAndDigits() {
        #expect(SearchTokenizer.terms("Café-Owner's SLA: 24h, NPS/CSAT") == ["cafe", "owner", "s", "sla", "24h", "nps", "csat"])
        #expect(SearchTokenizer.terms("Ünïcödé naïve e\u{301}clair — Zürich") == ["unicode", "naive", "eclair", "zurich"])
        #expect(SearchTokenizer.terms("Планирование 東京 ΣΟΦΊΑ") == ["планирование", "東京", "σοφια"])
        #expect(SearchTokenizer.terms("The churn of a SaaS and the rest") == ["churn", "saas", "rest"])
        #expect(SearchTokenizer.terms(String(repeating: "x", count: 41) + " ok") == ["ok"])
    }

    @Test func bodyTextIsTheRenderedTextWithoutMarkup() {
        let text = SearchPlainText.of(html: #"<p>Use <a href="/tools/x/">HubSpot</a> &amp; Caf&#233; <code>a&lt;b</code></p>"#)
        #expect(SearchTokenizer.terms(text) == ["use", "hubspot", "cafe", "b"])
    }

    @Test func aTermCountsWithItsBestField() throws {
        let documents = [
            SearchDocument(weights: ["churn": 1, "renewal": 4]),
            SearchDocument(weights: ["churn": 4]),
            SearchDocument(weights: ["churn": 2]),
            SearchDocument(weights: ["churn": 4]),
        ]
        let postings = SearchPostings(documents: documents)
        // Best weight first, list order within a weight; every playbook kept.
        #expect(postings.lists["churn"]!.map(\.document) == [1, 3, 2, 0])
        #expect(postings.lists["churn"]!.map(\.weight) == [4, 4, 2, 1])
        let files = SearchIndexFiles.files(postings: postings, metadata: Self.metadata(4))
        #expect(String(decoding: files[1].data, as: UTF8.self) == #"{"churn":[4,2,1,2,2,1,2,1,1,0],"renewal":[4,1,0]}"# + "\n")
        #expect(SearchIndexFiles.decodeShard(files[1].data) == postings.lists)
    }

    /// A group of playbooks is written as a bitmap when that is shorter than its gaps: a word
    /// in every other playbook of 64 takes 14 bytes, not 66, and reads back the same.
    @Test func aCommonWordIsABitmapOverEveryPlaybook() throws {
        let documents = (0..<64).map { SearchDocument(weights: $0 % 2 == 0 ? ["common": 1, "rare": 1] : ["rare": $0 == 1 ? 4 : 1]) }
        let postings = SearchPostings(documents: documents)
        #expect(postings.lists["common"]!.count == 32)
        let files = SearchIndexFiles.files(postings: postings, metadata: Self.metadata(64))
        // "rare": one title match as a gap, then the other 63 as a bitmap (every bit but 1).
        #expect(String(decoding: files[1].data, as: UTF8.self) == #"{"common":[1,"VVVVVVVVVVU="],"rare":[4,1,1,1,"/f////////8="]}"# + "\n")
        #expect(SearchIndexFiles.decodeShard(files[1].data) == postings.lists)
    }

    static func metadata(_ count: Int) -> [SearchIndexFiles.Metadata] {
        (0..<count).map { SearchIndexFiles.Metadata(title: "T\($0)", url: "/p/\($0)/", summary: "S", category: "C") }
    }

    @Test func shardsAreCutBySizeInUTF16OrderAndTheBytesAreTheSameEveryTime() throws {
        var documents: [SearchDocument] = []
        for i in 0..<300 {
            var weights: [String: UInt8] = ["common": 1, "word\(i % 37)": 2, "ñandu\(i % 5)": 3]
            if i % 7 == 0 { weights["zeta"] = 4 }
            documents.append(SearchDocument(weights: weights))
        }
        let metadata = (0..<300).map { SearchIndexFiles.Metadata(title: "T\($0) \"<q>\"", url: "/p/\($0)/", summary: "S", category: "C") }
        var layout = SearchIndexFiles.Layout()
        layout.shardBytes = 500
        layout.chunkSize = 50
        let first = SearchIndexFiles.files(postings: SearchPostings(documents: documents), metadata: metadata, layout: layout)
        let again = SearchIndexFiles.files(postings: SearchPostings(documents: documents.reversed().reversed()),
                                           metadata: metadata, layout: layout)
        #expect(first == again)
        #expect(first.filter { $0.path.contains("docs-") }.count == 6)
        let manifest = try JSONSerialization.jsonObject(with: first[0].data) as! [String: Any]
        let starts = manifest["shards"] as! [String]
        #expect(starts.count > 3)
        #expect(starts == starts.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        // Every term is in the shard the manifest names for it.
        for (number, start) in starts.enumerated() {
            let shard = try #require(first.first { $0.path == "search/index/terms-\(number).json" })
            let terms = try #require(SearchIndexFiles.decodeShard(shard.data)).keys
            // Cut before the term that would pass the size, so only a single term is larger.
            #expect(shard.data.count <= layout.shardBytes || terms.count == 1, "\(shard.path): \(shard.data.count) bytes")
            #expect(terms.allSatisfy { !SearchTokenizer.precedes($0, start) })
            if number + 1 < starts.count { #expect(terms.allSatisfy { SearchTokenizer.precedes($0, starts[number + 1]) }) }
        }
        let chunk = String(decoding: first.first { $0.path == "search/index/docs-0.json" }!.data, as: UTF8.self)
        #expect(chunk.hasPrefix(#"[["T0 \"\u003cq>\"","/p/0/","S","C"],"#))
    }
}
