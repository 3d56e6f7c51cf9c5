import Foundation
import Testing
@testable import PlayhubKit

/// site.json's numbers have ranges, and no JSON number (huge, tiny, fractional, beyond any
/// Double) can trap or exhaust memory; every problem is at the key's line and column.
@Suite struct ConfigRangeTests {
    /// site.json with `extra` lines after title and baseURL: the first extra line is line 4.
    func load(_ extra: String...) -> (SiteConfig?, [String]) {
        let text = "{\n  \"title\": \"Hub\",\n  \"baseURL\": \"https://example.org/\"" + extra.map { ",\n  " + $0 }.joined() + "\n}\n"
        let (config, problems) = SiteConfig.load(data: Data(text.utf8))
        return (config, problems.sorted.map(\.description))
    }

    @Test func numbersInRangeAreTaken() {
        let (config, problems) = load("\"paginate\": 1000", "\"relatedCount\": 0", "\"feedLimit\": 1")
        #expect(problems == [])
        #expect(config?.paginate == 1000)
        #expect(config?.relatedCount == 0)
        #expect(config?.feedLimit == 1)
        let (other, _) = load("\"paginate\": 1", "\"relatedCount\": 100", "\"feedLimit\": 1000")
        #expect(other?.paginate == 1)
        #expect(other?.relatedCount == 100)
        #expect(other?.feedLimit == 1000)
    }

    @Test func theRangesAreTheDocumentedOnes() {
        #expect(SiteConfig.numberRanges.map(\.key) == ["paginate", "relatedCount", "feedLimit"])
        #expect(SiteConfig.numberRanges.map(\.range) == [1...1000, 0...100, 1...1000])
    }

