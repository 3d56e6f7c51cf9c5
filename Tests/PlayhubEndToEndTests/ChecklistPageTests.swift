import Foundation
import Testing
@testable import PlayhubKit

/// Task lists on playbook pages are checklists a reader can tick (the browser side is
/// ChecklistBrowserTests): labelled boxes with stable ids, a hidden progress line, and
/// checklist.js only where there is something to tick.
@Suite struct ChecklistPageTests {
    static let steps = """
    ---
    title: "Steps"
    tags: ["hiring"]
    date: 2024-02-01
    updated: 2024-02-01
    ---

    ## Task steps 1

    - [ ] Post the role
    - [x] Write the **scorecard**
      - [ ] Ask the team
    - not a task

    1. [X] Book rooms

    - [ ] Loose item

      more about it
    """

    @Test func taskItemsAreLabelledBoxesWithIDsFromThePlaybookAndTheirPosition() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/steps.md": Self.steps])
        #expect(site.build().succeeded)
        site.expectFile("playbooks/steps/index.html",
            #"<li><label><input type="checkbox" class="task-box" id="task-steps-1" name="task-steps-1"> Post the role</label></li>"#,
            #"<li><label><input type="checkbox" class="task-box" id="task-steps-2" name="task-steps-2" checked> Write the <strong>scorecard</strong></label>"#,
            #"<li><label><input type="checkbox" class="task-box" id="task-steps-3" name="task-steps-3"> Ask the team</label></li>"#,
            "<li>not a task</li>",
            #"<li><label><input type="checkbox" class="task-box" id="task-steps-4" name="task-steps-4" checked> Book rooms</label></li>"#,
            #"<p><label><input type="checkbox" class="task-box" id="task-steps-5" name="task-steps-5"> Loose item</label></p>"#,
            // a heading whose slug is a box's id gets another
            #"<h2 id="task-steps-1-1">Task steps 1</h2>"#,
            "! disabled")
        let html = try #require(site.read("playbooks/steps/index.html"))
        let ids = matches(of: #" id="([^"]+)""#, in: html, group: 1)
        #expect(Set(ids).count == ids.count, "every id once: \(ids)")
    }

    @Test func idsStayWhenTheTextAroundTheListChanges() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/steps.md": Self.steps])
        #expect(site.build().succeeded)
        let before = matches(of: #"class="task-box" id="([^"]+)""#, in: try #require(site.read("playbooks/steps/index.html")), group: 1)
        try site.write("content/playbooks/steps.md", Self.steps.replacingOccurrences(of: "## Task steps 1", with: "Intro text.\n\n## Hiring steps")
            .replacingOccurrences(of: "Post the role", with: "Post the job"))
        #expect(site.build().succeeded)
        let after = matches(of: #"class="task-box" id="([^"]+)""#, in: try #require(site.read("playbooks/steps/index.html")), group: 1)
        #expect(before == ["task-steps-1", "task-steps-2", "task-steps-3", "task-steps-4", "task-steps-5"])
        #expect(after == before)
    }

    @Test func onlyPagesWithTaskItemsShowProgressAndLoadTheScript() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        #expect(site.read("checklist.js")?.contains("localStorage") == true)
        // The progress line is there for the script to fill in, hidden until it does.
        site.expectFile("playbooks/seo-audit/index.html",
            #"<p class="checklist-progress" hidden><span class="checklist-count" role="status"></span> <button type="button" class="checklist-reset">Reset</button></p>"#,
            #"<script src="/checklist.js" defer></script>"#)
        for page in ["playbooks/keyword-research/index.html", "index.html", "tags/seo/index.html", "about/index.html", "search/index.html"] {
            site.expectFile(page, "! checklist.js", "! checklist-progress")
        }
    }

    @Test func theScriptFollowsTheBasePath() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build(baseURL: "https://example.org/hub/").succeeded)
        site.expectFile("playbooks/seo-audit/index.html", #"<script src="/hub/checklist.js" defer></script>"#)
    }

    @Test func freePagesKeepDisplayOnlyBoxesAndNoScript() throws {
        let site = try SiteFixture(SmallHub.text, files: ["content/pages/about.md": "---\ntitle: \"About\"\n---\n\n- [x] Done\n- [ ] Open\n"])
        #expect(site.build().succeeded)
        site.expectFile("about/index.html",
            #"<li><input type="checkbox" checked disabled> Done</li>"#, #"<li><input type="checkbox" disabled> Open</li>"#,
            "! task-box", "! checklist.js")
    }

    @Test func theStyleSheetDrawsTheBoxesAndPrintsAClearChecklist() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let css = try #require(site.read("style.css"))
        let block = try #require(css.components(separatedBy: "/* Checklists and print */").dropFirst().first)
        #expect(block.contains(#".prose input[type="checkbox"]:checked::before { visibility: visible; }"#))
        #expect(block.contains(".checklist-progress[hidden] { display: none; }"))
        let print = try #require(block.components(separatedBy: "@media print {").dropFirst().first)
        for hidden in [".site-header", ".site-footer", ".breadcrumbs", ".toc", ".related", ".search-form", ".checklist-reset"] {
            #expect(print.contains(hidden), "\(hidden) is not hidden in print")
        }
        #expect(print.contains(#"content: " (" attr(href) ")""#))
    }
}
