import Foundation
import Testing
@testable import PlayhubKit

/// Inputs that once crashed or exhausted playhub (found by `make fuzz`, or written to look
/// for such bugs) are kept in Fixtures/fuzz and replayed through the fuzz target's own entry,
/// which sends each to site.json, template or content loading by its first byte; the
/// site.json and template inputs are also the fuzzer's seeds for those readers.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: inputs)
    func replays(_ name: String) throws {
        ContentFuzzing.exercise(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    }

    @Test func theCorpusIsThere() { #expect(Self.inputs.count >= 5) }

    func input(_ name: String) throws -> Data { try Data(contentsOf: Self.folder.appendingPathComponent(name)) }

    /// The first byte sends an input to site.json (0x01), a template (0x02) or a content
    /// file; each reader has inputs here, and they reach it.
    @Test func everyReaderHasInputsAndTheyReachIt() throws {
        let firstBytes = try Self.inputs.map { try input($0).first }
        #expect(firstBytes.filter { $0 == ContentFuzzing.configMarker }.count >= 3)
        #expect(firstBytes.filter { $0 == ContentFuzzing.templateMarker }.count >= 3)
        #expect(firstBytes.filter { $0 == UInt8(ascii: "-") }.count >= 5)

        let site = try input("config-example-site.json")
        #expect(site.first == ContentFuzzing.configMarker)
        let (config, problems) = SiteConfig.load(data: Data(site.dropFirst()))
        #expect(problems.items.isEmpty && config?.title == "Operators' Playbook Hub")
        let huge = try input("config-paginate-1e300.json")
        #expect(SiteConfig.load(data: Data(huge.dropFirst())).1.items.map(\.message)
                == ["'paginate' must be a whole number from 1 to 1000, not 1e300"])

        let card = try input("template-self-including-card.mustache")
        let names = ContentFuzzing.defaultTheme.sources.keys.sorted() + ["fuzz"]
        #expect(card.first == ContentFuzzing.templateMarker && names[Int(card[card.startIndex + 1]) % names.count] == "card")
        var sources = ContentFuzzing.defaultTheme.sources
        sources["card"] = ("templates/card.mustache", String(decoding: card.dropFirst(2), as: UTF8.self))
        guard case .failure(let templateProblems) = Theme.make(name: "default", sources: sources, statics: [:]) else {
            Issue.record("a self-including card loaded"); return
        }
        #expect(templateProblems.items.map(\.message) == ["template 'card' includes itself: card → card"])
    }

    @Test func aliasBombInParamsIsRefusedNotExpanded() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("billion-laughs-params.md"))
        let file = SourceFile(kind: .playbook, path: "content/playbooks/bomb.md", fileStem: "bomb", data: data, modified: Date())
        let (_, problems) = DocumentParser.parse(file, options: MarkdownOptions())
        #expect(problems.map(\.description) == ["content/playbooks/bomb.md:5:3: error: 'params' holds more than 10000 values (YAML aliases (*name) repeat values; write the data out, or keep it outside front matter)"])
    }
}
