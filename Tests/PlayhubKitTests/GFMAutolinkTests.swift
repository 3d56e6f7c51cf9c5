import Testing
@testable import PlayhubKit

/// GFM extended autolinks (spec 0.29-gfm §6.9), rebuilt on cmark's tree.
@Suite struct GFMAutolinkTests {
    private func spec(_ markdown: String) -> String {
        MarkdownRenderer.render(markdown, options: .gfmSpec).html
    }

    private func html(_ markdown: String) -> String {
        MarkdownRenderer.render(markdown).html
    }

    // MARK: - Spec examples (github.github.com/gfm)

    @Test func wwwGetsHTTP() {
        #expect(spec("www.commonmark.org\n") == "<p><a href=\"http://www.commonmark.org\">www.commonmark.org</a></p>\n")
    }

    @Test func pathFollowsTheDomain() {
        #expect(spec("Visit www.commonmark.org/help for more information.\n")
            == "<p>Visit <a href=\"http://www.commonmark.org/help\">www.commonmark.org/help</a> for more information.</p>\n")
    }

    @Test func trailingPunctuationIsNotPartOfTheLink() {
        #expect(spec("Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.\n") == """
            <p>Visit <a href="http://www.commonmark.org">www.commonmark.org</a>.</p>
            <p>Visit <a href="http://www.commonmark.org/a.b">www.commonmark.org/a.b</a>.</p>

            """)
    }

    @Test func unbalancedClosingParenthesesAreLeftOut() {
        #expect(spec("""
            www.google.com/search?q=Markup+(business)

            www.google.com/search?q=Markup+(business)))

            (www.google.com/search?q=Markup+(business))

            (www.google.com/search?q=Markup+(business)

            """) == """
            <p><a href="http://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a></p>
            <p><a href="http://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a>))</p>
            <p>(<a href="http://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a>)</p>
            <p>(<a href="http://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a></p>

            """)
    }

    @Test func interiorParenthesesAreKept() {
        #expect(spec("www.google.com/search?q=(business))+ok\n")
            == "<p><a href=\"http://www.google.com/search?q=(business))+ok\">www.google.com/search?q=(business))+ok</a></p>\n")
    }

    @Test func entityLikeEndingIsLeftOut() {
        #expect(spec("www.google.com/search?q=commonmark&hl=en\n\nwww.google.com/search?q=commonmark&hl;\n") == """
            <p><a href="http://www.google.com/search?q=commonmark&amp;hl=en">www.google.com/search?q=commonmark&amp;hl=en</a></p>
            <p><a href="http://www.google.com/search?q=commonmark">www.google.com/search?q=commonmark</a>&amp;hl;</p>

            """)
    }

    @Test func lessThanEndsTheLink() {
        #expect(spec("www.commonmark.org/he<lp\n") == "<p><a href=\"http://www.commonmark.org/he\">www.commonmark.org/he</a>&lt;lp</p>\n")
    }

    @Test func httpAndHTTPSLinks() {
        #expect(spec("http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))\n") == """
            <p><a href="http://commonmark.org">http://commonmark.org</a></p>
            <p>(Visit <a href="https://encrypted.google.com/search?q=Markup+(business)">https://encrypted.google.com/search?q=Markup+(business)</a>)</p>

            """)
    }

    /// cmark-gfm's test/spec.txt still has `ftp://` in this example (the published spec dropped it).
    @Test func ftpLinkAsInCmarkGFMsSpecFile() {
        #expect(spec("Anonymous FTP is available at ftp://foo.bar.baz.\n")
            == "<p>Anonymous FTP is available at <a href=\"ftp://foo.bar.baz\">ftp://foo.bar.baz</a>.</p>\n")
    }

    @Test func emailGetsMailto() {
        #expect(spec("foo@bar.baz\n") == "<p><a href=\"mailto:foo@bar.baz\">foo@bar.baz</a></p>\n")
    }

    @Test func plusBeforeTheAtOnly() {
        #expect(spec("hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.\n")
            == "<p>hello@mail+xyz.example isn't valid, but <a href=\"mailto:hello+xyz@mail.example\">hello+xyz@mail.example</a> is.</p>\n")
    }

    @Test func onlyADotMayEndAnAddress() {
        #expect(spec("a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_\n") == """
            <p><a href="mailto:a.b-c_d@a.b">a.b-c_d@a.b</a></p>
            <p><a href="mailto:a.b-c_d@a.b">a.b-c_d@a.b</a>.</p>
            <p>a.b-c_d@a.b-</p>
            <p>a.b-c_d@a.b_</p>

            """)
    }

    @Test func mailtoAndXMPPProtocols() {
        #expect(spec("""
            mailto:foo@bar.baz

            mailto:a.b-c_d@a.b

            mailto:a.b-c_d@a.b.

            mailto:a.b-c_d@a.b/

            mailto:a.b-c_d@a.b-

            mailto:a.b-c_d@a.b_

            xmpp:foo@bar.baz

            xmpp:foo@bar.baz.

            """) == """
            <p><a href="mailto:foo@bar.baz">mailto:foo@bar.baz</a></p>
            <p><a href="mailto:a.b-c_d@a.b">mailto:a.b-c_d@a.b</a></p>
            <p><a href="mailto:a.b-c_d@a.b">mailto:a.b-c_d@a.b</a>.</p>
            <p><a href="mailto:a.b-c_d@a.b">mailto:a.b-c_d@a.b</a>/</p>
            <p>mailto:a.b-c_d@a.b-</p>
            <p>mailto:a.b-c_d@a.b_</p>
            <p><a href="xmpp:foo@bar.baz">xmpp:foo@bar.baz</a></p>
            <p><a href="xmpp:foo@bar.baz">xmpp:foo@bar.baz</a>.</p>

            """)
    }

    @Test func xmppResource() {
        #expect(spec("xmpp:foo@bar.baz/txt\n\nxmpp:foo@bar.baz/txt@bin\n\nxmpp:foo@bar.baz/txt@bin.com\n") == """
            <p><a href="xmpp:foo@bar.baz/txt">xmpp:foo@bar.baz/txt</a></p>
            <p><a href="xmpp:foo@bar.baz/txt@bin">xmpp:foo@bar.baz/txt@bin</a></p>
            <p><a href="xmpp:foo@bar.baz/txt@bin.com">xmpp:foo@bar.baz/txt@bin.com</a></p>

            """)
        #expect(spec("xmpp:foo@bar.baz/txt/bin\n") == "<p><a href=\"xmpp:foo@bar.baz/txt\">xmpp:foo@bar.baz/txt</a>/bin</p>\n")
    }

    // MARK: - cmark-gfm's extension tests

    @Test func cmarkGFMAutolinks() {
        #expect(spec("""
            : http://google.com https://google.com

            <http://google.com/å> http://google.com/å

            scyther@pokemon.com

            www.github.com www.github.com/á

            www.google.com/a_b

            **Autolink and http://inlines**

            ![http://inline.com/image](http://inline.com/image)

            a.w@b.c

            Full stop outside parens shouldn't be included http://google.com/ok.

            (Full stop inside parens shouldn't be included http://google.com/ok.)

            "http://google.com"

            'http://google.com'

            http://🍄.ga/ http://x🍄.ga/

            """) == """
            <p>: <a href="http://google.com">http://google.com</a> <a href="https://google.com">https://google.com</a></p>
            <p><a href="http://google.com/%C3%A5">http://google.com/å</a> <a href="http://google.com/%C3%A5">http://google.com/å</a></p>
            <p><a href="mailto:scyther@pokemon.com">scyther@pokemon.com</a></p>
            <p><a href="http://www.github.com">www.github.com</a> <a href="http://www.github.com/%C3%A1">www.github.com/á</a></p>
            <p><a href="http://www.google.com/a_b">www.google.com/a_b</a></p>
            <p><strong>Autolink and <a href="http://inlines">http://inlines</a></strong></p>
            <p><img src="http://inline.com/image" alt="http://inline.com/image" /></p>
            <p><a href="mailto:a.w@b.c">a.w@b.c</a></p>
            <p>Full stop outside parens shouldn't be included <a href="http://google.com/ok">http://google.com/ok</a>.</p>
            <p>(Full stop inside parens shouldn't be included <a href="http://google.com/ok">http://google.com/ok</a>.)</p>
            <p>&quot;<a href="http://google.com">http://google.com</a>&quot;</p>
            <p>'<a href="http://google.com">http://google.com</a>'</p>
            <p><a href="http://%F0%9F%8D%84.ga/">http://🍄.ga/</a> <a href="http://x%F0%9F%8D%84.ga/">http://x🍄.ga/</a></p>

            """)
    }

    @Test func cmarkGFMNonLinks() {
        #expect(spec("These should not link:\n\n* @a.b.c@. x\n* n@.  b\n")
            == "<p>These should not link:</p>\n<ul>\n<li>@a.b.c@. x</li>\n<li>n@.  b</li>\n</ul>\n")
        #expect(spec("This shouldn't crash everything: (_A_@_.A\n").hasPrefix("<p>This shouldn't crash everything: ("))
    }

    @Test func autolinkInsideStrikethrough() {
        #expect(spec("~~www.google.com~~\n\n~~http://google.com~~\n") == """
            <p><del><a href="http://www.google.com">www.google.com</a></del></p>
            <p><del><a href="http://google.com">http://google.com</a></del></p>

            """)
    }

    // MARK: - Playhub cases

    @Test func urlIsTakenAsWrittenUnderSmartPunctuation() {
        #expect(html("See https://x.org/a--b and (www.x.org/it's...).\n")
            == "<p>See <a href=\"https://x.org/a--b\">https://x.org/a--b</a> and (<a href=\"http://www.x.org/it&#x27;s\">www.x.org/it's</a>…).</p>\n")
        // After a quote a www. link is not recognised (only after whitespace or `*_~(`).
        #expect(html("\"www.x.org\"\n") == "<p>“www.x.org”</p>\n")
    }

    @Test func notInsideLinksCodeOrRawHTML() {
        #expect(html("[see www.x.org](/y)\n") == "<p><a href=\"/y\">see www.x.org</a></p>\n")
        #expect(html("<https://x.org> `www.x.org`\n") == "<p><a href=\"https://x.org\">https://x.org</a> <code>www.x.org</code></p>\n")
        #expect(html("![www.x.org](/i.png)\n") == "<p><img src=\"/i.png\" alt=\"www.x.org\" /></p>\n")
    }

    @Test func onlyAfterLineStartWhitespaceOrDelimiters() {
        #expect(html("xwww.x.org _www.y.org_ (www.z.org)\n")
            == "<p>xwww.x.org <em><a href=\"http://www.y.org\">www.y.org</a></em> (<a href=\"http://www.z.org\">www.z.org</a>)</p>\n")
        #expect(html("xhttp://x.org\n") == "<p>xhttp://x.org</p>\n")
        #expect(html("www.a_b.c_d\n") == "<p>www.a_b.c_d</p>\n")
    }

    @Test func wwwInAHeadingAndAListItem() {
        #expect(html("## Go to www.x.org\n") == "<h2 id=\"go-to-wwwxorg\">Go to <a href=\"http://www.x.org\">www.x.org</a></h2>\n")
        #expect(html("- www.x.org\n- [ ] mail ops@x.org\n")
            == "<ul>\n<li><a href=\"http://www.x.org\">www.x.org</a></li>\n<li><input type=\"checkbox\" disabled> mail <a href=\"mailto:ops@x.org\">ops@x.org</a></li>\n</ul>\n")
    }

    @Test func autolinksAreLinksWithFileColumns() {
        let rendered = MarkdownRenderer.render("intro\n\n~~é~~ www.x.org a@b.co [n](/p)\n", options: MarkdownOptions(firstLine: 5))
        #expect(rendered.links == [
            .init(destination: "http://www.x.org", line: 7, column: 7),
            .init(destination: "mailto:a@b.co", line: 7, column: 17),
            .init(destination: "/p", line: 7, column: 24),
        ])
    }

    @Test func rootRelativeIsNotAnAutolinkButBasePathStillApplies() {
        let rendered = MarkdownRenderer.render("www.x.org [n](/p)\n", options: MarkdownOptions(basePath: "/hub/"))
        #expect(rendered.html == "<p><a href=\"http://www.x.org\">www.x.org</a> <a href=\"/hub/p\">n</a></p>\n")
    }

    @Test func escapesAndEntitiesInURLs() {
        #expect(html("www.x.org/a&amp;b\n") == "<p><a href=\"http://www.x.org/a&amp;amp;b\">www.x.org/a&amp;amp;b</a></p>\n")
        #expect(html("www.x.org/a\\_\n") == "<p><a href=\"http://www.x.org/a\">www.x.org/a</a>_</p>\n")
    }

    @Test func pathologicalInputsComplete() {
        let url = "https://x.org/" + String(repeating: "a", count: 100_000)
        #expect(html(url + "\n").count > 200_000)
        let parens = "www.x.org/" + String(repeating: "(", count: 5_000) + String(repeating: ")", count: 10_000)
        #expect(html(parens + "\n").contains(")</a>)"))
        #expect(html(String(repeating: "www._", count: 20_000) + "\n").hasPrefix("<p>www._"))
        #expect(html(String(repeating: "a@", count: 20_000) + "b.c\n").hasSuffix("<a href=\"mailto:a@b.c\">a@b.c</a></p>\n"))
        #expect(!html(String(repeating: "a:", count: 20_000) + "//x.org\n").isEmpty)
    }
}
