import Testing
@testable import PlayhubKit

/// GFM tables: the spec's examples (0.29-gfm §4.10, 198–205) and what playhub adds.
@Suite struct GFMTableTests {
    private func render(_ markdown: String, _ options: MarkdownOptions = .gfmSpec) -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, options: options)
    }

    /// The spec's HTML as playhub writes it: the table in its scroll box, alignment as a
    /// style (valid HTML5). Only these two rewrites; everything else must match exactly.
    private func playhubHTML(_ spec: String) -> String {
        spec.replacingOccurrences(of: "<table>\n", with: "<div class=\"table-scroll\">\n<table>\n")
            .replacingOccurrences(of: "</table>\n", with: "</table>\n</div>\n")
            .replacingOccurrences(of: " align=\"left\"", with: " style=\"text-align: left\"")
            .replacingOccurrences(of: " align=\"center\"", with: " style=\"text-align: center\"")
            .replacingOccurrences(of: " align=\"right\"", with: " style=\"text-align: right\"")
    }

    private func table(head: [String], body: [[String]] = [], cell: (String) -> String = { $0 }) -> String {
        func row(_ cells: [String], _ tag: String) -> String {
            "<tr>\n" + cells.map { "<\(tag)>\(cell($0))</\(tag)>\n" }.joined() + "</tr>\n"
        }
        var html = "<div class=\"table-scroll\">\n<table>\n<thead>\n" + row(head, "th") + "</thead>\n"
        if !body.isEmpty { html += "<tbody>\n" + body.map { row($0, "td") }.joined() + "</tbody>\n" }
        return html + "</table>\n</div>\n"
    }

    // MARK: - The spec's examples

    @Test func example198() {
        #expect(render("| foo | bar |\n| --- | --- |\n| baz | bim |\n").html == playhubHTML("""
            <table>
            <thead>
            <tr>
            <th>foo</th>
            <th>bar</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>baz</td>
            <td>bim</td>
            </tr>
            </tbody>
            </table>

            """))
    }

    @Test func example199() {
        #expect(render("| abc | defghi |\n:-: | -----------:\nbar | baz\n").html == playhubHTML("""
            <table>
            <thead>
            <tr>
            <th align="center">abc</th>
            <th align="right">defghi</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="center">bar</td>
            <td align="right">baz</td>
            </tr>
            </tbody>
            </table>

            """))
    }

    @Test func example200() {
        #expect(render(#"""
            | f\|oo  |
            | ------ |
            | b `\|` az |
            | b **\|** im |

            """#).html == playhubHTML("""
            <table>
            <thead>
            <tr>
            <th>f|oo</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>b <code>|</code> az</td>
            </tr>
            <tr>
            <td>b <strong>|</strong> im</td>
            </tr>
            </tbody>
            </table>

            """))
    }

    @Test func example201() {
        #expect(render("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n").html == playhubHTML("""
            <table>
            <thead>
            <tr>
            <th>abc</th>
            <th>def</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>bar</td>
            <td>baz</td>
            </tr>
            </tbody>
            </table>
            <blockquote>
            <p>bar</p>
            </blockquote>

            """))
    }

    @Test func example202() {
        #expect(render("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n").html == playhubHTML("""
            <table>
            <thead>
            <tr>
            <th>abc</th>
            <th>def</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>bar</td>
            <td>baz</td>
            </tr>
            <tr>
            <td>bar</td>
            <td></td>
            </tr>
            </tbody>
            </table>
            <p>bar</p>

            """))
    }

    @Test func example203() {
        #expect(render("| abc | def |\n| --- |\n| bar |\n").html == "<p>| abc | def |\n| --- |\n| bar |</p>\n")
    }

    @Test func example204() {
        #expect(render("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n").html == playhubHTML("""
            <table>
            <thead>
            <tr>
            <th>abc</th>
            <th>def</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>bar</td>
            <td></td>
            </tr>
            <tr>
            <td>bar</td>
            <td>baz</td>
            </tr>
            </tbody>
            </table>

            """))
    }

    @Test func example205() {
        #expect(render("| abc | def |\n| --- | --- |\n").html == playhubHTML("""
            <table>
            <thead>
            <tr>
            <th>abc</th>
            <th>def</th>
            </tr>
            </thead>
            </table>

            """))
    }

    // MARK: - Where tables are

    @Test func leftAlignmentAndPipesOnlyBetweenCells() {
        #expect(render("a | b\n:-- | ---\nc | d\n").html
            == table(head: ["a", "b"], body: [["c", "d"]]).replacingOccurrences(of: "<th>a", with: "<th style=\"text-align: left\">a")
                .replacingOccurrences(of: "<td>c", with: "<td style=\"text-align: left\">c"))
    }

    @Test func tableInABlockQuote() {
        #expect(render("> | a | b |\n> | - | - |\n> | c | d |\n").html
            == "<blockquote>\n" + table(head: ["a", "b"], body: [["c", "d"]]) + "</blockquote>\n")
        // A lazy line (no `>`) is still a row, as cmark-gfm reads it.
        #expect(render("> > | a |\n> > | - |\n> | b |\nc\n").html
            == "<blockquote>\n<blockquote>\n" + table(head: ["a"], body: [["b"], ["c"]]) + "</blockquote>\n</blockquote>\n")
    }

    @Test func tableInAListItem() {
        #expect(render("- Steps:\n\n  | a | b |\n  |---|---|\n  | c | d |\n- next\n").html
            == "<ul>\n<li>\n<p>Steps:</p>\n" + table(head: ["a", "b"], body: [["c", "d"]]) + "</li>\n<li>\n<p>next</p>\n</li>\n</ul>\n")
        #expect(render("1. > | a |\n   > | - |\n").html
            == "<ol>\n<li>\n<blockquote>\n" + table(head: ["a"]) + "</blockquote>\n</li>\n</ol>\n")
    }

    @Test func linesBeforeTheHeaderStayAParagraph() {
        #expect(render("Owners *below*\nand more:\n| a |\n| - |\n| b |\n").html
            == "<p>Owners <em>below</em>\nand more:</p>\n" + table(head: ["a"], body: [["b"]]))
        // Indented, `- x` went on with the paragraph, and still does.
        #expect(render("Intro\n    - not a list\n| a |\n| - |\n").html == "<p>Intro\n- not a list</p>\n" + table(head: ["a"]))
        // A line with no cell ends the table; what follows is a paragraph, maybe with a table.
        #expect(render("| a |\n| - |\n|\nnext\n| b |\n| - |\n").html
            == table(head: ["a"]) + "<p>|\nnext</p>\n" + table(head: ["b"]))
    }

    @Test func pipeLinesThatAreNoTableStayAParagraph() {
        let markdown = "a | b\nc | d\n\n| x |\n|   |\n\n|---|---|\n| e |\n"
        #expect(render(markdown).html == "<p>a | b\nc | d</p>\n<p>| x |\n|   |</p>\n<p>|---|---|\n| e |</p>\n")
    }

    // MARK: - Cells

    @Test func cellsAreTrimmedAndCanBeEmpty() {
        #expect(render("|  a  ||\n|---|---|\n| | b\t|\n").html == table(head: ["a", ""], body: [["", "b"]]))
    }

    @Test func smartPunctuationLeavesTheDelimiterRowAndCurlsCells() {
        let markdown = "| \"Owner\" | It's -- done |\n|---|---|\n| 'x' | a---b... |\n"
        let paragraph = render("\"Owner\" It's -- done 'x' a---b...\n", MarkdownOptions()).html
        #expect(paragraph == "<p>“Owner” It’s – done ‘x’ a—b…</p>\n")
        #expect(render(markdown, MarkdownOptions()).html
            == table(head: ["“Owner”", "It’s – done"], body: [["‘x’", "a—b…"]]))
    }

    @Test func cellsThatLookLikeBlocksAreInlineText() {
        #expect(render("| # h | - l | 1. n | > q | ``` |\n|-|-|-|-|-|\n| [x]: /u | *** | <div> | ~~~ | 2) |\n", MarkdownOptions(unsafeHTML: true)).html
            == table(head: ["# h", "- l", "1. n", "&gt; q", "```"], body: [["[x]: /u", "***", "<div>", "~~~", "2)"]]))
    }

    @Test func htmlInCellsIsEscapedOrDroppedLikeCmarkDoes() {
        #expect(render("| a < b & c |\n| - |\n| <script>alert(1)</script> |\n").html
            == table(head: ["a &lt; b &amp; c"], body: [["<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted -->"]]))
        #expect(render("| <b>x</b> |\n| - |\n", MarkdownOptions(unsafeHTML: true)).html == table(head: ["<b>x</b>"]))
    }

    @Test func referenceLinksInCellsFindTheirDefinitions() {
        let markdown = "> [q]: /q\n\n| [a][r] | [q] |\n|---|---|\n| [r] | [none] |\n\n[r]: /r \"R\"\n"
        #expect(render(markdown).html == "<blockquote>\n</blockquote>\n" + table(
            head: ["<a href=\"/r\" title=\"R\">a</a>", "<a href=\"/q\">q</a>"],
            body: [["<a href=\"/r\" title=\"R\">r</a>", "[none]"]]))
    }

    // MARK: - Link positions

    @Test func linksInCellsKeepTheirFileLineAndColumn() {
        let markdown = "Intro [i](/i)\n\n| Step | Link |\n|---|---|\n| one | see [a](/a) |\n|two|[b](/b) and [c](/c)|\n"
        let rendered = render(markdown, MarkdownOptions(firstLine: 5))
        #expect(rendered.links == [
            .init(destination: "/i", line: 5, column: 7),
            .init(destination: "/a", line: 9, column: 13),
            .init(destination: "/b", line: 10, column: 6),
            .init(destination: "/c", line: 10, column: 18),
        ])
    }

    @Test func linkColumnsInCellsCountCharactersAndContainers() {
        let rendered = render("> | Café 日本 | x |\n> |---|---|\n>   | ü | ü [a](/a) |\n")
        #expect(rendered.links == [.init(destination: "/a", line: 3, column: 13)])
        #expect(rendered.html.contains("<th>Café 日本</th>"))
    }

    @Test func linksBeforeAndAfterTheTableKeepTheirPositions() {
        let rendered = render("See [a](/a)\n| [b](/b) |\n| - |\n|\n  [c](/c)\n")
        #expect(rendered.links == [
            .init(destination: "/a", line: 1, column: 5),
            .init(destination: "/b", line: 2, column: 3),
            .init(destination: "/c", line: 5, column: 3),
        ])
    }

    // MARK: - Size

    @Test func manyRowsAndAVeryWideRowStayFast() {
        let rows = String(repeating: "| a | [b](/b) |\n", count: 5000)
        let long = render("| h | i |\n|---|---|\n" + rows)
        #expect(long.links.count == 5000)
        #expect(long.links.last == .init(destination: "/b", line: 5002, column: 7))

        let pipes = String(repeating: "|", count: 10_000)
        #expect(render(pipes + "\n" + pipes + "\n").html.hasPrefix("<p>|||"))
        let wide = String(repeating: "|-", count: 5000) + "|\n"
        let header = String(repeating: "| x ", count: 5000) + "|\n"
        let html = render(header + wide + String(repeating: "y\n", count: 500)).html
        // Short rows get the header's cell count, until 0x80000 empty cells are made: 104
        // rows of 4,999; the lines after them stay a paragraph.
        #expect(html.components(separatedBy: "<td>y</td>").count - 1 == 104)
        #expect(html.hasSuffix("</table>\n</div>\n<p>" + Array(repeating: "y", count: 396).joined(separator: "\n") + "</p>\n"))
    }
}

/// Tables inside call-outs: the call-out is rebuilt first, so a table in its body is found.
@Suite struct TablesInCallOutsTests {
    @Test func aTableInAnAlertAndInAnAdmonitionIsATable() {
        for markdown in ["> [!NOTE]\n> | a | b |\n> |---|---|\n> | [x](/x/) | 2 |\n",
                         "!!! note\n    | a | b |\n    |---|---|\n    | [x](/x/) | 2 |\n"] {
            let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions(firstLine: 10))
            #expect(rendered.html.contains("<th>a</th>"), "\(markdown)")
            #expect(rendered.html.contains("<td><a href=\"/x/\">x</a></td>"), "\(markdown)")
            #expect(!rendered.html.contains("|"), "\(markdown)")
            #expect(rendered.links.map { "\($0.line):\($0.column)" } == ["13:" + (markdown.hasPrefix(">") ? "5" : "7")], "\(markdown)")
        }
    }
}
