import Foundation
import Testing
@testable import PlayhubKit

/// The pieces of the build cache: its binary form, its stable hash and the keys it compares.
@Suite struct CacheCodingTests {
    @Test func integersAndTextRoundTrip() throws {
        var writer = BinaryWriter()
        let numbers = [0, 1, -1, 63, 64, -64, -65, 127, 128, 300, Int.max, Int.min, 1_733_000_000_123_456_789]
        for number in numbers { writer.write(number) }
        writer.write("naïve ✓ 日本")
        writer.write(String?.none)
        writer.write(UInt64.max)
        writer.write(-0.5)
        var reader = BinaryReader(writer.bytes)
        #expect(try numbers.map { _ in try reader.int() } == numbers)
        #expect(try reader.string() == "naïve ✓ 日本")
        #expect(try reader.optionalString() == nil)
        #expect(try reader.uint64() == UInt64.max)
        #expect(try reader.double() == -0.5)
        #expect(reader.isAtEnd)
        #expect(BinaryWriter().bytes.isEmpty)
    }

    @Test func smallIntegersTakeOneByte() {
        var writer = BinaryWriter()
        writer.write(5)
        writer.write(-5)
        #expect(writer.bytes.count == 2)
    }

    @Test func damagedInputThrowsInsteadOfCrashing() {
        var writer = BinaryWriter()
        writer.write("a long enough string")
        for cut in 0..<writer.bytes.count {
            var reader = BinaryReader(Array(writer.bytes.prefix(cut)))
            #expect(throws: BinaryReader.Damaged.self) { try reader.string() }
        }
        var huge = BinaryReader([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        #expect(throws: BinaryReader.Damaged.self) { try huge.count() }
    }

    @Test func theStableHashIsTheSameInEveryProcess() {
        var hash = StableHash()
        hash.combine("playhub")
        hash.combine(42)
        #expect(hash.value == 15_631_087_851_225_822_417)
        var split = StableHash(), joined = StableHash()
        split.combine("ab"); split.combine("c")
        joined.combine("a"); joined.combine("bc")
        #expect(split.value != joined.value)
    }

    /// A playbook's source key must cover every front matter value, or an edit to a new key
    /// would be taken for a body-only edit and leave other pages stale.
    @Test func theSourceKeyCoversEveryFrontMatterField() {
        let fields = Set(Mirror(reflecting: meta()).children.compactMap(\.label))
        #expect(fields == InputKeys.playbookMetaFields)
    }

    @Test func theSourceKeyChangesWithTheFrontMatterButNotTheBody() {
        let base = document(meta())
        let key = InputKeys.source(base, warnings: [])
        var body = base
        body.body.html = "<p>Other text.</p>"
        #expect(InputKeys.source(body, warnings: []) == key)
        var summary = base
        summary.defaultSummary = "Another first paragraph."
        #expect(InputKeys.source(summary, warnings: []) != key)
        var moved = meta()
        moved.tags = [Located("seo", at: SourceLocation(file: "content/playbooks/x.md", line: 5, column: 3))]
        #expect(InputKeys.source(document(moved), warnings: []) != key)
        var params = meta()
        params.params = ["difficulty": .string("hard")]
        #expect(InputKeys.source(document(params), warnings: []) != key)
        let warning = Diagnostic(.unknownKey, at: nil, "something", severity: .warning)
        #expect(InputKeys.source(base, warnings: [warning]) != key)
    }

    /// Every stored field of `Playbook` is written to the snapshot (the body is left out on purpose).
    @Test func theSnapshotKeepsEveryPlaybookField() throws {
        let playbook = Playbook(slug: "x", sourcePath: "content/playbooks/x.md", title: "X", summary: "S", description: "D",
                                tags: ["seo", "growth"], category: "growth", industries: ["saas"], tools: ["notion"], type: "Checklist",
                                author: "Ana", date: Day("2024-01-02")!, updated: Day("2024-03-04")!, draft: true, featured: true,
                                weight: -3, aliases: [Located("/old/", at: SourceLocation(file: "content/playbooks/x.md", line: 9, column: 5))],
                                inSitemap: false, params: ["n": .number(2.5), "list": .array([.bool(true), .null]), "o": .object(["k": .string("v")])],
                                body: RenderedMarkdown(html: "", headings: [], firstParagraph: "", wordCount: 0, links: []))
        var writer = BinaryWriter()
        writer.write(playbook)
        var reader = BinaryReader(writer.bytes)
        var decoded: Playbook = try reader.read()
        #expect(decoded.bodyDeferred)
        #expect(decoded.params == playbook.params)
        decoded.bodyDeferred = false
        decoded.params = [:]
        var expected = playbook
        expected.params = [:]
        #expect(String(describing: decoded) == String(describing: expected)) // every other field, by name and value
        #expect(reader.isAtEnd)
    }

    func meta() -> PlaybookMeta {
        var reader = FrontMatterReader(try! FrontMatter.split(Data("---\ntitle: \"X\"\ntags: [seo]\n---\nBody.\n".utf8), path: "content/playbooks/x.md").get(),
                                       path: "content/playbooks/x.md")
        return PlaybookMeta(&reader)
    }

    func document(_ meta: PlaybookMeta) -> ParsedDocument {
        var document = ParsedDocument(source: SourceFile(kind: .playbook, path: "content/playbooks/x.md", fileStem: "x", data: Data(), modified: Date()),
                                      meta: .playbook(meta), body: RenderedMarkdown(html: "<p>Body.</p>", headings: [], firstParagraph: "Body.", wordCount: 1, links: []))
        document.defaultSummary = "Body."
        return document
    }
}
