import Testing
@testable import PlayhubKit

/// Call-outs: GitHub alerts and MkDocs admonitions become labelled asides.
@Suite struct CalloutTests {
    private func render(_ markdown: String, _ options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, options: options)
    }

    private func html(_ markdown: String) -> String { render(markdown).html }

    private func aside(_ kind: String, title: String?, _ body: String) -> String {
        "<aside class=\"callout callout-\(kind)\" role=\"note\">\n"
            + (title.map { "<p class=\"callout-title\"><strong>\($0)</strong></p>\n" } ?? "") + body + "</aside>\n"
    }

    // MARK: - GitHub alerts

    @Test(arguments: [("NOTE", "note", "Note"), ("TIP", "tip", "Tip"), ("IMPORTANT", "important", "Important"),
                      ("WARNING", "warning", "Warning"), ("CAUTION", "caution", "Caution")])
    func eachAlertKindIsALabelledAside(marker: String, kind: String, label: String) {
        #expect(html("> [!\(marker)]\n> Read this *first*.\n")
            == "<aside class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\"><strong>\(label)</strong></p>\n<p>Read this <em>first</em>.</p>\n</aside>\n")
    }

    @Test func textAfterTheMarkerIsTheTitleAsEscapedText() {
        #expect(html("> [!TIP] Faster triage\n> Body.\n") == aside("tip", title: "Faster triage", "<p>Body.</p>\n"))
        #expect(html("> [!TIP] <b>x</b> & y\n> Body.\n") == aside("tip", title: "&lt;b&gt;x&lt;/b&gt; &amp; y", "<p>Body.</p>\n"))
        #expect(html("> [!NOTE] Use `make` *now*\n") == aside("note", title: "Use make now", ""))
    }

    @Test func theMarkerIsCaseInsensitive() {
        #expect(html("> [!warning]\n> Hot.\n") == aside("warning", title: "Warning", "<p>Hot.</p>\n"))
        #expect(html("> [!Tip]\n> Hint.\n") == aside("tip", title: "Tip", "<p>Hint.</p>\n"))
    }

    @Test func aMarkerAloneIsATitledAside() {
        #expect(html("> [!IMPORTANT]\n") == aside("important", title: "Important", ""))
    }

    @Test func anUnknownKindStaysABlockQuote() {
        #expect(html("> [!FOO]\n> Body.\n") == "<blockquote>\n<p>[!FOO]\nBody.</p>\n</blockquote>\n")
        #expect(html("> [!]\n") == "<blockquote>\n<p>[!]</p>\n</blockquote>\n")
    }

    @Test func aMarkerNotAloneOrNotFirstStaysABlockQuote() {
        #expect(html("> [!NOTE]text\n") == "<blockquote>\n<p>[!NOTE]text</p>\n</blockquote>\n")
        #expect(html("> [!NOTE]*x*\n") == "<blockquote>\n<p>[!NOTE]<em>x</em></p>\n</blockquote>\n")
        #expect(html("> Intro.\n> [!NOTE]\n") == "<blockquote>\n<p>Intro.\n[!NOTE]</p>\n</blockquote>\n")
        #expect(html("> Intro.\n>\n> [!NOTE]\n") == "<blockquote>\n<p>Intro.</p>\n<p>[!NOTE]</p>\n</blockquote>\n")
        #expect(html("> # [!NOTE]\n").hasPrefix("<blockquote>"))
    }

    @Test func anEscapedMarkerOrALinkReferenceIsNoMarker() {
        #expect(html("> \\[!NOTE]\n") == "<blockquote>\n<p>[!NOTE]</p>\n</blockquote>\n")
        #expect(html("> [!note]\n> x\n\n[!note]: /notes/\n") == "<blockquote>\n<p><a href=\"/notes/\">!note</a>\nx</p>\n</blockquote>\n")
    }

    @Test func aCalloutHoldsBlocksAndItsLinksKeepTheirFileLines() {
        let markdown = "Intro.\n\n> [!WARNING] Before you start\n> - Back up the [database](/db/)\n>\n> ```sh\n> make backup\n> ```\n"
        let rendered = render(markdown, MarkdownOptions(firstLine: 7))
        #expect(rendered.html == "<p>Intro.</p>\n" + aside("warning", title: "Before you start",
            "<ul>\n<li>Back up the <a href=\"/db/\">database</a></li>\n</ul>\n<pre><code class=\"language-sh\">make backup\n</code></pre>\n"))
        #expect(rendered.links == [.init(destination: "/db/", line: 10, column: 17)])
    }

    @Test func calloutsNestInListsAndBlockQuotes() {
        #expect(html("- Step one\n\n  > [!TIP]\n  > Shortcut.\n") == "<ul>\n<li>\n<p>Step one</p>\n"
            + aside("tip", title: "Tip", "<p>Shortcut.</p>\n") + "</li>\n</ul>\n")
        #expect(html("> [!NOTE]\n> Outer.\n>\n> > [!CAUTION]\n> > Inner.\n")
            == aside("note", title: "Note", "<p>Outer.</p>\n" + aside("caution", title: "Caution", "<p>Inner.</p>\n")))
        #expect(html("> Quote.\n>\n> > [!TIP]\n> > Inner.\n")
            == "<blockquote>\n<p>Quote.</p>\n" + aside("tip", title: "Tip", "<p>Inner.</p>\n") + "</blockquote>\n")
    }

    // MARK: - MkDocs admonitions

    @Test func admonitionWithTitleAndIndentedBody() {
        #expect(html("!!! warning \"Custom title\"\n    Body *here*.\n") == aside("warning", title: "Custom title", "<p>Body <em>here</em>.</p>\n"))
        // After a blank line the body is an indented code block to CommonMark; it is body all the same.
        #expect(html("!!! warning \"Custom title\"\n\n    Body.\n\n    More.\n")
            == aside("warning", title: "Custom title", "<p>Body.</p>\n<p>More.</p>\n"))
        #expect(html("!!! tip \"Don't \"panic\"\"\n    x\n") == aside("tip", title: "Don&#39;t &quot;panic&quot;", "<p>x</p>\n"))
    }

    @Test func admonitionWithoutTitleIsLabelledByItsType() {
        #expect(html("!!! note\n    Body.\n") == aside("note", title: "Note", "<p>Body.</p>\n"))
        #expect(html("!!!danger\n    Body.\n") == aside("caution", title: "Danger", "<p>Body.</p>\n"))
        #expect(html("!!! Hint inline end\n    Body.\n") == aside("tip", title: "Hint", "<p>Body.</p>\n"))
    }

    @Test func anEmptyTitleMeansNoTitle() {
        #expect(html("!!! note \"\"\n    Body.\n") == aside("note", title: nil, "<p>Body.</p>\n"))
    }

    @Test func admonitionWithoutBodyIsAnEmptyTitledAside() {
        #expect(html("!!! info\n\nNext.\n") == aside("note", title: "Info", "") + "<p>Next.</p>\n")
    }

    @Test func mkDocsTypesMapToTheFiveKinds() {
        let kinds = ["abstract": "note", "todo": "note", "success": "tip", "check": "tip", "important": "important",
                     "attention": "warning", "faq": "warning", "error": "caution", "fail": "caution", "bug": "caution"]
        for (type, kind) in kinds {
            #expect(html("!!! \(type)\n    x\n").hasPrefix("<aside class=\"callout callout-\(kind)\""), "\(type)")
        }
    }

    @Test func anUnknownTypeIsANoteWithItsOwnLabel() {
        #expect(html("!!! pied-piper\n    x\n") == aside("note", title: "Pied-piper", "<p>x</p>\n"))
    }

    @Test func questionMarksMakeACollapsibleDetails() {
        #expect(html("??? tip\n    Hidden.\n")
            == "<details class=\"callout callout-tip\">\n<summary class=\"callout-title\">Tip</summary>\n<p>Hidden.</p>\n</details>\n")
        #expect(html("???+ failure \"It broke\"\n    Shown.\n")
            == "<details class=\"callout callout-caution\" open>\n<summary class=\"callout-title\">It broke</summary>\n<p>Shown.</p>\n</details>\n")
        // A summary is what opens a details: an empty title keeps the type's label.
        #expect(html("??? note \"\"\n    x\n").contains("<summary class=\"callout-title\">Note</summary>"))
    }

    @Test func linksInTheBodyKeepTheirFileLineAndColumn() {
        let markdown = "Intro.\n\n!!! note \"See\"\n    Read [the guide](/guide/).\n\n    - And [more](/more/)\n"
        let rendered = render(markdown, MarkdownOptions(firstLine: 7))
        #expect(rendered.links == [.init(destination: "/guide/", line: 10, column: 10), .init(destination: "/more/", line: 12, column: 11)])
        let nested = render("- !!! tip\n\n      See [it](/it/).\n", MarkdownOptions(firstLine: 7))
        #expect(nested.links == [.init(destination: "/it/", line: 9, column: 11)])
    }

    @Test func admonitionsNestAndHoldAlerts() {
        #expect(html("!!! note\n    !!! tip\n        Inner.\n")
            == aside("note", title: "Note", aside("tip", title: "Tip", "<p>Inner.</p>\n")))
        #expect(html("!!! note\n    > [!TIP]\n    > Inner.\n")
            == aside("note", title: "Note", aside("tip", title: "Tip", "<p>Inner.</p>\n")))
        // Each level is parsed again: past eight levels an admonition stays text.
        let deep = (0..<9).map { String(repeating: "    ", count: $0) + "!!! note\n" }.joined() + String(repeating: " ", count: 36) + "x\n"
        #expect(html(deep).components(separatedBy: "<aside").count - 1 == 8)
        #expect(html(deep).contains("<p>!!! note\nx</p>"))
        #expect(html("- !!! warning\n      In a list.\n") == "<ul>\n<li>\n" + aside("warning", title: "Warning", "<p>In a list.</p>\n") + "</li>\n</ul>\n")
    }

    @Test func notAnAdmonitionStaysAsWritten() {
        #expect(html("Intro.\n\n    code\n") == "<p>Intro.</p>\n<pre><code>code\n</code></pre>\n")
        #expect(html("!!! note\nNot indented.\n") == "<p>!!! note\nNot indented.</p>\n")
        #expect(html("!!! note extra\" title\"\n") == "<p>!!! note extra” title”</p>\n")
        #expect(html("!!!  note\n") == "<p>!!!  note</p>\n")
        #expect(html("Wow!!! note\n") == "<p>Wow!!! note</p>\n")
        #expect(html("!!! note\n\n```\nfenced\n```\n") == aside("note", title: "Note", "") + "<pre><code>fenced\n</code></pre>\n")
    }

    @Test func oddInputNeverCrashes() {
        for markdown in ["!!!", "???+", "> [!", "> [!NOTE", "!!! note \"", "!!! \"\"", "- > [!TIP]\n", ">\n> [!TIP]",
                         "!!! note\n    !!! note\n        !!! note\n            !!! note\n                !!! note\n                    !!! note\n                        !!! note\n                            !!! note\n                                !!! note\n                                    x\n",
                         "!!! é\n\t\u{301}x\n", "  !!! tip\n      x\n  [a](b)", "> !!! tip\n    lazy\n"] {
            _ = render(markdown)
        }
    }
}
