import Testing
@testable import PlayhubKit

/// "did you mean" hints for misspelt tags, keys and categories.
@Suite struct DidYouMeanTests {
    @Test func suggestsTheClosestCandidateWithinTheLimit() {
        #expect(DidYouMean.suggestion(for: "grwth", in: ["pricing", "growth", "seo"]) == "growth")
        #expect(DidYouMean.suggestion(for: "titel", in: ["title", "tags", "type"]) == "title")
        #expect(DidYouMean.suggestion(for: "summray", in: ["summary", "sitemap"]) == "summary")
    }

    @Test func prefersTheNearerOfTwoCloseCandidates() {
        #expect(DidYouMean.suggestion(for: "tagss", in: ["tags", "tag"]) == "tags")
        #expect(DidYouMean.suggestion(for: "tagss", in: ["tag", "tags"]) == "tags")
    }

    @Test func comparesCaseInsensitivelyButReturnsTheCandidateAsWritten() {
        #expect(DidYouMean.suggestion(for: "BaseUrl", in: ["baseURL", "title"]) == "baseURL")
    }

    @Test func noSuggestionWhenTooFar() {
        #expect(DidYouMean.suggestion(for: "xyz", in: ["growth", "pricing"]) == nil)
        #expect(DidYouMean.suggestion(for: "anything", in: [String]()) == nil)
    }

    @Test func theLimitIsAThirdOfTheWordAndAtLeastTwo() {
        // 9 letters: up to 3 edits.
        #expect(DidYouMean.suggestion(for: "abcdefghi", in: ["abcdefXXX"]) == "abcdefXXX")
        #expect(DidYouMean.suggestion(for: "abcdefghi", in: ["abcdeXXXX"]) == nil)
        // 3 letters: still 2 edits.
        #expect(DidYouMean.suggestion(for: "abc", in: ["aXX"]) == "aXX")
        #expect(DidYouMean.suggestion(for: "abc", in: ["XXX"]) == nil)
    }

    @Test func tiesGoToTheAlphabeticallyFirstWhateverTheInputOrder() {
        #expect(DidYouMean.suggestion(for: "cat", in: ["hat", "cab", "bat"]) == "bat")
        #expect(DidYouMean.suggestion(for: "cat", in: ["bat", "hat", "cab"]) == "bat")
        #expect(DidYouMean.suggestion(for: "cat", in: Set(["hat", "cab", "bat"])) == "bat")
    }

    @Test func hintWordsTheSuggestion() {
        #expect(DidYouMean.hint(for: "grwth", in: ["growth"]) == "did you mean 'growth'?")
        #expect(DidYouMean.hint(for: "xyz", in: ["growth"]) == nil)
    }

    @Test func editDistanceIsLevenshtein() {
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
        #expect(DidYouMean.editDistance("", "abc") == 3)
        #expect(DidYouMean.editDistance("abc", "") == 3)
        #expect(DidYouMean.editDistance("same", "same") == 0)
        #expect(DidYouMean.editDistance("café", "cafe") == 1)
    }
}
