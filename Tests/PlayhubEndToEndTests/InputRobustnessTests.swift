import Foundation
import Testing
@testable import PlayhubKit

/// Inputs that once crashed playhub or slipped through into its output: out-of-range numbers
/// in site.json and front matter, templates that include themselves or name templates that
/// do not exist, NUL and other characters XML and HTML forbid. Each is now a build that
/// fails with an exact `file:line:column` error and writes nothing, or (NUL) a correct page.
@Suite struct InputRobustnessTests {
    /// Builds the small hub with `files` replaced; the build must fail and write nothing.
    func failure(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        try SmallHub.failedBuild(files, sourceLocation: sourceLocation)
    }

    func playbook(_ frontMatter: String, body: String = "Body.") -> String { SmallHub.playbook(frontMatter, body: body) }

    static let siteJSONHead = "{\n  \"title\": \"Test Hub\",\n  \"baseURL\": \"https://example.org/\",\n"

    @Test func theSmallHubItselfBuildsAndWrites() throws {
        // The baseline every failure below departs from by one file.
        let site = try SiteFixture(SmallHub.text)
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(site.outputFiles().contains("404.html"))
        #expect(site.outputFiles().contains("feed.xml"))
    }

    // MARK: - Numbers

    @Test func hugeNumbersInSiteJSONAreErrorsAtTheirKeys() throws {
        let errors = try failure(["site.json": Self.siteJSONHead + "  \"paginate\": 1e300,\n  \"relatedCount\": 1e12,\n  \"feedLimit\": 2.5\n}\n"])
        #expect(errors.map(\.description) == [
            "site.json:4:3: error: 'paginate' must be a whole number from 1 to 1000, not 1e300 (e.g. \"paginate\": 24)",
            "site.json:5:3: error: 'relatedCount' must be a whole number from 0 to 100, not 1e12 (e.g. \"relatedCount\": 5)",
            "site.json:6:3: error: 'feedLimit' must be a whole number from 1 to 1000, not 2.5 (e.g. \"feedLimit\": 20)",
        ])
        #expect(errors.map(\.code) == [.invalidConfig, .invalidConfig, .invalidConfig])
    }

    @Test func aNumberNoDoubleHoldsIsAnErrorWhereItIs() throws {
        let errors = try failure(["site.json": Self.siteJSONHead + "  \"paginate\": -1e400\n}\n"])
        #expect(errors.map(\.description) == [
            "site.json:4:15: error: the number -1e400 is too large to be read (write a number between -1e308 and 1e308, and not nearer zero than 1e-307)",
        ])
    }

    @Test func hugeWeightsAreErrorsAtTheirValue() throws {
        let errors = try failure([
            "content/playbooks/heavy.md": playbook("title: \"Heavy\"\ntags: [seo]\nweight: 1e300"),
            "content/categories/operations.md": "---\ntitle: \"Operations\"\ndescription: \"Running the business.\"\nweight: 99999999999999999999999\n---\n",
        ])
        #expect(errors.map(\.description) == [
            "content/categories/operations.md:4:9: error: 'weight' must be a whole number from -1000000000 to 1000000000, not 99999999999999999999999 (e.g. `weight: 10`)",
            "content/playbooks/heavy.md:4:9: error: 'weight' must be a whole number from -1000000000 to 1000000000, not 1e300 (e.g. `weight: 10`)",
        ])
        #expect(errors.map(\.code) == [.wrongType, .wrongType])
    }

    // MARK: - Templates

    @Test func aPartialThatIncludesItselfIsAnErrorNotAStackOverflow() throws {
        let errors = try failure(["templates/partials/card.mustache": "<li>{{title}}\n  {{> card}}\n</li>\n"])
        #expect(errors.map(\.description) == [
            "templates/partials/card.mustache:2:3: error: template 'card' includes itself: card → card (a template cannot include itself, directly or through other templates; move what they share into a partial that includes neither)",
        ])
        #expect(errors.map(\.code) == [.template])
    }

    @Test func templatesIncludingEachOtherAreACycle() throws {
        let errors = try failure([
            "templates/partials/card.mustache": "<li>{{> card-meta}}</li>\n",
            "templates/partials/card-meta.mustache": "<p>{{#tags}}{{> card}}{{/tags}}</p>\n",
        ])
        #expect(errors.map(\.description) == [
            "templates/partials/card-meta.mustache:1:13: error: templates include each other in a cycle: card → card-meta → card (a template cannot include itself, directly or through other templates; move what they share into a partial that includes neither)",
        ])
    }

    @Test func aMissingPartialOrParentIsAnErrorNotAnEmptyPage() throws {
        // Before, 404.html was written with one byte and the build succeeded.
        let errors = try failure([
            "templates/404.mustache": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n{{> nope}}\n{{/main}}{{/base}}\n",
            "templates/page.mustache": "{{< bse}}\n{{$main}}{{title}}{{/main}}\n{{/bse}}\n",
        ])
        #expect(errors.map(\.description) == [
            "templates/404.mustache:3:1: error: partial 'nope' not found (did you mean 'home'?)",
            "templates/page.mustache:1:1: error: parent template 'bse' not found (did you mean 'base'?)",
        ])
        #expect(errors.map(\.code) == [.missingTemplate, .missingTemplate])
    }

    @Test func aSiteTemplateMayIncludeThemePartialsAndNewOnes() throws {
        // The checks do not get in the way of what is right: a new partial, used by a page.
        let site = try SiteFixture(SmallHub.text, files: [
            "templates/partials/note.mustache": "<p class=\"note\">{{title}} ({{> card-count}})</p>\n",
            "templates/partials/card-count.mustache": "counted",
            "templates/page.mustache": "{{<base}}{{$main}}{{> note}}{{{bodyHTML}}}{{/main}}{{/base}}\n",
        ])
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        site.expectFile("about/index.html", #"<p class="note">About (counted)</p>"#)
    }

    // MARK: - NUL and forbidden characters

    @Test func nulInABodyKeepsEverythingAfterIt() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/playbooks/nul.md": playbook("title: \"Has\u{0}Nul\"\ntags: [seo]\ndate: 2024-01-01", body: "Before\u{0}after.\n\n## The rest survives\n\nLast line."),
        ])
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        site.expectFile("playbooks/nul/index.html", "<h1>Has\u{FFFD}Nul</h1>", "Before\u{FFFD}after.",
                        #"<h2 id="the-rest-survives">The rest survives</h2>"#, "Last line.", "! \u{0}")
        site.expectFile("feed.xml", "<title>Has\u{FFFD}Nul</title>", "! \u{0}")
    }

    @Test func controlCharactersInFrontMatterAreErrorsAtTheirValue() throws {
        let errors = try failure([
            "content/playbooks/bell.md": playbook(#"title: "Ring\a the bell"\ntags: ["seo"]\nsummary: "ok"\nauthor: "Ana\u0008""#.replacingOccurrences(of: #"\n"#, with: "\n")),
            "content/tags/seo.md": "---\ntitle: \"SEO\"\ncategory: \"growth\"\ndescription: \"Search\u{1B} optimisation.\"\n---\n",
        ])
        #expect(errors.map(\.description) == [
            "content/playbooks/bell.md:2:8: error: title contains the control character U+0007, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/playbooks/bell.md:5:9: error: author contains the control character U+0008, which XML and HTML forbid; remove it (a backslash escape in double quotes writes it)",
            "content/tags/seo.md:4:21: error: description contains the control character U+001B, which XML and HTML forbid; remove it",
        ])
        #expect(errors.map(\.code) == [.encoding, .encoding, .encoding])
    }

    @Test func controlCharactersInABodyAreErrorsAtTheirLineAndColumn() throws {
        let errors = try failure([
            "content/playbooks/escape.md": playbook("title: \"Escape\"\ntags: [seo]", body: "Fine.\nColour \u{1B}[31mred\u{1B}[0m text.\nAnd &#xFFFE; too."),
        ])
        #expect(errors.map(\.description) == [
            "content/playbooks/escape.md:7:8: error: the body contains the control character U+001B, which XML and HTML forbid; remove it",
        ])
        // With the raw ones gone, the reference is found (cmark itself turns `&#xFFFE;` into
        // U+FFFD, so that one was never a problem).
        let more = try failure([
            "content/playbooks/escape.md": playbook("title: \"Escape\"\ntags: [seo]", body: "Fine.\nAnd &#27; too."),
        ])
        #expect(more.map(\.description) == [
            "content/playbooks/escape.md:7:5: error: the body writes `&#27;`, the control character U+001B, which XML and HTML forbid; remove it",
        ])
    }

    @Test func forbiddenCharactersInSiteJSONAndTemplatesAreErrors() throws {
        let errors = try failure([
            "site.json": Self.siteJSONHead + "  \"params\": {\"description\": \"Hub\\u0002\"}\n}\n",
            "templates/404.mustache": "{{<base}}{{$main}}<h1>{{title}}\u{7F}</h1>{{/main}}{{/base}}\n",
        ])
        #expect(errors.map(\.description) == [
            "site.json:4:3: error: params.description contains the control character U+0002, which XML and HTML forbid; remove it (in JSON it may be written \\u0002)",
            "templates/404.mustache:1:32: error: template contains the control character U+007F, which HTML forbids; remove it",
        ])
    }
}
