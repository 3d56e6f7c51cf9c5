import Foundation
import Testing
@testable import PlayhubKit
@testable import PlayhubCLI

/// `playhub check --report` on a hub with one of each problem.
@Suite struct HealthReportTests {
    func report(_ extra: [String: String]) throws -> HealthReport {
        let site = try SiteFixture(SmallHub.text, files: extra)
        let result = Builder.build(BuildOptions(siteDir: site.root, jobs: 2, writeOutput: false))
        let graph = try #require(result.graph, "\(result.diagnostics)")
        return HealthReport.make(graph: graph, today: Day("2025-10-15")!)
    }

    static let problems: [String: String] = [
        // A second "Price Test" title and a copied description; a one-word summary; stale.
        "content/playbooks/price-test-copy.md": """
        ---
        title: "Price test"
        summary: "Short."
        description: "Test a price change safely."
        tags: ["pricing"]
        tools: ["Stripe"]
        date: 2022-01-01
        updated: 2024-05-31
        ---

        Links to the [hiring loop](/playbooks/hiring-loop/) and the [audit](/playbooks/seo-audit/#prepare).
        """,
        "content/playbooks/long-summary.md": """
        ---
        title: "Long Summary"
        summary: "\(String(repeating: "A summary that goes on. ", count: 8))"
        tags: ["seo"]
        date: 2025-06-01
        updated: 2025-06-01
        ---

        See [keyword research](/playbooks/keyword-research/).
        """,
        "content/tags/empty-answer.md": """
        ---
        title: "Empty Answer"
        category: "operations"
        description: "A tag whose FAQ answer is only a link."
        faq:
          - q: "Anything?"
            a: "[](/playbooks/hiring-loop/)"
        ---
        """,
    ]

    @Test func findsOneOfEachProblem() throws {
        let health = try report(Self.problems)
        func found(_ kind: HealthReport.Kind) -> [String] { health.findings.filter { $0.kind == kind }.map { "\($0.url) \($0.message)" } }
        #expect(found(.thinTag) == ["/tags/empty-answer/ 'Empty Answer' lists 0 playbooks", "/tags/hiring/ 'Hiring' lists 1 playbook"])
        #expect(found(.duplicateTitle) == ["/playbooks/price-test-copy/ same title as /playbooks/price-test/", "/playbooks/price-test/ same title as /playbooks/price-test-copy/"])
        #expect(found(.duplicateDescription) == ["/playbooks/price-test-copy/ same description as /playbooks/price-test/", "/playbooks/price-test/ same description as /playbooks/price-test-copy/"])
        #expect(Set(found(.summaryTooShort)) == ["/playbooks/price-test/ the summary has 27 characters", "/playbooks/price-test-copy/ the summary has 6 characters",
                                                 "/playbooks/hiring-loop/ the summary has 28 characters", "/playbooks/seo-audit/ the summary has 44 characters"])
        #expect(found(.summaryTooLong) == ["/playbooks/long-summary/ the summary has 191 characters"])
        #expect(Set(found(.stale)) == ["/playbooks/price-test/ last updated 2023-07-01", "/playbooks/keyword-research/ last updated 2024-02-15", "/playbooks/hiring-loop/ last updated 2024-03-05"])
        #expect(Set(found(.orphan)) == ["/playbooks/price-test/ 'Price Test' is only reachable through lists",
                                        "/playbooks/price-test-copy/ 'Price test' is only reachable through lists",
                                        "/playbooks/long-summary/ 'Long Summary' is only reachable through lists"])
        #expect(Set(found(.singleUseTerm)) == ["/tags/hiring/ tag 'Hiring' is used by 1 playbook", "/tools/stripe/ tool 'Stripe' is used by 1 playbook"])
        #expect(found(.emptyFAQAnswer) == ["/tags/empty-answer/ the answer to 'Anything?' has no text"])
    }

    @Test func textAndJSONFromTheCommandLine() throws {
        let site = try SiteFixture(SmallHub.text, files: Self.problems)
        let captured = CLITests.Captured()
        #expect(Playhub.run(["check", "--report", "--source", site.root.path], output: captured.console) == 0)
        #expect(captured.out.hasPrefix("Hub health: "))
        #expect(captured.out.contains("\nThin tag pages (fewer than 3 playbooks): 2\n  content/tags/empty-answer.md: 'Empty Answer' lists 0 playbooks\n"))
        let json = CLITests.Captured()
        #expect(Playhub.run(["check", "--json", "--source", site.root.path], output: json.console) == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["kind"] as? String == "empty-faq-answer" && $0["file"] as? String == "content/tags/empty-answer.md" })
    }

    @Test func eighteenMonthsIsCountedInMonths() {
        #expect(Day("2025-12-01")!.monthsEarlier(18) == Day("2024-06-01")!)
        #expect(Day("2026-08-31")!.monthsEarlier(18) == Day("2025-02-28")!)
    }
}
