import Testing
@testable import PlayhubKit

/// GFM strikethrough (spec 0.29-gfm §6.5), rebuilt on cmark's tree.
@Suite struct GFMStrikethroughTests {
    private func spec(_ markdown: String) -> String {
        MarkdownRenderer.render(markdown, options: .gfmSpec).html
    }

    private func html(_ markdown: String) -> String {
        MarkdownRenderer.render(markdown).html
    }

    // MARK: - Spec examples

    @Test func example491OneAndTwoTildes() {
        #expect(spec("~~Hi~~ Hello, ~there~ world!\n") == "<p><del>Hi</del> Hello, <del>there</del> world!</p>\n")
    }

    @Test func example491AsInCmarkGFMsSpecFile() {
        #expect(spec("~~Hi~~ Hello, world!\n") == "<p><del>Hi</del> Hello, world!</p>\n")
    }

    @Test func example492NewParagraphEndsStrikethrough() {
        #expect(spec("This ~~has a\n\nnew paragraph~~.\n") == "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n")
    }

    @Test func example493ThreeTildesDoNotStrike() {
        #expect(spec("This will ~~~not~~~ strike.\n") == "<p>This will ~~~not~~~ strike.</p>\n")
    }

    // MARK: - cmark-gfm's extension tests

    @Test func cmarkGFMEdgeCases() {
        #expect(spec("A proper ~strikethrough~.\n") == "<p>A proper <del>strikethrough</del>.</p>\n")
        #expect(spec("""
            These are ~not strikethroughs.

            No, they are not~

            This ~is ~ legit~ isn't ~ legit.

            This is not ~~~~~one~~~~~ huge strikethrough.

            ~one~ ~~two~~ ~~~three~~~

            No ~mismatch~~

            """) == """
            <p>These are ~not strikethroughs.</p>
            <p>No, they are not~</p>
            <p>This <del>is ~ legit</del> isn't ~ legit.</p>
            <p>This is not ~~~~~one~~~~~ huge strikethrough.</p>
            <p><del>one</del> <del>two</del> ~~~three~~~</p>
            <p>No ~mismatch~~</p>

            """)
        #expect(spec("This ~text~ ~~is~~ ~~~curious~~~.\n") == "<p>This <del>text</del> <del>is</del> ~~~curious~~~.</p>\n")
    }

    @Test func strikethroughAroundEmphasisAndCode() {
        #expect(spec("~~**_`this`_**~~\n") == "<p><del><strong><em><code>this</code></em></strong></del></p>\n")
        #expect(spec("~~a *b* c~~\n") == "<p><del>a <em>b</em> c</del></p>\n")
    }

    // MARK: - Playhub cases

    @Test func escapedTildesAreText() {
        #expect(html("\\~~not~~\n") == "<p>~~not~~</p>\n")
        #expect(html("\\~\\~not\\~\\~\n") == "<p>~~not~~</p>\n")
        #expect(html("~~yes\\~~~\n") == "<p><del>yes~</del></p>\n")
    }

    @Test func tildesInCodeSpansAreCode() {
        #expect(html("`~~a~~` and ~~`b`~~\n") == "<p><code>~~a~~</code> and <del><code>b</code></del></p>\n")
    }

    @Test func strikethroughAcrossASoftBreak() {
        #expect(html("a ~~b\nc~~ d\n") == "<p>a <del>b\nc</del> d</p>\n")
        #expect(html("a ~~b\n  c~~ d\n") == "<p>a <del>b\nc</del> d</p>\n")
    }

    @Test func openerAndCloserHaveTheSameLength() {
        #expect(html("~~a~ b~~\n") == "<p><del>a~ b</del></p>\n")
        #expect(html("~a ~~b~~ c~\n") == "<p><del>a <del>b</del> c</del></p>\n")
        #expect(html("~~a~\n") == "<p>~~a~</p>\n")
    }

    @Test func flankingFollowsTheEmphasisRules() {
        #expect(html("a ~ b ~ c\n") == "<p>a ~ b ~ c</p>\n")
        #expect(html("a~~b~~c\n") == "<p>a<del>b</del>c</p>\n")
        #expect(html("~~ a~~\n") == "<p>~~ a~~</p>\n")
    }

    @Test func strikethroughInsideEmphasisLinksHeadingsAndLists() {
        #expect(html("*a ~~b~~*\n") == "<p><em>a <del>b</del></em></p>\n")
        #expect(html("[~~a~~](/x)\n") == "<p><a href=\"/x\"><del>a</del></a></p>\n")
        #expect(html("~~[a](/x)~~\n") == "<p><del><a href=\"/x\">a</a></del></p>\n")
        #expect(html("## Old ~~name~~\n") == "<h2 id=\"old-name\">Old <del>name</del></h2>\n")
        #expect(html("- ~~done~~\n> ~~quoted~~\n") == "<ul>\n<li><del>done</del></li>\n</ul>\n<blockquote>\n<p><del>quoted</del></p>\n</blockquote>\n")
    }

    @Test func entitiesAndSmartPunctuationBesideTildes() {
        #expect(html("&#126;~a~~ \"~~q~~\" --~~d~~\n") == "<p>~~a~~ “<del>q</del>” –<del>d</del></p>\n")
    }

    @Test func linkAfterAStrikethroughKeepsItsColumn() {
        let rendered = MarkdownRenderer.render("~~é~~ ~x~ [a](/b)\n")
        #expect(rendered.links == [.init(destination: "/b", line: 1, column: 11)])
    }

    @Test func pathologicalTildesComplete() {
        let alternating = String(repeating: "~a", count: 5_000)
        #expect(html(alternating).hasPrefix("<p><del>a</del>a<del>a</del>"))
        let nested = String(repeating: "~~a ~b ", count: 2_000) + String(repeating: "c~ d~~ ", count: 2_000)
        #expect(html(nested).contains("<del>a <del>b"))
        #expect(html("x " + String(repeating: "~", count: 10_000) + "a") == "<p>x " + String(repeating: "~", count: 10_000) + "a</p>\n")
    }
}
