/// The inverted index: for every term, the playbooks (by list position) that hold it, best
/// first: by field weight, then list order. A term in more than `cap` playbooks keeps only
/// its best `cap`, so no posting list outgrows the bytes one query may fetch; those are the
/// playbooks that would be listed first anyway.
public struct SearchPostings: Sendable, Equatable {
    public struct Posting: Sendable, Hashable {
        public var document: Int32
        public var weight: UInt8
    }

    public static let defaultCap = 4_000
    public var cap: Int
    public var lists: [String: [Posting]]

    public init(cap: Int = defaultCap, lists: [String: [Posting]]) {
        self.cap = cap
        self.lists = lists
    }

    public init(documents: [SearchDocument], cap: Int = defaultCap) {
        var lists: [String: [Posting]] = [:]
        for (number, document) in documents.enumerated() {
            for (term, weight) in document.weights {
                lists[term, default: []].append(Posting(document: Int32(number), weight: weight))
            }
        }
        for (term, list) in lists { lists[term] = Self.ranked(list, cap: cap) }
        self.init(cap: cap, lists: lists)
    }

    /// Best weight first, then list order, at most `cap`. Lists are built in list order, so
    /// taking the weights from the top keeps it.
    static func ranked(_ list: [Posting], cap: Int) -> [Posting] {
        var result: [Posting] = []
        result.reserveCapacity(min(cap, list.count))
        for weight in SearchField.allCases.reversed().map({ UInt8($0.rawValue) }) {
            for posting in list where posting.weight == weight {
                guard result.count < cap else { return result }
                result.append(posting)
            }
        }
        return result
    }

    /// Terms in the order shards hold them.
    public var sortedTerms: [String] { lists.keys.sorted(by: SearchTokenizer.precedes) }
}
