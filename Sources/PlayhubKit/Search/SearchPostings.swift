/// The inverted index: for every term, every playbook (by list position) that holds it, best
/// first: by field weight, then list order. Nothing is cut: an AND of two common words finds
/// every playbook that holds both. `SearchIndexFiles` keeps a common word's list small on
/// the wire by writing it as a bitmap.
public struct SearchPostings: Sendable, Equatable {
    /// One playbook holding a term, and the field it holds it in: packed into four bytes
    /// (the document in the top 29 bits, the weight in the low 3), since a hub of 200,000
    /// playbooks makes some 50 million of them.
    public struct Posting: Sendable, Hashable {
        private let packed: UInt32

        public init(document: Int32, weight: UInt8) {
            packed = UInt32(document) << 3 | UInt32(weight & 7)
        }

        public var document: Int32 { Int32(packed >> 3) }
        public var weight: UInt8 { UInt8(packed & 7) }
    }

    public var lists: [String: [Posting]]

    public init(lists: [String: [Posting]]) {
        self.lists = lists
    }

    public init(documents: [SearchDocument]) {
        var builder = Builder()
        builder.add(documents)
        self = builder.finish()
    }

    /// Postings made from documents handed over in list order, a batch at a time, so a
    /// build never holds every playbook's terms at once (at 50,000 playbooks they took
    /// more memory than the postings).
    public struct Builder {
        private var lists: [String: [Posting]] = [:]
        private var count = 0

        public init() {}

        public mutating func add(_ documents: [SearchDocument]) {
            for document in documents {
                for (term, weight) in document.weights {
                    lists[term, default: []].append(Posting(document: Int32(count), weight: weight))
                }
                count += 1
            }
        }

        public func finish() -> SearchPostings {
            SearchPostings(lists: lists.mapValues(SearchPostings.ranked))
        }
    }

    /// Best weight first, then list order. Lists are built in list order, so taking the
    /// weights from the top keeps it.
    static func ranked(_ list: [Posting]) -> [Posting] {
        var result: [Posting] = []
        result.reserveCapacity(list.count)
        for weight in SearchField.allCases.reversed().map({ UInt8($0.rawValue) }) {
            for posting in list where posting.weight == weight { result.append(posting) }
        }
        return result
    }

    /// Terms in the order shards hold them.
    public var sortedTerms: [String] { lists.keys.sorted(by: SearchTokenizer.precedes) }
}
