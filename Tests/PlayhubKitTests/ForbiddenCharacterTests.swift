import Foundation
import Testing
@testable import PlayhubKit

/// Characters XML and HTML forbid never reach a page, the feed or the sitemap: in front
/// matter and bodies they are errors at their line and column, NUL becomes U+FFFD as
/// CommonMark says, and the XML escaping replaces any that still arrive.
@Suite struct ForbiddenCharacterTests {
    func parse(_ text: String, kind: ContentKind = .playbook) -> (ParsedDocument?, [String]) {
        let file = SourceFile(kind: kind, path: "content/\(kind.folder)/x.md", fileStem: "x", data: Data(text.utf8), modified: Date())
        let (document, problems) = DocumentParser.parse(file, options: MarkdownOptions())
        return (document, Diagnostics(problems).sorted.map(\.description))
    }

    func codes(_ text: String, kind: ContentKind = .playbook) -> [Diagnostic.Code] {
        let file = SourceFile(kind: kind, path: "content/\(kind.folder)/x.md", fileStem: "x", data: Data(text.utf8), modified: Date())
        return Diagnostics(DocumentParser.parse(file, options: MarkdownOptions()).1).sorted.map(\.code)
    }

    // MARK: - Which characters

    @Test func theForbiddenSet() {
        let forbidden: [UInt32] = [0x0, 0x1, 0x8, 0xB, 0xC, 0x1F, 0x7F, 0x80, 0x9F, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF]
        let allowed: [UInt32] = [0x9, 0xA, 0xD, 0x20, 0x7E, 0xA0, 0xE9, 0xFDCF, 0xFDF0, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFD]
        for value in forbidden { #expect(ForbiddenCharacter.isForbidden(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))") }
        for value in allowed { #expect(!ForbiddenCharacter.isForbidden(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))") }
        #expect(ForbiddenCharacter.describe("\u{8}") == "the control character U+0008, which XML and HTML forbid")
        #expect(ForbiddenCharacter.describe("\u{85}") == "the control character U+0085, which HTML forbids")
        #expect(ForbiddenCharacter.describe("\u{FFFE}") == "the noncharacter U+FFFE, which XML and HTML forbid")
        #expect(ForbiddenCharacter.describe("\u{1FFFF}") == "the noncharacter U+1FFFF, which HTML forbids")
    }

    @Test func everyLineWithOneIsFoundWithItsColumn() {
        let found = ForbiddenCharacter.all(in: "fine\nab\u{8}c\u{1}\néé\u{FFFF}\nfine")
        #expect(found.map { "\($0.scalar.value)@\($0.line):\($0.column)" } == ["8@1:3", "65535@2:3"])
        #expect(ForbiddenCharacter.all(in: "café — “quoted” 😀 ✓ \u{A0}").isEmpty)
    }

    @Test func xmlEscapingReplacesWhatXMLForbids() {
        #expect(XML.escape("a\u{8}b\u{FFFE}c\u{0}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        #expect(XML.escape("<a & 'b'>\t\n\r") == "&lt;a &amp; &apos;b&apos;&gt;\t\n\r")
        #expect(XML.escape("café 😀 \u{FFFD}") == "café 😀 \u{FFFD}")
    }

    // MARK: - NUL

    @Test func nulBecomesTheReplacementCharacterAndTheBodyKeepsItsText() throws {
        let (document, problems) = parse("---\ntitle: \"Nul\u{0}Title\"\ntags: [seo]\n---\n\nBefore\u{0}after the NUL.\n\n## Still here\n")
        #expect(problems == [])
        let doc = try #require(document)
        guard case .playbook(let meta) = doc.meta else { Issue.record("not a playbook"); return }
        #expect(meta.title == "Nul\u{FFFD}Title")
        #expect(doc.body.html.contains("Before\u{FFFD}after the NUL."))
        #expect(doc.body.html.contains("Still here"))
    }

    @Test func splittingReplacesNULBeforeAnythingIsParsed() throws {
        let frontMatter = try FrontMatter.split(Data("---\ntitle: \"a\u{0}\"\n---\nx\u{0}y\u{0}\n".utf8), path: "p.md").get()
        #expect(frontMatter.yaml == "title: \"a\u{FFFD}\"")
        #expect(frontMatter.body == "x\u{FFFD}y\u{FFFD}\n")
    }

    // MARK: - Front matter

    @Test func aRawControlCharacterInFrontMatterIsAnErrorAtItsPlace() {
        let (_, problems) = parse("---\ntitle: \"Back\u{8}space\"\ntags: [seo]\nsummary: >\n  long text\n  with a bell\u{7} here\n---\nBody.\n")
        #expect(problems == [
            "content/playbooks/x.md:2:13: error: title contains the control character U+0008, which XML and HTML forbid; remove it",
            "content/playbooks/x.md:6:14: error: summary contains the control character U+0007, which XML and HTML forbid; remove it",
        ])
    }

