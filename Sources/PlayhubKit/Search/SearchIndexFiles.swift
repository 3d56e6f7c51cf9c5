import Foundation

/// The search index as files under `/search/index/`, so a query fetches only what it needs:
///
/// - `manifest.json`: the format, the tokenizer's stop words and term length, the field
///   weights, the number of playbooks, the metadata chunk size and, for every term shard, its
///   first term (shards hold consecutive terms in UTF-16 order, as JavaScript sorts);
/// - `terms-<n>.json`: `{"term": [weight, group, weight, group, …]}`, best weight first; a
///   group is the playbooks holding the term at that weight, in list order, written as
///   whichever is shorter: `count, gap…` (each document as its distance from the previous
///   one), or a string, the base64 of a bitmap over every playbook (bit `i % 8` of byte
///   `i / 8` is playbook `i`). The bitmap bounds a common word: at 50,000 playbooks no group
///   takes more than 8.4 KB, however many playbooks hold it;
/// - `docs-<n>.json`: `[[title, url, summary, category], …]` for `chunkSize` playbooks in
///   list order, fetched only for the results shown.
///
/// A shard is cut before the term that would take it past `shardBytes`, so only a term larger
/// than that on its own (the bitmaps bound one) makes a larger shard.
public enum SearchIndexFiles {
    public static let folder = "search/index/"
    public static let format = 2

    public struct Layout: Sendable {
        public var shardBytes = 40_000
        public var chunkSize = 20
        public init() {}
    }

    public struct Metadata: Sendable, Equatable {
        public var title: String, url: String, summary: String, category: String

        public init(title: String, url: String, summary: String, category: String) {
            (self.title, self.url, self.summary, self.category) = (title, url, summary, category)
        }
    }

    public static func files(postings: SearchPostings, metadata: [Metadata], layout: Layout = Layout()) -> [OutputFile] {
        var files: [OutputFile] = []
        var starts: [String] = []
        var shard: [UInt8] = []
        func closeShard() {
            shard.append(contentsOf: Array("}\n".utf8))
            files.append(OutputFile(path: folder + "terms-\(starts.count - 1).json", data: Data(shard)))
            shard = []
        }
        var entry: [UInt8] = []
        for term in postings.sortedTerms {
            entry.removeAll(keepingCapacity: true)
            appendString(term, to: &entry)
            entry.append(UInt8(ascii: ":"))
            appendList(postings.lists[term]!, documents: metadata.count, to: &entry)
            if !shard.isEmpty, shard.count + 1 + entry.count + 2 > layout.shardBytes { closeShard() }
            if shard.isEmpty {
                starts.append(term)
                shard.append(UInt8(ascii: "{"))
            } else {
                shard.append(UInt8(ascii: ","))
            }
            shard.append(contentsOf: entry)
        }
        if !shard.isEmpty { closeShard() }

        for (number, chunk) in stride(from: 0, to: metadata.count, by: layout.chunkSize).enumerated() {
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            for (i, entry) in metadata[chunk..<min(chunk + layout.chunkSize, metadata.count)].enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                appendArray([entry.title, entry.url, entry.summary, entry.category], to: &bytes)
            }
            bytes.append(contentsOf: Array("]\n".utf8))
            files.append(OutputFile(path: folder + "docs-\(number).json", data: Data(bytes)))
        }

