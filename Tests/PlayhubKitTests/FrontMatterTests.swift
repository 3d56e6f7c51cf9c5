import Foundation
import Testing
@testable import PlayhubKit

/// Stage 3: splitting a file at its `---` lines and reading typed values out of the YAML.
@Suite struct FrontMatterTests {
    private func split(_ text: String) -> Result<FrontMatter, Diagnostic> {
        FrontMatter.split(Data(text.utf8), path: "content/x.md")
    }

    private func splitOK(_ text: String) throws -> FrontMatter {
        try split(text).get()
    }

    private func failure(_ result: Result<FrontMatter, Diagnostic>) -> Diagnostic? {
        if case .failure(let diagnostic) = result { return diagnostic }
        return nil
    }

    // MARK: - Splitting

    @Test func splitsYAMLAndBodyWithTheirLines() throws {
        let frontMatter = try splitOK("---\ntitle: A\ntags: [x]\n---\n\nBody line.\n")
        #expect(frontMatter.yaml == "title: A\ntags: [x]")
        #expect(frontMatter.yamlLine == 2)
        #expect(frontMatter.body == "\nBody line.\n")
        #expect(frontMatter.bodyLine == 5)
    }

    @Test func emptyFrontMatterAndEmptyBody() throws {
        let frontMatter = try splitOK("---\n---\n")
        #expect(frontMatter.yaml == "")
        #expect(frontMatter.body == "")
        #expect(frontMatter.bodyLine == 3)
        #expect(try splitOK("---\n---").body == "")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let frontMatter = try splitOK("\u{FEFF}---\ntitle: A\n---\nBody\n")
        #expect(frontMatter.yaml == "title: A")
        #expect(frontMatter.body == "Body\n")
        #expect(frontMatter.bodyLine == 4)
    }

    @Test func crlfAndCRLineEndingsBecomeLF() throws {
        let crlf = try splitOK("---\r\ntitle: A\r\nb: c\r\n---\r\nBody\r\nmore\r\n")
        #expect(crlf.yaml == "title: A\nb: c")
        #expect(crlf.body == "Body\nmore\n")
        #expect(crlf.bodyLine == 5)
        let cr = try splitOK("---\rtitle: A\r---\rBody\r")
        #expect(cr.yaml == "title: A")
        #expect(cr.body == "Body\n")
        #expect(cr.bodyLine == 4)
    }

    @Test func closingLineMayBeDotsOrHaveTrailingSpaces() throws {
        #expect(try splitOK("---\ntitle: A\n...\nBody\n").body == "Body\n")
        #expect(try splitOK("--- \ntitle: A\n---  \nBody\n").bodyLine == 4)
    }

    @Test func onlyTheFirstClosingLineCloses() throws {
        let frontMatter = try splitOK("---\ntitle: A\n---\nBody\n\n---\n\nAfter a rule.\n")
        #expect(frontMatter.yaml == "title: A")
        #expect(frontMatter.body == "Body\n\n---\n\nAfter a rule.\n")
    }

    @Test func missingFrontMatterIsReportedAtLineOne() throws {
        for text in ["title: A\n", "", "\n---\ntitle: A\n---\n", "Body only"] {
            let diagnostic = try #require(failure(split(text)), "\(text.debugDescription)")
            #expect(diagnostic.code == .missingFrontMatter)
            #expect(diagnostic.location == SourceLocation(file: "content/x.md", line: 1, column: 1))
            #expect(diagnostic.message == "file does not start with front matter")
        }
    }

    @Test func unclosedFrontMatterIsReported() throws {
        let diagnostic = try #require(failure(split("---\ntitle: A\n\nBody\n")))
        #expect(diagnostic.code == .unclosedFrontMatter)
        #expect(diagnostic.description == "content/x.md:1:1: error: front matter opened with `---` on line 1 is never closed (add a `---` line after the last front matter key)")
    }

    // MARK: - Invalid UTF-8

