import Testing
@testable import PlayhubKit

/// Stage 4: cmark's HTML plus the heading ids, task lists, base path and facts playhub adds.
@Suite struct MarkdownRendererTests {
    private func render(_ markdown: String, _ options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, options: options)
    }

    private func ids(_ markdown: String) -> [String] {
        render(markdown).headings.map(\.id)
    }

    // MARK: - Heading ids

    @Test func headingIDIsTheSlugOfItsTextAndIsInTheHTML() {
        let rendered = render("## Set Goals & Owners\n")
        #expect(rendered.headings == [.init(level: 2, text: "Set Goals & Owners", id: "set-goals-owners")])
        #expect(rendered.html == "<h2 id=\"set-goals-owners\">Set Goals &amp; Owners</h2>\n")
    }

    @Test func repeatedHeadingsGetNumberedIDs() {
        #expect(ids("## Prepare\n## Review\n## Prepare\n### Prepare\n") == ["prepare", "review", "prepare-1", "prepare-2"])
        // A heading whose own slug is taken by a numbered repeat still gets a free id.
        #expect(ids("## Step\n## Step\n## Step 1\n") == ["step", "step-1", "step-1-1"])
    }

    @Test func nonASCIILettersAreKeptAndLowercased() {
        #expect(ids("## Café Ops\n## ПРИВЕТ мир\n## 日本語 2\n") == ["café-ops", "привет-мир", "日本語-2"])
        #expect(render("## Café Ops\n").html == "<h2 id=\"café-ops\">Café Ops</h2>\n")
    }

    @Test func punctuationIsDroppedAndSeparatorsBecomeOneHyphen() {
        #expect(ids("## 1. Set goals & owners!\n") == ["1-set-goals-owners"])
        #expect(ids("## What's next?\n") == ["whats-next"])
        #expect(ids("## snake_case -- and  spaces\n") == ["snake-case-and-spaces"])
        #expect(ids("## (Optional) Review\n") == ["optional-review"])
    }

    @Test func emptyOrPunctuationOnlyHeadingIsASection() {
        #expect(ids("##\n## !!!\n## ?\n") == ["section", "section-1", "section-2"])
        #expect(render("##\n").html == "<h2 id=\"section\"></h2>\n")
    }

    @Test func headingTextIsPlainTextAndHTMLKeepsTheMarkup() {
        let rendered = render("## Use `<br>` & *more*\n")
        #expect(rendered.headings == [.init(level: 2, text: "Use <br> & more", id: "use-br-more")])
        #expect(rendered.html == "<h2 id=\"use-br-more\">Use <code>&lt;br&gt;</code> &amp; <em>more</em></h2>\n")
    }

    @Test func everyHeadingLevelAndSetextHeadingsGetIDs() {
        let rendered = render("Intro\n\nPart\n====\n\n### Three\n\n###### Six\n")
        #expect(rendered.headings == [
            .init(level: 2, text: "Part", id: "part"),
            .init(level: 3, text: "Three", id: "three"),
            .init(level: 6, text: "Six", id: "six"),
        ])
        #expect(rendered.html == "<p>Intro</p>\n<h2 id=\"part\">Part</h2>\n<h3 id=\"three\">Three</h3>\n<h6 id=\"six\">Six</h6>\n")
    }

    // MARK: - One title

    @Test func aLeadingLevelOneHeadingIsTheTitleAndLeavesTheHTML() {
        for markdown in ["# Run the *audit*\n\nBody.\n", "Run the *audit*\n===\n\nBody.\n"] {
            let rendered = render(markdown)
            #expect(rendered.title == "Run the audit")
            #expect(rendered.html == "<p>Body.</p>\n")
            #expect(rendered.headings.isEmpty)
        }
        #expect(render("## Not a title\n").title == nil)
        #expect(render("Text\n\n# Later\n").title == nil)
    }

    @Test func everyOtherLevelOneHeadingIsASection() {
        let rendered = render("# Title\n\n# Steps\n\n## Detail\n")
        #expect(rendered.html == "<h2 id=\"steps\">Steps</h2>\n<h2 id=\"detail\">Detail</h2>\n")
        #expect(rendered.headings.map(\.level) == [2, 2])
    }

    // MARK: - Summaries

    @Test func theSummaryParagraphIsRealText() {
        #expect(render("![Flow chart](flow.png)\n\n**Owner:**\n\n```\ncode\n```\n\nThe real text, with ![x](y.png) an image.\n").firstParagraph
                == "The real text, with  an image.")
        #expect(render("*Tip*\n\nFirst [linked](x) sentence.\n").firstParagraph == "First linked sentence.")
        #expect(render("**Owner:** the team lead runs it.\n").firstParagraph == "Owner: the team lead runs it.")
    }

    // MARK: - Raw HTML that safe mode drops

    @Test func droppedRawHTMLIsCountedWithItsFirstPlace() {
        let rendered = render("Intro\n\n<div>\nx\n</div>\n\nText <b>bold</b> é <i>y</i>\n", MarkdownOptions(firstLine: 4))
        #expect(rendered.droppedHTML == .init(count: 5, line: 6, column: 1))
        #expect(render("Only *Markdown* & `<b>` code.\n").droppedHTML == nil)
        #expect(render("<div>kept</div>\n", MarkdownOptions(unsafeHTML: true)).droppedHTML == nil)
    }

    @Test func rawHTMLTheSiteAllowsGetsTheBasePathAndItsLinksAreRecorded() {
        var options = MarkdownOptions(unsafeHTML: true, basePath: "/hub/", firstLine: 3)
        options.smartPunctuation = true
        let rendered = render("<p><a href=\"/tags/x/\">x</a>\n<img src='/img/a.png' alt=\"a\"> <a href=\"https://e.org/\">e</a></p>\n", options)
        #expect(rendered.html == "<p><a href=\"/hub/tags/x/\">x</a>\n<img src='/hub/img/a.png' alt=\"a\"> <a href=\"https://e.org/\">e</a></p>\n")
        #expect(rendered.links.map { "\($0.destination)@\($0.line):\($0.column)" } == ["/tags/x/@3:13", "/img/a.png@4:11", "https://e.org/@4:41"])
    }

    // MARK: - Columns

    @Test func linkColumnsCountCharactersOnEveryLineOfListsAndQuotes() {
        let rendered = render("> Café [a](/a/)\n> naïve [b](/b/)\n\n- item\n  ünï [c](/c/)\n")
        #expect(rendered.links.map { "\($0.line):\($0.column)" } == ["1:8", "2:9", "5:7"])
    }

    // MARK: - Table of contents

    @Test func tableOfContentsNestsH3UnderH2AndSkipsOtherLevels() {
        let rendered = render("# Top\n\n## Prepare\n\n### Tools\n\n#### Deep\n\n### People\n\n## Review\n\n## Prepare\n")
        let toc = TableOfContents(headings: rendered.headings)
        #expect(toc.entries == [
            .init(id: "prepare", text: "Prepare", children: [
                .init(id: "tools", text: "Tools", children: []),
                .init(id: "people", text: "People", children: []),
            ]),
            .init(id: "review", text: "Review", children: []),
            .init(id: "prepare-1", text: "Prepare", children: []),
        ])
        #expect(toc.html == ##"<ol><li><a href="#prepare">Prepare</a><ol><li><a href="#tools">Tools</a></li><li><a href="#people">People</a></li></ol></li><li><a href="#review">Review</a></li><li><a href="#prepare-1">Prepare</a></li></ol>"##)
    }

    @Test func tableOfContentsIDsAreTheHeadingsIDs() {
        let rendered = render("## Prepare\n### Prepare\n## Prepare\n")
        let toc = TableOfContents(headings: rendered.headings)
        let tocIDs = toc.entries.flatMap { [$0.id] + $0.children.map(\.id) }
        #expect(tocIDs == ["prepare", "prepare-1", "prepare-2"])
        for id in tocIDs { #expect(rendered.html.contains("id=\"\(id)\"")) }
    }

    @Test func tableOfContentsEscapesHTML() {
        let toc = TableOfContents(headings: render("## Use `<br>` & \"quotes\"\n").headings)
        #expect(toc.html == ##"<ol><li><a href="#use-br-quotes">Use &lt;br&gt; &amp; “quotes”</a></li></ol>"##)
    }

    @Test func tableOfContentsKeepsAnH3BeforeAnyH2AtTheTop() {
        let toc = TableOfContents(headings: render("### Early\n## Main\n### Sub\n").headings)
        #expect(toc.entries.map(\.id) == ["early", "main"])
        #expect(toc.entries[1].children.map(\.id) == ["sub"])
    }

    @Test func tableOfContentsWithoutH2OrH3IsEmpty() {
        let toc = TableOfContents(headings: render("# Only a title\n\n#### And a deep one\n").headings)
        #expect(toc.isEmpty)
        #expect(toc.html == "")
    }

    // MARK: - Task lists

    @Test func taskListItemsBecomeDisabledCheckboxes() {
        #expect(render("- [ ] a\n- [x] b\n- [X] c\n").html == """
            <ul>
            <li><input type="checkbox" disabled> a</li>
            <li><input type="checkbox" checked disabled> b</li>
            <li><input type="checkbox" checked disabled> c</li>
            </ul>

            """)
    }

    @Test func aChecklistIDMakesLabelledBoxesAReaderCanTick() {
        var options = MarkdownOptions()
        options.checklistID = "launch"
        let rendered = render("- [ ] read [the notes](https://x.org/)\n- [x] b\n- plain\n", options)
        #expect(rendered.html == """
            <ul>
            <li><label><input type="checkbox" class="task-box" id="task-launch-1" name="task-launch-1"> read <a href="https://x.org/">the notes</a></label></li>
            <li><label><input type="checkbox" class="task-box" id="task-launch-2" name="task-launch-2" checked> b</label></li>
            <li>plain</li>
            </ul>

            """)
        #expect(rendered.taskCount == 2)
        #expect(render("- plain\n", options).taskCount == 0)
        #expect(render("- [ ] a\n").taskCount == 1)
    }

    @Test func orderedTaskListsWorkToo() {
        #expect(render("1. [x] done\n2. [ ] todo\n").html == """
            <ol>
            <li><input type="checkbox" checked disabled> done</li>
            <li><input type="checkbox" disabled> todo</li>
            </ol>

            """)
    }

    @Test func bracketsNotAtTheStartOfAnItemAreLeftAlone() {
        #expect(render("- do [ ] later\n- [ ]a\n- [y] no\n").html == """
            <ul>
            <li>do [ ] later</li>
            <li>[ ]a</li>
            <li>[y] no</li>
            </ul>

            """)
        #expect(render("[ ] not a list\n").html == "<p>[ ] not a list</p>\n")
    }

    @Test func looseTaskListsPutTheCheckboxInTheFirstParagraph() {
        #expect(render("- [ ] a\n\n- [x] b\n\n  more text\n").html == """
            <ul>
            <li>
            <p><input type="checkbox" disabled> a</p>
            </li>
            <li>
            <p><input type="checkbox" checked disabled> b</p>
            <p>more text</p>
            </li>
            </ul>

            """)
    }

    // MARK: - Safety

    @Test func rawHTMLIsDroppedByDefault() {
        let markdown = "<div>raw block</div>\n\nText <span>x</span> end\n"
        #expect(render(markdown).html == "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->x<!-- raw HTML omitted --> end</p>\n")
    }

    @Test func rawHTMLIsKeptWithUnsafeHTML() {
        let markdown = "<div>raw block</div>\n\nText <span>x</span> end\n"
        #expect(render(markdown, MarkdownOptions(unsafeHTML: true)).html == "<div>raw block</div>\n<p>Text <span>x</span> end</p>\n")
    }

    @Test func rawHTMLInAHeadingIsDroppedToo() {
        #expect(render("## Hi <script>alert(1)</script>\n").html == "<h2 id=\"hi-alert1\">Hi <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></h2>\n")
    }

    @Test func dangerousURLsAreNeutralisedInSafeMode() {
        #expect(render("[x](javascript:alert(1)) ![i](javascript:x) [v](VBScript:x) [d](data:image/png;base64,AA)\n").html
            == #"<p><a href="">x</a> <img src="" alt="i" /> <a href="">v</a> <a href="data:image/png;base64,AA">d</a></p>"# + "\n")
    }

    @Test func dangerousURLsAreKeptWithUnsafeHTML() {
        #expect(render("[x](javascript:alert(1))\n", MarkdownOptions(unsafeHTML: true)).html
            == #"<p><a href="javascript:alert(1)">x</a></p>"# + "\n")
    }

    // MARK: - Smart punctuation

    @Test func quotesDashesAndEllipsesAreTypographic() {
        #expect(render("\"Hello\" -- it's --- 'done'...\n").html == "<p>“Hello” – it’s — ‘done’…</p>\n")
    }

    @Test func codeIsNotMadeSmart() {
        #expect(render("`\"a\" -- b`\n").html == "<p><code>&quot;a&quot; -- b</code></p>\n")
    }

    // MARK: - Base path

    @Test func rootRelativeLinksAndImagesGetTheBasePath() {
        let markdown = "[a](/tags/x/) [b](//cdn.example.org/x.js) [c](https://example.org/) [d](#frag) [e](../x/) [f](x/) ![i](/img/a.png) [r](/)\n"
        #expect(render(markdown, MarkdownOptions(basePath: "/hub/")).html == """
            <p><a href="/hub/tags/x/">a</a> <a href="//cdn.example.org/x.js">b</a> <a href="https://example.org/">c</a> \
            <a href="#frag">d</a> <a href="../x/">e</a> <a href="x/">f</a> <img src="/hub/img/a.png" alt="i" /> <a href="/hub/">r</a></p>

            """)
    }

    @Test func rootBasePathLeavesLinksAsWritten() {
        #expect(render("[a](/tags/x/) ![i](/img/a.png)\n").html == #"<p><a href="/tags/x/">a</a> <img src="/img/a.png" alt="i" /></p>"# + "\n")
    }

    @Test func linksAreRecordedAsWrittenBeforeTheBasePath() {
        let rendered = render("[a](/tags/x/) [b](https://example.org/)\n", MarkdownOptions(basePath: "/hub/"))
        #expect(rendered.links == [
            .init(destination: "/tags/x/", line: 1, column: 1),
            .init(destination: "https://example.org/", line: 1, column: 15),
        ])
    }

    // MARK: - Link positions

    @Test func linkLinesAreFileLinesOffsetByFirstLine() {
        let rendered = render("Intro\n\nSee [a](/a/) and\nthen [b](/b/).\n\n- ![c](/c.png)\n", MarkdownOptions(firstLine: 5))
        #expect(rendered.links == [
            .init(destination: "/a/", line: 7, column: 5),
            .init(destination: "/b/", line: 8, column: 6),
            .init(destination: "/c.png", line: 10, column: 3),
        ])
    }

    @Test func linkLinesStartAtOneByDefault() {
        #expect(render("[a](/a/)\n").links == [.init(destination: "/a/", line: 1, column: 1)])
    }

    // MARK: - First paragraph and word count

    @Test func firstParagraphIsTheFirstTopLevelParagraphAsPlainText() {
        let markdown = """
            # Title

            > A quote paragraph.

            - A list paragraph.

            First **bold** [link](/x/) `code`
            second line.

            Second paragraph.

            """
        #expect(render(markdown).firstParagraph == "First bold link code second line.")
    }

    @Test func firstParagraphDropsRawHTMLTagsButKeepsTheirText() {
        #expect(render("Read <b>this</b> now.\n").firstParagraph == "Read this now.")
    }

    @Test func firstParagraphIsEmptyWithoutAParagraph() {
        #expect(render("## Only a heading\n\n- and a list\n").firstParagraph == "")
        #expect(render("").firstParagraph == "")
    }

    @Test func wordCountCountsProseAndCode() {
        #expect(render("Hello world, this is *very* nice.\n\n```\nlet x = 1\n```\n").wordCount == 10)
        #expect(render("Run `git log` now.\n").wordCount == 4)
        #expect(render("").wordCount == 0)
    }
}

extension MarkdownRendererTests {
    @Test func linkColumnsAreRightOnIndentedContinuationLines() {
        let cases: [(String, String)] = [
            ("- item\n    deeper [c](/c/)\n", "2:12"),
            ("> quote\n>   indented [d](/d/)\n", "2:14"),
            ("Para\n   lazy [e](/e/)\n", "2:9"),
            ("1. one\n\n   two [f](/f/)\n", "3:8"),
        ]
        for (markdown, expected) in cases {
            #expect(MarkdownRenderer.render(markdown).links.map { "\($0.line):\($0.column)" } == [expected], "\(markdown)")
        }
    }
}
