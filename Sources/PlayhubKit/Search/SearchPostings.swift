/// The inverted index: for every term, every playbook (by list position) that holds it, best
/// first: by field weight, then list order. Nothing is cut: an AND of two common words finds
/// every playbook that holds both. `SearchIndexFiles` keeps a common word's list small on
/// the wire by writing it as a bitmap.
public struct SearchPostings: Sendable, Equatable {
    public struct Posting: Sendable, Hashable {
        public var document: Int32
        public var weight: UInt8

        public init(document: Int32, weight: UInt8) {
            self.document = document
            self.weight = weight
        }
    }

    public var lists: [String: [Posting]]

    public init(lists: [String: [Posting]]) {
        self.lists = lists
    }

    public init(documents: [SearchDocument]) {
        var lists: [String: [Posting]] = [:]
        for (number, document) in documents.enumerated() {
            for (term, weight) in document.weights {
                lists[term, default: []].append(Posting(document: Int32(number), weight: weight))
            }
        }
        for (term, list) in lists { lists[term] = Self.ranked(list) }
        self.init(lists: lists)
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