    @Test func hugeNumbersAreErrorsNotTraps() {
        let (config, problems) = load("\"paginate\": 1e300", "\"relatedCount\": 1e12", "\"feedLimit\": -1e300")
        #expect(problems == [
            "site.json:4:3: error: 'paginate' must be a whole number from 1 to 1000, not 1e300 (e.g. \"paginate\": 24)",
            "site.json:5:3: error: 'relatedCount' must be a whole number from 0 to 100, not 1e12 (e.g. \"relatedCount\": 5)",
            "site.json:6:3: error: 'feedLimit' must be a whole number from 1 to 1000, not -1e300 (e.g. \"feedLimit\": 20)",
        ])
        // The rest of the config is usable, so content errors are reported in the same run.
        #expect(config?.paginate == 24)
        #expect(config?.relatedCount == 5)
    }

    @Test func justOutsideTheRangeFractionsAndText() {
        let (_, problems) = load("\"paginate\": 0", "\"relatedCount\": 101", "\"feedLimit\": 1.5")
        #expect(problems == [
            "site.json:4:3: error: 'paginate' must be a whole number from 1 to 1000, not 0 (e.g. \"paginate\": 24)",
            "site.json:5:3: error: 'relatedCount' must be a whole number from 0 to 100, not 101 (e.g. \"relatedCount\": 5)",
            "site.json:6:3: error: 'feedLimit' must be a whole number from 1 to 1000, not 1.5 (e.g. \"feedLimit\": 20)",
        ])
        let (_, more) = load("\"paginate\": \"24\"", "\"relatedCount\": 99999999999999999999999", "\"feedLimit\": -0.5")
        #expect(more == [
            "site.json:4:3: error: 'paginate' must be a whole number from 1 to 1000, not \"24\" (e.g. \"paginate\": 24)",
            "site.json:5:3: error: 'relatedCount' must be a whole number from 0 to 100, not 99999999999999999999999 (e.g. \"relatedCount\": 5)",
            "site.json:6:3: error: 'feedLimit' must be a whole number from 1 to 1000, not -0.5 (e.g. \"feedLimit\": 20)",
        ])
    }

    @Test func wholeNumbersWrittenWithAFractionOrExponentAreTaken() {
        let (config, problems) = load("\"paginate\": 12.0", "\"feedLimit\": 1e2")
        #expect(problems == [])
        #expect(config?.paginate == 12)
        #expect(config?.feedLimit == 100)
    }

    @Test func numbersNoDoubleHoldsAreReportedWhereTheyAre() {
        // JSONDecoder refuses a whole file for one such number, without saying where.
        let (config, problems) = load("\"paginate\": 1e400", "\"params\": {\"tiny\": -1e-400, \"zero\": 0e999}")
        #expect(config == nil)
        #expect(problems == [
            "site.json:4:15: error: the number 1e400 is too large to be read (write a number between -1e308 and 1e308, and not nearer zero than 1e-307)",
            "site.json:5:22: error: the number -1e-400 is too near zero to be read (write a number between -1e308 and 1e308, and not nearer zero than 1e-307)",
        ])
    }

    @Test func hugeNumbersInParamsReachTemplatesAsText() {
        let (config, problems) = load("\"params\": {\"big\": 1e300, \"neg\": -1e300, \"half\": 1.5, \"n\": 12}")
        #expect(problems == [])
        let values = JSONValue.object(config?.params ?? [:]).templateValue as? [String: Any]
        #expect(values?["big"] as? String == "1e+300")
        #expect(values?["neg"] as? String == "-1e+300")
        #expect(values?["half"] as? String == "1.5")
        #expect(values?["n"] as? String == "12")
    }

    @Test func syntaxErrorsHaveTheirLineAndColumn() {
        let cases: [(String, String)] = [
            ("{\n  \"title\": \"Hub\"\n  \"baseURL\": \"x\"\n}", "site.json:3:3: error: site.json is not valid JSON: expected `,` or `}`, found '\"' (check for a missing comma)"),
            ("{\n  \"title\": \"Hub\",\n}", "site.json:3:1: error: site.json is not valid JSON: a comma before `}` has nothing after it (remove the last comma)"),
            ("{\"title\": 'Hub'}", "site.json:1:11: error: site.json is not valid JSON: unexpected ''' (JSON writes text in double quotes)"),
            ("{\"paginate\": 024}", "site.json:1:14: error: site.json is not valid JSON: this number is not written as JSON writes numbers (e.g. 24, -1, 2.5 or 1e3: no leading zeros, digits on both sides of `.`)"),
            ("{\"title\": \"Hub", "site.json:1:11: error: site.json is not valid JSON: a string is not closed (add the closing `\"`)"),
            ("[1, 2]", "site.json:1:1: error: site.json is not valid JSON: site.json must hold one object, found '[' (write {\"title\": \"My Hub\", \"baseURL\": \"https://example.org/\"})"),
            ("", "site.json:1:1: error: site.json is not valid JSON: site.json is empty (write an object: {\"title\": \"My Hub\", \"baseURL\": \"https://example.org/\"})"),
            ("{} {}", "site.json:1:4: error: site.json is not valid JSON: unexpected '{' after the end of the object (site.json holds one object; remove what follows its last `}`)"),
        ]
        for (text, expected) in cases {
            let (config, problems) = SiteConfig.load(data: Data(text.utf8))
            #expect(config == nil, "\(text)")
            #expect(problems.sorted.map(\.description) == [expected])
        }
    }

    @Test func deepNestingIsRefusedWithoutRecursion() {
        let deep = "{\"params\": {\"x\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}}"
        let (config, problems) = SiteConfig.load(data: Data(deep.utf8))
        #expect(config == nil)
        #expect(problems.sorted.map(\.description) == [
            "site.json:1:80: error: site.json is not valid JSON: objects and lists nest more than 64 deep here (site.json needs only a few levels)",
        ])
    }

    @Test func keysAreFoundAtTheTopLevelOnly() {
        // "paginate" appears first inside params and inside a string: the error points at the key.
        let (_, problems) = load("\"params\": {\"paginate\": 3, \"note\": \"\\\"paginate\\\"\"}", "\"paginate\": 0")
        #expect(problems == ["site.json:5:3: error: 'paginate' must be a whole number from 1 to 1000, not 0 (e.g. \"paginate\": 24)"])
    }

    @Test func aKeyWrittenTwiceIsAnError() {
        let (config, problems) = load("\"paginate\": 10", "\"paginate\": 20")
        #expect(problems == ["site.json:5:3: error: key 'paginate' appears twice in site.json (remove one of the two)"])
        #expect(config?.paginate == 10)
    }

    @Test func textThatReachesPagesMustNotHoldForbiddenCharacters() {
        let (_, problems) = load("\"language\": \"en\\u0007\"", "\"params\": {\"description\": \"ok\", \"links\": [\"a\", \"b\\uFFFF\"]}")
        #expect(problems == [
            "site.json:4:3: error: language contains the control character U+0007, which XML and HTML forbid; remove it (in JSON it may be written \\u0007)",
            "site.json:5:3: error: params.links[1] contains the noncharacter U+FFFF, which XML and HTML forbid; remove it (in JSON it may be written \\uffff)",
        ])
        let text = "{\"title\": \"Hub\\b\", \"baseURL\": \"https://example.org/\"}"
        #expect(SiteConfig.load(data: Data(text.utf8)).1.sorted.map(\.description) == [
            "site.json:1:2: error: title contains the control character U+0008, which XML and HTML forbid; remove it (in JSON it may be written \\u0008)",
        ])
    }

    @Test func invalidUTF8IsReportedWhereItIs() {
        var data = Data("{\n  \"title\": \"Caf".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(Data("\"\n}".utf8))
        let (config, problems) = SiteConfig.load(data: data)
        #expect(config == nil)
        #expect(problems.sorted.map(\.description) == ["site.json:2:16: error: site.json is not valid UTF-8 (save it as UTF-8 in your editor)"])
    }

    @Test func theRepositorysSiteJSONLoadsCleanly() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("site.json")
        let (config, problems) = SiteConfig.load(data: try Data(contentsOf: url))
        #expect(problems.items.isEmpty, "\(problems)")
        #expect(config?.paginate == 12)
    }
}
