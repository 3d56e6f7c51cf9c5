/// Splits a list into pages of `size` items (the last may be shorter; an empty list still
/// has one, empty, page so its URL exists).
public struct Pagination: Sendable, Hashable {
    public let itemCount: Int
    public let size: Int

    public init(itemCount: Int, size: Int) {
        self.itemCount = itemCount
        self.size = max(1, size)
    }

    public var pageCount: Int { max(1, (itemCount + size - 1) / size) }

    /// Item positions shown on 1-based page `n`.
    public func range(ofPage n: Int) -> Range<Int> {
        let start = min(itemCount, (n - 1) * size)
        return start..<min(itemCount, start + size)
    }
}