    @Test func invalidUTF8IsReportedWithItsLineAndColumn() throws {
        var data = Data("---\ntitle: café ".utf8)
        data.append(0xFF)
        data.append(contentsOf: Data("x\n---\n".utf8))
        let diagnostic = try #require(failure(FrontMatter.split(data, path: "content/x.md")))
        #expect(diagnostic.code == .encoding)
        // Columns count characters: "title: café " is 12 of them.
        #expect(diagnostic.location == SourceLocation(file: "content/x.md", line: 2, column: 13))
        #expect(diagnostic.description == "content/x.md:2:13: error: file is not valid UTF-8 (save it as UTF-8 in your editor)")
    }

    @Test func truncatedOverlongAndSurrogateSequencesAreInvalid() throws {
        let cases: [([UInt8], Int, Int)] = [
            (Array("---\nab".utf8) + [0xE2, 0x82], 2, 3),                  // cut short at the end
            (Array("---\n\nxy".utf8) + [0xC0, 0x80], 3, 3),                // overlong NUL
            (Array("---\n".utf8) + [0xED, 0xA0, 0x80], 2, 1),              // UTF-16 surrogate
            ([0x41, 0x80], 1, 2),                                          // stray continuation byte
        ]
        for (bytes, line, column) in cases {
            let diagnostic = try #require(failure(FrontMatter.split(Data(bytes), path: "p.md")), "\(bytes)")
            #expect(diagnostic.location == SourceLocation(file: "p.md", line: line, column: column), "\(bytes)")
        }
    }

    // MARK: - Reading typed values

    private let sample = """
        ---
        title: "  Hello  "
        tags: [growth, seo]
        single: growth
        draft: true
        weight: 3
        date: 2024-02-29
        empty:
        tilde: ~
        nullWord: null
        quotedNull: "null"
        quotedNumber: "3"
        ---
        Body
        """

    private func reader(_ text: String) throws -> FrontMatterReader {
        FrontMatterReader(try splitOK(text), path: "content/x.md")
    }

    @Test func readsStringsTrimmedAndWithTheirPlace() throws {
        var reader = try reader(sample)
        #expect(reader.string("title") == "Hello")
        #expect(reader.located("title")?.location == SourceLocation(file: "content/x.md", line: 2, column: 8))
        #expect(reader.string("quotedNull") == "null")
        #expect(reader.string("quotedNumber") == "3")
        #expect(reader.diagnostics.items.isEmpty)
    }

    @Test func readsListsAndAcceptsASingleValueAsAList() throws {
        var reader = try reader(sample)
        #expect(reader.list("tags").map(\.value) == ["growth", "seo"])
        #expect(reader.list("tags").map(\.location.line) == [3, 3])
        #expect(reader.list("tags").map(\.location.column) == [8, 16])
        #expect(reader.list("single").map(\.value) == ["growth"])
        #expect(reader.list("absent") == [])
        #expect(reader.diagnostics.items.isEmpty)
    }

    @Test func readsBooleansIntegersAndDates() throws {
        var reader = try reader(sample)
        #expect(reader.bool("draft") == true)
        #expect(reader.integer("weight") == 3)
        #expect(reader.day("date")?.value == Day(year: 2024, month: 2, day: 29))
        #expect(reader.day("date")?.location == SourceLocation(file: "content/x.md", line: 7, column: 7))
        #expect(reader.diagnostics.items.isEmpty)
    }

    @Test func emptyTildeAndNullAreAbsent() throws {
        var reader = try reader(sample)
        for key in ["empty", "tilde", "nullWord", "absent"] {
            #expect(reader.string(key) == nil, "\(key)")
            #expect(reader.list(key) == [], "\(key)")
            #expect(reader.bool(key) == nil, "\(key)")
            #expect(reader.integer(key) == nil, "\(key)")
            #expect(reader.day(key) == nil, "\(key)")
            #expect(reader.params(key) == [:], "\(key)")
            #expect(reader.faq(key) == [], "\(key)")
        }
        #expect(reader.diagnostics.items.isEmpty)
    }

