import Foundation
import Testing
@testable import PlayhubKit

/// Inputs that once crashed or exhausted playhub (found by `make fuzz`, or written to look
/// for such bugs) are kept in Fixtures/fuzz and replayed through the fuzz target's own entry.
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

    @Test func aliasBombInParamsIsRefusedNotExpanded() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("billion-laughs-params.md"))
        let file = SourceFile(kind: .playbook, path: "content/playbooks/bomb.md", fileStem: "bomb", data: data, modified: Date())
        let (_, problems) = DocumentParser.parse(file, options: MarkdownOptions())
        #expect(problems.map(\.description) == ["content/playbooks/bomb.md:5:3: error: 'params' holds more than 10000 values (YAML aliases (*name) repeat values; write the data out, or keep it outside front matter)"])
    }
}
