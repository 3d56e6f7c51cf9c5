import Testing
@testable import PlayhubKit

/// Call-outs reach the written playbook page, and the default theme styles them.
@Suite struct CalloutPageTests {
    @Test func playbookPageShowsItsCallouts() throws {
        let body = """
        Change one price at a time.

        > [!WARNING] Before you change prices
        > Tell [support](/about/) first.

        ??? tip "Why one at a time"
            So the result has *one* cause.
        """
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/price-test.md": SmallHub.priceTest(body: body)])
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        site.expectFile("playbooks/price-test/index.html",
            #"<aside class="callout callout-warning" role="note">"#,
            #"<p class="callout-title"><strong>Before you change prices</strong></p>"#,
            #"<p>Tell <a href="/about/">support</a> first.</p>"#,
            #"<details class="callout callout-tip">"#,
            #"<summary class="callout-title">Why one at a time</summary>"#,
            "<p>So the result has <em>one</em> cause.</p>",
            "! [!WARNING]", "! ??? tip")
        site.expectFile("style.css", "/* Call-outs", ".callout-caution")
    }
}