    @Test func aRequiredNullIsMissing() throws {
        var reader = try reader(sample)
        #expect(reader.string("tilde", required: true) == nil)
        #expect(reader.list("empty", required: true) == [])
        #expect(reader.diagnostics.items.map(\.code) == [.missingKey, .missingKey])
        #expect(reader.diagnostics.items.map(\.message) == ["required front matter key 'tilde' is missing",
                                                            "required front matter key 'empty' is missing"])
        #expect(reader.diagnostics.items.first?.location == SourceLocation(file: "content/x.md", line: 1, column: 1))
    }

    @Test func wrongTypesAreReportedAtTheValue() throws {
        var reader = try reader(sample)
        #expect(reader.bool("title") == nil)
        #expect(reader.integer("quotedNumber") == nil)
        #expect(reader.string("tags") == nil)
        #expect(reader.day("title") == nil)
        #expect(reader.diagnostics.items.map(\.description) == [
            "content/x.md:2:8: error: 'title' must be true or false",
            "content/x.md:12:15: error: 'quotedNumber' must be a whole number such as 10",
            "content/x.md:3:7: error: 'tags' must be a text value",
            "content/x.md:2:8: error: 'title' is not a valid date: '  Hello  ' (write it as YYYY-MM-DD, e.g. 2024-03-05)",
        ])
    }

    @Test func readsParamsAsJSONValues() throws {
        var reader = try reader("""
            ---
            params:
              n: 1
              f: 1.5
              b: false
              s: text
              q: "2"
              z: ~
              list: [a, 2]
              map: {k: v}
            ---
            """)
        #expect(reader.params("params") == [
            "n": .number(1), "f": .number(1.5), "b": .bool(false), "s": .string("text"), "q": .string("2"),
            "z": .null, "list": .array([.string("a"), .number(2)]), "map": .object(["k": .string("v")]),
        ])
        #expect(reader.diagnostics.items.isEmpty)
    }

    @Test func readsFAQEntries() throws {
        var reader = try reader("""
            ---
            faq:
              - q: "What is it?"
                a: "A *thing*."
              - q: "Only a question?"
            ---
            """)
        let faq = reader.faq("faq")
        #expect(faq.map(\.question) == ["What is it?"])
        #expect(faq.map(\.answerMarkdown) == ["A *thing*."])
        #expect(reader.diagnostics.items.map(\.message) == ["an FAQ entry needs both `q` and `a`"])
        #expect(reader.diagnostics.items.first?.location?.line == 5)
    }

    @Test func unknownKeysGetADidYouMeanHint() throws {
        var reader = try reader("---\ntitle: A\ntagz: [a]\ncolour: red\n---\n")
        reader.rejectUnknownKeys(["title", "tags", "category", "params"], kind: "playbook")
        #expect(reader.diagnostics.items.map(\.description) == [
            "content/x.md:3:1: error: unknown front matter key 'tagz' (did you mean 'tags'?)",
            "content/x.md:4:1: error: unknown front matter key 'colour' (playbook front matter takes: title, tags, category, params; put free data under `params:`)",
        ])
    }

    @Test func aKeyIsLocatedWhereItIsWritten() throws {
        let reader = try reader(sample)
        #expect(reader.location(ofKey: "weight") == SourceLocation(file: "content/x.md", line: 6, column: 1))
        #expect(reader.location(ofKey: "absent") == SourceLocation(file: "content/x.md", line: 1, column: 1))
    }

    @Test func aTabIndentIsReportedAtItsLineAndColumn() throws {
        let reader = try reader("---\ntitle: A\ntags:\n\t- a\n---\n")
        #expect(reader.diagnostics.items.map(\.description) == [
            "content/x.md:4:1: error: a tab indents this front matter line (YAML indents with spaces only; replace the tab with spaces)",
        ])
    }

    @Test func frontMatterThatIsNotAMappingIsReported() throws {
        let reader = try reader("---\n- just\n- a list\n---\n")
        #expect(reader.diagnostics.items.map(\.code) == [.invalidYAML])
        #expect(reader.diagnostics.items.first?.message == "front matter must be a list of `key: value` lines")
    }

    @Test func emptyFrontMatterReadsAsNoKeys() throws {
        var reader = try reader("---\n---\nBody\n")
        #expect(reader.string("title") == nil)
        #expect(reader.diagnostics.items.isEmpty)
    }
}
