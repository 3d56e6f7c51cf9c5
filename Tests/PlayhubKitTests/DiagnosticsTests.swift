import Testing
@testable import PlayhubKit

/// How problems are printed and in which order an author sees them.
@Suite struct DiagnosticsTests {
    @Test func formatsPlaceSeverityMessageAndHint() {
        let diagnostic = Diagnostic(.unknownTag, at: SourceLocation(file: "content/playbooks/x.md", line: 4, column: 9),
                                    "unknown tag 'grwth'", hint: "did you mean 'growth'?")
        #expect(diagnostic.description == "content/playbooks/x.md:4:9: error: unknown tag 'grwth' (did you mean 'growth'?)")
    }

    @Test func formatsWithoutHintWithoutPlaceAndAsWarning() {
        #expect(Diagnostic(.missingKey, at: SourceLocation(file: "content/tags/seo.md", line: 2, column: 1), "'title' is missing").description
            == "content/tags/seo.md:2:1: error: 'title' is missing")
        #expect(Diagnostic(.unsafeOutput, at: nil, "refusing to write to '/'", hint: "choose a folder").description
            == "error: refusing to write to '/' (choose a folder)")
        #expect(Diagnostic(.brokenLink, at: SourceLocation(file: "a.md"), "broken link", severity: .warning).description
            == "a.md:1:1: warning: broken link")
    }

    @Test func locationsAreOneBased() {
        let location = SourceLocation(file: "a.md", line: 0, column: -3)
        #expect(location.line == 1)
        #expect(location.column == 1)
        #expect(location.description == "a.md:1:1")
    }

    @Test func sortsSiteWideFirstThenByFileLineAndColumn() {
        func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        let diagnostics = Diagnostics([
            Diagnostic(.unknownTag, at: at("content/playbooks/b.md", 10, 1), "b10"),
            Diagnostic(.unknownTag, at: at("content/playbooks/b.md", 9, 5), "b9c5"),
            Diagnostic(.unknownTag, at: at("content/playbooks/b.md", 9, 2), "b9c2"),
            Diagnostic(.invalidConfig, at: nil, "site-wide z"),
            Diagnostic(.unknownTag, at: at("content/playbooks/a.md", 20, 1), "a20"),
            Diagnostic(.unknownTag, at: at("content/playbooks/b.md", 9, 2), "b9c2 again"),
            Diagnostic(.invalidConfig, at: nil, "site-wide a"),
            Diagnostic(.unknownTag, at: at("content/categories/z.md", 1, 1), "categories"),
        ])
        #expect(diagnostics.sorted.map(\.message) == ["site-wide a", "site-wide z", "categories", "a20", "b9c2", "b9c2 again", "b9c5", "b10"])
    }

    @Test func descriptionIsOneSortedLinePerProblem() {
        let diagnostics = Diagnostics([
            Diagnostic(.unknownTag, at: SourceLocation(file: "b.md", line: 3, column: 1), "second"),
            Diagnostic(.unknownTag, at: SourceLocation(file: "a.md", line: 7, column: 2), "first", hint: "fix it"),
        ])
        #expect(diagnostics.description == "a.md:7:2: error: first (fix it)\nb.md:3:1: error: second")
    }

    @Test func errorsAndWarningsAreSeparatedAndSorted() {
        var diagnostics = Diagnostics()
        diagnostics.append(Diagnostic(.brokenLink, at: SourceLocation(file: "b.md"), "warn b", severity: .warning))
        #expect(!diagnostics.hasErrors)
        diagnostics.append(contentsOf: [
            Diagnostic(.unknownTag, at: SourceLocation(file: "c.md"), "error c"),
            Diagnostic(.brokenLink, at: SourceLocation(file: "a.md"), "warn a", severity: .warning),
        ])
        diagnostics.append(contentsOf: Diagnostics([Diagnostic(.unknownTag, at: SourceLocation(file: "a.md"), "error a")]))
        #expect(diagnostics.hasErrors)
        #expect(diagnostics.items.count == 4)
        #expect(diagnostics.errors.map(\.message) == ["error a", "error c"])
        #expect(diagnostics.warnings.map(\.message) == ["warn a", "warn b"])
    }
}