        var manifest: [UInt8] = []
        manifest.append(contentsOf: Array("{\"format\":\(format),\"documents\":\(metadata.count),\"chunkSize\":\(layout.chunkSize),\"maxTermLength\":\(SearchTokenizer.maxTermLength),\"weights\":{".utf8))
        for (i, field) in SearchField.allCases.reversed().enumerated() {
            if i > 0 { manifest.append(UInt8(ascii: ",")) }
            appendString(field.name, to: &manifest)
            manifest.append(contentsOf: Array(":\(field.rawValue)".utf8))
        }
        manifest.append(contentsOf: Array("},\"stopWords\":".utf8))
        appendArray(SearchTokenizer.stopWords.sorted(by: SearchTokenizer.precedes), to: &manifest)
        manifest.append(contentsOf: Array(",\"shards\":".utf8))
        appendArray(starts, to: &manifest)
        manifest.append(contentsOf: Array("}\n".utf8))
        files.insert(OutputFile(path: folder + "manifest.json", data: Data(manifest)), at: 0)
        return files
    }

    /// One term's groups; `documents` is the number of playbooks, the length of a bitmap.
    static func appendList(_ list: [SearchPostings.Posting], documents: Int, to bytes: inout [UInt8]) {
        let bitmapLength = (documents + 7) / 8, bitmapBytes = 2 + (bitmapLength + 2) / 3 * 4
        bytes.append(UInt8(ascii: "["))
        var start = 0
        while start < list.count {
            let weight = list[start].weight
            var end = start
            while end < list.count, list[end].weight == weight { end += 1 }
            if start > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: Array("\(weight),".utf8))
            let group = list[start..<end]
            if gapBytes(group) <= bitmapBytes {
                bytes.append(contentsOf: Array(String(group.count).utf8))
                var previous: Int32 = 0
                for posting in group {
                    bytes.append(UInt8(ascii: ","))
                    bytes.append(contentsOf: Array(String(posting.document - previous).utf8))
                    previous = posting.document
                }
            } else {
                var bitmap = [UInt8](repeating: 0, count: bitmapLength)
                for posting in group { bitmap[Int(posting.document) >> 3] |= 1 << (UInt8(posting.document & 7)) }
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: Array(Data(bitmap).base64EncodedString().utf8))
                bytes.append(UInt8(ascii: "\""))
            }
            start = end
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The bytes of `count, gap…`.
    static func gapBytes(_ group: ArraySlice<SearchPostings.Posting>) -> Int {
        var total = String(group.count).utf8.count, previous: Int32 = 0
        for posting in group {
            var gap = posting.document - previous, digits = 1
            while gap >= 10 { gap /= 10; digits += 1 }
            total += 1 + digits
            previous = posting.document
        }
        return total
    }

    static func appendArray(_ strings: [String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (i, string) in strings.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(string, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A JSON string; `<` is escaped too, so no file reads as markup to a confused client.
    static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: Array("\\\"".utf8))
            case UInt8(ascii: "\\"): bytes.append(contentsOf: Array("\\\\".utf8))
            case UInt8(ascii: "<"): bytes.append(contentsOf: Array("\\u003c".utf8))
            case 0..<0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A shard file back as posting lists (for rebuilds and tests). It reads exactly the
    /// form `files` writes (terms need no escapes), byte by byte: a rebuild reads every
    /// shard, and Foundation's JSON parser takes seconds over 50,000 playbooks' worth.
    public static func decodeShard(_ data: Data) -> [String: [SearchPostings.Posting]]? {
        data.withUnsafeBytes { raw -> [String: [SearchPostings.Posting]]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var at = 0
            func take(_ byte: Character) -> Bool {
                guard at < bytes.count, bytes[at] == byte.asciiValue! else { return false }
                at += 1
                return true
            }
            func number() -> Int? {
                var value = 0, digits = 0
                while at < bytes.count, (0x30...0x39).contains(bytes[at]), digits < 10 {
                    value = value * 10 + Int(bytes[at] - 0x30); at += 1; digits += 1
                }
                return digits > 0 ? value : nil
            }
            var lists: [String: [SearchPostings.Posting]] = [:]
            guard take("{") else { return nil }
            if take("}") { return lists }
            repeat {
                guard take("\"") else { return nil }
                let start = at
                while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
                let term = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
                guard take("\""), take(":"), take("[") else { return nil }
                var list: [SearchPostings.Posting] = []
                if !take("]") {
                    repeat {
                        guard let weight = number(), weight <= 7, take(",") else { return nil }
                        if take("\"") {
                            let start = at
                            while at < bytes.count, bytes[at] != UInt8(ascii: "\"") { at += 1 }
                            guard let bitmap = Data(base64Encoded: Data(UnsafeBufferPointer(rebasing: bytes[start..<at]))),
                                  bitmap.count <= 1 << 26, take("\"") else { return nil }
                            for (index, byte) in bitmap.enumerated() where byte != 0 {
                                for bit in 0..<8 where byte & (1 << bit) != 0 {
                                    list.append(SearchPostings.Posting(document: Int32(index * 8 + bit), weight: UInt8(weight)))
                                }
                            }
                            continue
                        }
                        guard let count = number() else { return nil }
                        var document = 0
                        for _ in 0..<count {
                            guard take(","), let gap = number() else { return nil }
                            document += gap
                            guard document < 1 << 29 else { return nil } // what a Posting holds
                            list.append(SearchPostings.Posting(document: Int32(document), weight: UInt8(weight)))
                        }
                    } while take(",")
                    guard take("]") else { return nil }
                }
                lists[term] = list
            } while take(",")
            return take("}") ? lists : nil
        }
    }
}
