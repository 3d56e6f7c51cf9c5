import Testing
@testable import PlayhubKit

/// Paginated lists: `/playbooks/`, `/playbooks/page/2/` …
@Suite struct PaginationTests {
    @Test func exactlyOnePageFull() {
        let pagination = Pagination(itemCount: 24, size: 24)
        #expect(pagination.pageCount == 1)
        #expect(pagination.range(ofPage: 1) == 0..<24)
    }

    @Test func oneMoreItemMakesASecondPage() {
        let pagination = Pagination(itemCount: 25, size: 24)
        #expect(pagination.pageCount == 2)
        #expect(pagination.range(ofPage: 1) == 0..<24)
        #expect(pagination.range(ofPage: 2) == 24..<25)
    }

    @Test func noItemsStillMakeOneEmptyPage() {
        let pagination = Pagination(itemCount: 0, size: 24)
        #expect(pagination.pageCount == 1)
        #expect(pagination.range(ofPage: 1) == 0..<0)
    }

    @Test func pagesCoverEveryItemOnce() {
        let pagination = Pagination(itemCount: 10, size: 3)
        #expect(pagination.pageCount == 4)
        #expect((1...pagination.pageCount).map { pagination.range(ofPage: $0) } == [0..<3, 3..<6, 6..<9, 9..<10])
    }

    @Test func aPageBeyondTheLastIsEmpty() {
        #expect(Pagination(itemCount: 5, size: 3).range(ofPage: 3) == 5..<5)
    }

    @Test func aSizeBelowOneIsTreatedAsOne() {
        let pagination = Pagination(itemCount: 3, size: 0)
        #expect(pagination.size == 1)
        #expect(pagination.pageCount == 3)
        #expect(pagination.range(ofPage: 2) == 1..<2)
    }
}
