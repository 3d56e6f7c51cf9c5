import Foundation
import Testing
@testable import PlayhubKit
@testable import PlayhubServer

/// The checklist script in a real browser (Debian's headless chromium; skipped without it).
/// A harness page beside the built site loads a playbook in a frame of the same origin,
/// ticks, reloads and resets it there, and writes what it saw into its own DOM, which
/// `--dump-dom` prints once the page's virtual time has run out.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ChecklistBrowserTests {
    static let hub = """
    -- site.json --
    {"title": "Checklist Hub", "baseURL": "https://example.org/"}
    -- content/categories/ops.md --
    ---
    title: "Ops"
    description: "Running things."
    ---
    -- content/tags/launch.md --
    ---
    title: "Launch"
    category: "ops"
    description: "Shipping."
    ---
    -- content/playbooks/launch-day.md --
    ---
    title: "Launch day"
    summary: "The launch checklist."
    tags: ["launch"]
    date: 2024-01-10
    ---

    ## Steps

    - [ ] Freeze the release
    - [x] Write the notes
    - [ ] Tell support
    """

    /// Each step logs the progress line, the boxes (`x` ticked, `-` not) and, after Reset,
    /// whether anything is left in storage.
    static let harness = BrowserTests.harness(frame: "/playbooks/launch-day/", script: """
    var loads = 0;
    var key = "playhub-checklist:/playbooks/launch-day/";
    function state() {
      var doc = frame.contentDocument;
      var marks = Array.prototype.map.call(doc.querySelectorAll("input.task-box"), function (box) { return box.checked ? "x" : "-"; }).join("");
      var progress = doc.querySelector(".checklist-progress");
      return doc.querySelector(".checklist-count").textContent + " [" + marks + "]" + (progress.hidden ? " hidden" : "");
    }
    frame.addEventListener("load", function () {
      var doc = frame.contentDocument;
      loads += 1;
      try {
        if (loads === 1) {
          log.push("opened: " + state());
          doc.querySelector("label:has(> .task-box)").click(); // the first item's text, not its box
          log.push("ticked: " + state() + " stored=" + (frame.contentWindow.localStorage.getItem(key) !== null));
          frame.contentWindow.location.reload();
        } else if (loads === 2) {
          log.push("reloaded: " + state());
          doc.querySelector(".checklist-reset").click();
          log.push("reset: " + state() + " stored=" + (frame.contentWindow.localStorage.getItem(key) !== null));
          frame.contentWindow.location.reload();
        } else {
          log.push("reloaded: " + state());
          log.push("end");
        }
      } catch (error) {
        log.push("error: " + error);
      }
      document.getElementById("log").textContent = log.join("\\n");
    });
    """)

    @Test(.enabled(if: BrowserTests.chromium != nil, "chromium is not on PATH (Debian: apt-get install chromium); browser check skipped"))
    func tickingSurvivesAReloadAndResetBringsBackTheAuthoredTicks() async throws {
        let chromium = try #require(BrowserTests.chromium)
        let site = try TempSite(Self.hub)
        let result = Builder.build(BuildOptions(siteDir: site.root))
        #expect(result.succeeded, "\(result.diagnostics)")
        try Data(Self.harness.utf8).write(to: site.output.appendingPathComponent("checklist-harness.html"))
        let server = try StaticFolderServer(folder: site.output)
        defer { server.stop() }

        let output = try await BrowserTests.dumpDOM(chromium, url: "http://127.0.0.1:\(server.port)/checklist-harness.html",
                                                    profileIn: site.base, virtualTime: 30_000)
        let log = BrowserTests.log(in: output)
        #expect(log == """
            opened: 1 of 3 done [-x-]
            ticked: 2 of 3 done [xx-] stored=true
            reloaded: 2 of 3 done [xx-]
            reset: 1 of 3 done [-x-] stored=false
            reloaded: 1 of 3 done [-x-]
            end
            """, "\(output.prefix(2000))")
    }
}