    @Test func anEscapedControlCharacterIsAnErrorAtItsValue() {
        let (_, problems) = parse(#"""
        ---
        title: "Back\bspace"
        summary: "Nice"
        author: "A\x01"
        type: "T\uFFFE"
        description: 'plain \b is just text'
        tags: ["seo", "x\u0007"]
        industries: ["SaaS\f"]
        params:
          note: "p\u001b"
          list: ["ok", "\x7f"]
        ---
        Body.
        """#)
        #expect(problems == [
            "content/playbooks/x.md:2:8: error: title contains the control character U+0008, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/playbooks/x.md:4:9: error: author contains the control character U+0001, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/playbooks/x.md:5:7: error: type contains the noncharacter U+FFFE, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/playbooks/x.md:7:15: error: tags contains the control character U+0007, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/playbooks/x.md:8:14: error: industries contains the control character U+000C, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/playbooks/x.md:10:9: error: params.note contains the control character U+001B, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/playbooks/x.md:11:16: error: params.list[1] contains the control character U+007F, which HTML forbids; remove it (a backslash escape in double quotes writes it)",
        ])
        #expect(codes("---\ntitle: \"\\b\"\ntags: [seo]\n---\n") == [.encoding])
    }

    @Test func faqQuestionsAndAnswersAreChecked() {
        let (_, problems) = parse(#"""
        ---
        title: "SEO"
        category: growth
        description: "Search."
        faq:
          - q: "Why\b?"
            a: "Because."
          - q: "How?"
            a: "With &#8; a reference."
          - q: "Fine?"
            a: "Yes\u0085."
        ---
        """#, kind: .tag)
        #expect(problems == [
            "content/tags/x.md:6:8: error: the FAQ question contains the control character U+0008, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/tags/x.md:9:9: error: the FAQ answer writes the control character U+0008, which XML and HTML forbid; remove it (a character reference such as `&#8;` writes it)",
            "content/tags/x.md:11:8: error: the FAQ answer contains the control character U+0085, which HTML forbids; remove it (a backslash escape in double quotes writes it)",
        ])
    }

    // MARK: - Bodies

    @Test func aControlCharacterInTheBodyIsAnErrorAtItsLineAndColumn() {
        let (document, problems) = parse("---\ntitle: \"T\"\ntags: [seo]\n---\n\nFirst line.\nA bell\u{7} and\u{7} two.\n\n`code \u{1B}[0m`\n\u{FFFF}\n")
        #expect(problems == [
            "content/playbooks/x.md:7:7: error: the body contains the control character U+0007, which XML and HTML forbid; remove it",
            "content/playbooks/x.md:9:7: error: the body contains the control character U+001B, which XML and HTML forbid; remove it",
            "content/playbooks/x.md:10:1: error: the body contains the noncharacter U+FFFF, which XML and HTML forbid; remove it",
        ])
        #expect(document != nil)
    }

    @Test func aCharacterReferenceToAForbiddenCharacterIsAnError() {
        let (_, problems) = parse("---\ntitle: \"T\"\ntags: [seo]\n---\n\nFine &amp; &#233; &#x1F600;.\nBad &#x8; here and &#127; there.\n\n`&#8;` in code is text.\n\n```\n&#8;\n```\n")
        #expect(problems == [
            "content/playbooks/x.md:7:5: error: the body writes `&#x8;`, the control character U+0008, which XML and HTML forbid; remove it",
        ])
        // In code it stays text, so on its own it is fine.
        #expect(parse("---\ntitle: \"T\"\ntags: [seo]\n---\n\n`&#8;` and &#0; are fine.\n").1 == [])
    }

    @Test func cleanContentHasNoSuchErrors() {
        let (document, problems) = parse("---\ntitle: \"Café — “ok” 😀\"\ntags: [seo]\nsummary: \"Tabs\tare fine\"\n---\n\nCRLF\r\nand tabs\tand é.\n")
        #expect(problems == [])
        #expect(document != nil)
    }

    // MARK: - Whole numbers in front matter

    @Test func hugeWeightsAreErrorsNotTraps() {
        for (value, column) in [("1e300", 9), ("99999999999999999999999", 9), ("-99999999999999999999999", 9), ("1000000001", 9), (".inf", 0)] {
            let (_, problems) = parse("---\ntitle: \"T\"\ntags: [seo]\nweight: \(value)\n---\n")
            if column == 0 {
                #expect(problems == ["content/playbooks/x.md:4:9: error: 'weight' must be a whole number such as 10"])
            } else {
                #expect(problems == ["content/playbooks/x.md:4:\(column): error: 'weight' must be a whole number from -1000000000 to 1000000000, not \(value) (e.g. `weight: 10`)"])
            }
        }
        let (_, notWhole) = parse("---\ntitle: \"T\"\ntags: [seo]\nweight: 2.5\n---\n")
        #expect(notWhole == ["content/playbooks/x.md:4:9: error: 'weight' must be a whole number such as 10"])
    }

    @Test func weightsInRangeAreTaken() throws {
        for value in [-1_000_000_000, -1, 0, 3, 1_000_000_000] {
            let (document, problems) = parse("---\ntitle: \"T\"\ntags: [seo]\nweight: \(value)\n---\n")
            #expect(problems == [])
            guard case .playbook(let meta)? = document?.meta else { Issue.record("no playbook"); continue }
            #expect(meta.weight == value)
        }
        let (category, _) = parse("---\ntitle: \"C\"\ndescription: \"d\"\nweight: 1e300\n---\n", kind: .category)
        guard case .category(let meta)? = category?.meta else { Issue.record("no category"); return }
        #expect(meta.weight == nil)
    }

    @Test func base60NumbersInParamsAreTextNotATrap() throws {
        // Yams would read 1:1:…:1 as a base-60 Int and trap when it overflows.
        let (document, problems) = parse("---\ntitle: \"T\"\ntags: [seo]\nparams:\n  time: 12:30\n  huge: 1:1:1:1:1:1:1:1:1:1:1:1:1\n  big: 99999999999999999999999\n  n: 7\n---\n")
        #expect(problems == [])
        guard case .playbook(let meta)? = document?.meta else { Issue.record("no playbook"); return }
        #expect(meta.params["time"] == .string("12:30"))
        #expect(meta.params["huge"] == .string("1:1:1:1:1:1:1:1:1:1:1:1:1"))
        #expect(meta.params["big"] == .number(1e23))
        #expect(meta.params["n"] == .number(7))
    }
}
