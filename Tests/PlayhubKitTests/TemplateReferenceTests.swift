import Foundation
import Testing
@testable import PlayhubKit

/// Partial and parent references are checked when templates load: a missing one is an error
/// at its tag (swift-mustache would render it as nothing), and so is a template that
/// includes itself, directly or through others (swift-mustache would overflow the stack).
@Suite struct TemplateReferenceTests {
    /// The default theme with `templates` (name → text) added or replacing its own.
    func load(_ templates: [String: String]) -> [String] {
        var sources = Theme.builtIn().sources
        for (name, text) in templates { sources[name] = ("templates/\(name).mustache", text) }
        switch Theme.make(name: "default", sources: sources, statics: [:]) {
        case .success: return []
        case .failure(let problems): return problems.sorted.map(\.description)
        }
    }

    func codes(_ templates: [String: String]) -> [Diagnostic.Code] {
        var sources = Theme.builtIn().sources
        for (name, text) in templates { sources[name] = ("templates/\(name).mustache", text) }
        guard case .failure(let problems) = Theme.make(name: "default", sources: sources, statics: [:]) else { return [] }
        return problems.sorted.map(\.code)
    }

    // MARK: - Reading the tags

    @Test func everyPartialAndParentTagIsFoundWithItsPlace() {
        let scan = TemplateScan("{{<base}}\n{{$main}}\n  {{> card}}{{>pager}}\n{{>   faq-item   }}x{{< base }}{{/base}}\n{{/main}}\n{{/base}}")
        #expect(scan.references.map { "\($0.isParent ? "<" : ">")\($0.name)@\($0.line):\($0.column)" }
                == ["<base@1:1", ">card@3:3", ">pager@3:13", ">faq-item@4:1", "<base@4:21"])
    }

    @Test func commentsTripleMustachesAndOtherTagsAreNotReferences() {
        let scan = TemplateScan("{{! {{> inComment}} }}{{{raw}}}{{> after}}{{#a}}{{/a}}{{^b}}{{/b}}{{&c}}{{x}}")
        #expect(scan.references.map(\.name) == ["after"])
        #expect(scan.references.first.map { [$0.line, $0.column] } == [1, 32])
    }

    @Test func aDelimiterChangeIsFollowed() {
        let scan = TemplateScan("{{=<% %>=}}\n{{> notATag}}<%> card%>\n<%={{ }}=%>{{> pager}}")
        #expect(scan.references.map { "\($0.name)@\($0.line):\($0.column)" } == ["card@2:14", "pager@3:12"])
    }

    @Test func dynamicAndNamelessTagsAreNoted() {
        let scan = TemplateScan("{{>*which}}{{< *parent}}{{/*parent}}{{>}}")
        #expect(scan.references.map(\.name) == ["which", "parent", ""])
        #expect(scan.references.map(\.isDynamic) == [true, true, false])
    }

    @Test func unfinishedTextEndsTheScanWithoutAFault() {
        for text in ["{{", "{{>", "{{> card", "{{=", "{{=<% %>", "{{{x}}", "{{!", "\u{0}{{>\u{0}}}", String(repeating: "{{#a}}", count: 500)] {
            _ = TemplateScan(text)
        }
        #expect(TemplateScan(String(repeating: "{{#a}}", count: 101)).tooDeep.map { [$0.line, $0.column] } == [1, 601])
        #expect(TemplateScan(String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)).tooDeep == nil)
    }

    // MARK: - Checking them

    @Test func theDefaultThemeLoadsWithNoDiagnostics() {
        let (sources, statics) = Theme.builtIn()
        #expect(sources.count >= 17)
        guard case .success(let theme) = Theme.make(name: "default", sources: sources, statics: statics) else {
            Issue.record("\(Theme.make(name: "default", sources: sources, statics: statics))")
            return
        }
        #expect(theme.hasTemplate("tag") && theme.hasTemplate("faq-item"))
        // Its references are really there: the checks below are not vacuous.
        #expect(TemplateScan(sources["tag"]!.text).references.map(\.name) == ["base", "pager", "faq-item"])
    }

    @Test func aMissingPartialIsAnErrorAtItsTagWithASuggestion() {
        #expect(load(["404": "{{<base}}{{$main}}\n  <p>{{> pagers}}</p>\n{{/main}}{{/base}}"]) == [
            "templates/404.mustache:2:6: error: partial 'pagers' not found (did you mean 'pager'?)",
        ])
        #expect(codes(["404": "{{> nope}}"]) == [.missingTemplate])
    }

    @Test func aMissingParentIsAnErrorAtItsTag() {
        #expect(load(["404": "{{< bas}}{{$main}}x{{/main}}{{/bas}}"]) == [
            "templates/404.mustache:1:1: error: parent template 'bas' not found (did you mean 'base'?)",
        ])
        let far = load(["404": "{{<zzzzzzzz}}{{/zzzzzzzz}}"])
        #expect(far.count == 1)
        #expect(far.first?.hasPrefix("templates/404.mustache:1:1: error: parent template 'zzzzzzzz' not found (add templates/partials/zzzzzzzz.mustache, or use one of: 404, base, breadcrumbs, card,") == true)
    }

    @Test func aPartialNamedByItsPathGetsTheNameThatWorks() {
        #expect(load(["404": "{{> partials/card.mustache}}"]) == [
            "templates/404.mustache:1:1: error: partial 'partials/card.mustache' not found (templates are named by their file name alone, without folder or `.mustache`: `{{> card}}`)",
        ])
    }

    @Test func aTemplateIncludingItselfIsAnError() {
        #expect(load(["card": "<li>{{title}}\n{{#items}}{{> card}}{{/items}}</li>"]) == [
            "templates/card.mustache:2:11: error: template 'card' includes itself: card → card (a template cannot include itself, directly or through other templates; move what they share into a partial that includes neither)",
        ])
        #expect(codes(["card": "{{> card}}"]) == [.template])
    }

    @Test func aCycleThroughOtherTemplatesIsReportedOnceWithItsChain() {
        let found = load(["alpha": "{{> beta}}", "beta": "x\n {{> gamma}}", "gamma": "{{> alpha}}"])
        #expect(found == [
            "templates/gamma.mustache:1:1: error: templates include each other in a cycle: alpha → beta → gamma → alpha (a template cannot include itself, directly or through other templates; move what they share into a partial that includes neither)",
        ])
    }

    @Test func aParentThatInheritsFromItsChildIsACycle() {
        // The site's base names the page template as its parent, and page's parent is base:
        // the error is at the site's tag, though the search reaches the theme's first.
        let base = "{{<page}}{{/page}}" + Theme.builtIn().sources["base"]!.text
        #expect(load(["base": base]) == [
            "templates/base.mustache:1:1: error: templates include each other in a cycle: page → base → page (a template cannot include itself, directly or through other templates; move what they share into a partial that includes neither)",
        ])
    }

    @Test func sharedPartialsAreNotCycles() {
        // Two templates including the same partial, which includes another: a diamond, fine.
        #expect(load(["alpha": "{{> shared}}{{> leaf}}", "beta": "{{> shared}}", "shared": "{{> leaf}}", "leaf": "x"]) == [])
    }

    @Test func dynamicPartialsAreRefused() {
        #expect(load(["404": "{{>*name}}"]) == [
            "templates/404.mustache:1:1: error: dynamic partial names (`{{>*name}}`) are not supported (name the template itself, e.g. `{{> card}}`)",
        ])
    }

    @Test func problemsInSeveralTemplatesAreAllReported() {
        #expect(load(["404": "{{> nope}}", "card": "{{> card}}", "page": "{{#a}}"]) == [
            "templates/404.mustache:1:1: error: partial 'nope' not found (did you mean 'home'?)",
            "templates/card.mustache:1:1: error: template 'card' includes itself: card → card (a template cannot include itself, directly or through other templates; move what they share into a partial that includes neither)",
            "templates/page.mustache:1:7: error: template syntax error: a section is never closed (missing `{{/name}}`) (near `{{#a}}`)",
        ])
    }

    @Test func sectionsNestedTooDeepAreRefusedBeforeParsing() {
        let deep = String(repeating: "{{#a}}\n", count: 150) + String(repeating: "{{/a}}\n", count: 150)
        #expect(load(["404": deep]) == [
            "templates/404.mustache:101:1: error: sections nest more than 100 deep here (move the inner part into a partial, or close sections sooner)",
        ])
    }

    @Test func forbiddenCharactersInATemplateAreErrorsAtTheirPlace() {
        #expect(load(["404": "<p>ok</p>\n<p>bad\u{7} bell</p>\n"]) == [
            "templates/404.mustache:2:7: error: template contains the control character U+0007, which XML and HTML forbid; remove it",
        ])
    }
}
