import Testing
@testable import PlayhubKit

/// The default summary: the first paragraph cut at a word, at most 160 characters with its ellipsis.
@Suite struct SummaryTests {
    /// `count` words of the form `word01`, `word02` … (6 characters each, 7 with the space).
    private func words(_ count: Int) -> String {
        (1...count).map { "w" + String(repeating: "o", count: 3) + ($0 < 10 ? "0\($0)" : "\($0)") }.joined(separator: " ")
    }

    @Test func shortTextIsUnchanged() {
        #expect(Summary.cut("Find and fix what keeps pages out of search.") == "Find and fix what keeps pages out of search.")
        #expect(Summary.cut("") == "")
    }

    @Test func textOfExactlyTheLimitIsUnchanged() {
        let text = String(repeating: "abcd ", count: 31) + "abcde" // 155 + 5 = 160
        #expect(text.count == 160)
        #expect(Summary.cut(text) == text)
    }

    @Test func longTextIsCutAtTheLastWordBeforeTheLimit() {
        let text = words(30) // 30 × 7 − 1 = 209 characters
        let cut = Summary.cut(text)
        // The 23rd word ends at 160 (23 × 7 − 1), which leaves no room for the ellipsis.
        #expect(cut == words(22) + "…")
        #expect(cut.count == 154)
        #expect(cut.count <= Summary.targetLength)
    }

    @Test func aWordEndingOneBeforeTheLimitFitsWithTheEllipsis() {
        let text = String(repeating: "abcd ", count: 31) + "abcd " + "tail" // the 32nd word ends at 159
        #expect(Summary.cut(text) == String(repeating: "abcd ", count: 31) + "abcd…")
        #expect(Summary.cut(text).count == 160)
    }

    @Test func oneCharacterOverTheLimitDropsTheLastWord() {
        let text = String(repeating: "abcd ", count: 31) + "abcdef" // 161
        #expect(Summary.cut(text) == String(repeating: "abcd ", count: 30) + "abcd…")
    }

    @Test func whitespaceIsCollapsed() {
        #expect(Summary.cut("  One\n\ntwo\t three   four  ") == "One two three four")
        let long = Summary.cut(words(30).replacingOccurrences(of: " ", with: " \n\t "))
        #expect(long == words(22) + "…")
    }

    @Test func trailingPunctuationIsRemovedBeforeTheEllipsis() {
        let head = String(repeating: "abcd ", count: 29) + "abcd" // 149 characters
        let tail = String(repeating: "x", count: 20) // crosses the limit, so the cut is before it
        #expect(Summary.cut(head + ", " + tail) == head + "…")
        #expect(Summary.cut(head + "; " + tail) == head + "…")
        #expect(Summary.cut(head + ": " + tail) == head + "…")
        #expect(Summary.cut(head + " — " + tail) == head + "…")
        #expect(Summary.cut(head + " – " + tail) == head + "…")
        #expect(Summary.cut(head + " - " + tail) == head + "…")
    }

    @Test func sentenceEndingPunctuationIsKept() {
        let head = String(repeating: "abcd ", count: 29) + "abcd" // 149 characters
        #expect(Summary.cut(head + ". " + String(repeating: "x", count: 20)) == head + ".…")
    }

    @Test func oneVeryLongWordIsCutAtTheLimit() {
        let word = String(repeating: "a", count: 300)
        #expect(Summary.cut(word) == String(repeating: "a", count: 159) + "…")
    }

    @Test func aLongWordAfterAShortStartIsCutWhereItStands() {
        // The only space is before half the limit, so cutting there would lose most of the text.
        let text = "Intro " + String(repeating: "x", count: 300)
        #expect(Summary.cut(text) == "Intro " + String(repeating: "x", count: 153) + "…")
    }

    @Test func aCustomLimitIsHonoured() {
        #expect(Summary.cut("one two three four", near: 10) == "one two…")
        #expect(Summary.cut("one two three four", near: 8) == "one two…")
        #expect(Summary.cut("one two three four", near: 7) == "one…")
    }
}
