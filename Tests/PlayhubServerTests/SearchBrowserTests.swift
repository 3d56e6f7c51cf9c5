import Foundation
import PlayhubKit
import PlayhubTestSupport
import Testing
@testable import PlayhubServer

/// The search page in a real browser (Debian's headless chromium; skipped without it), on a
/// hub built under a base path and served from the folder above it, as a host serves a hub
/// under /hub/. The server logs every file it sends, so the bytes a query downloads are the
/// bytes chromium fetched.
@Suite(.serialized, .timeLimit(.minutes(6))) struct SearchBrowserTests {
    static let hub = ServeHub.text.replacingOccurrences(of: "https://example.org/", with: "https://example.org/hub/") + """

    -- content/playbooks/churn-review.md --
    ---
    title: "Churn Review"
    summary: "Why customers leave, month by month."
    tags: ["seo"]
    tools: ["HubSpot"]
    date: 2024-03-01
    ---

    Compare cohorts in the CRM every month.
    """

    /// Typing into the search box of a frame, one character every 40 ms (faster than the
    /// script waits before it searches), then what the frame shows and its address.
    static let typingHarness = BrowserTests.harness(frame: "/hub/search/", script: """
    function seen(label) {
      var doc = frame.contentDocument;
      var titles = Array.prototype.map.call(doc.querySelectorAll("#search-results .card-title a"), function (a) { return a.textContent; });
      log.push(label + ": " + frame.contentWindow.location.search + " | " + doc.getElementById("search-status").textContent + " | " + titles.join(", "));
      document.getElementById("log").textContent = log.join("\\n");
    }
    function type(text, then) {
      var input = frame.contentDocument.getElementById("search-query"), i = 0;
      (function key() {
        if (i === text.length) { setTimeout(then, 1000); return; }
        input.value += text[i++];
        input.dispatchEvent(new Event("input", { bubbles: true }));
        setTimeout(key, 40);
      })();
    }
    frame.addEventListener("load", function () {
      seen("opened");
      type("keyw", function () {
        seen("typed");
        type("ord res", function () {
          seen("more");
          frame.contentDocument.getElementById("search-query").value = "";
          type("seo", function () { seen("again"); log.push("end"); document.getElementById("log").textContent = log.join("\\n"); });
        });
      });
    });
    """)

    /// The result titles (marks taken out), the links and the status line of the page.
    static func results(_ dom: String) -> (titles: [String], links: [String], status: String) {
        func all(_ pattern: String) -> [[String]] {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
            return regex.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).map { match in
                (1..<match.numberOfRanges).map { String(dom[Range(match.range(at: $0), in: dom)!]) }
            }
        }
        let cards = all(#"<li class="card search-result"><h2 class="card-title"><a href="([^"]*)">(.*?)</a>"#)
        let titles = cards.map { $0[1].replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "") }
        return (titles, cards.map { $0[0] }, all(#"id="search-status"[^>]*>([^<]*)<"#).first?.first ?? "")
    }

    /// The small hub built into `served/hub/`, and a server for `served/`.
    static func serve() throws -> (site: TempSite, hub: URL, server: StaticFolderServer) {
        let site = try TempSite(hub)
        let served = site.base.appendingPathComponent("served")
        let output = served.appendingPathComponent("hub")
        let result = Builder.build(BuildOptions(siteDir: site.root, outputDir: output.path, jobs: 2))
        #expect(result.succeeded, "\(result.diagnostics)")
        return (site, output, try StaticFolderServer(folder: served))
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "chromium is not on PATH (Debian: apt-get install chromium); browser check skipped"))
    func theQueryInTheAddressIsRunAndRanked() async throws {
        let chromium = try #require(BrowserTests.chromium)
        let (site, _, server) = try Self.serve()
        defer { server.stop() }
        func load(_ query: String) async throws -> (titles: [String], links: [String], status: String) {
            Self.results(try await BrowserTests.dumpDOM(chromium, url: "http://127.0.0.1:\(server.port)/hub/search/?q=\(query)", profileIn: site.base))
        }
        // A title match first, then tags in list order (newest first).
        let seo = try await load("seo")
        #expect(seo.titles == ["SEO Audit", "Churn Review", "Keyword Research"])
        #expect(seo.status == "3 results")
        #expect(seo.links.first == "/hub/playbooks/seo-audit/")
        // A tool's name; a word found only in a body; a half-typed last word.
        #expect(try await load("hubspot").titles == ["Churn Review"])
        #expect(try await load("crawl").titles == ["SEO Audit"])
        #expect(try await load("Keyw").titles == ["Keyword Research"])
        // Both summaries hold "search": a tie, in list order.
        #expect(try await load("search").titles == ["Keyword Research", "SEO Audit"])
        let none = try await load("zebra")
        #expect(none.titles.isEmpty)
        #expect(none.status.hasPrefix("No playbooks match"))
    }

    /// Results follow the keys as they are typed, without Enter, and the address keeps the
    /// query (so a reload or a shared link shows the same results).
    @Test(.enabled(if: BrowserTests.chromium != nil, "chromium is not on PATH (Debian: apt-get install chromium); browser check skipped"))
    func resultsFollowTypingAndTheAddressKeepsTheQuery() async throws {
        let chromium = try #require(BrowserTests.chromium)
        let (site, hub, server) = try Self.serve()
        defer { server.stop() }
        try Data(Self.typingHarness.utf8).write(to: hub.deletingLastPathComponent().appendingPathComponent("search-harness.html"))
        let output = try await BrowserTests.dumpDOM(chromium, url: "http://127.0.0.1:\(server.port)/search-harness.html",
                                                    profileIn: site.base, virtualTime: 30_000)
        let log = BrowserTests.log(in: output)
        #expect(log == """
            opened:  |  | 
            typed: ?q=keyw | 1 result | Keyword Research
            more: ?q=keyword%20res | 1 result | Keyword Research
            again: ?q=seo | 3 results | SEO Audit, Churn Review, Keyword Research
            end
            """, "\(output.prefix(3000))")
    }

    /// The index of a 50,000-playbook hub: the first query of a fresh browser downloads at
    /// most 300 KB of it, any query at most 1 MB, and two words in thousands of playbooks
    /// each find every playbook that holds both.
    @Test(.enabled(if: BrowserTests.chromium != nil, "chromium is not on PATH (Debian: apt-get install chromium); browser check skipped"))
    func aFirstQueryOnALargeHubDownloadsLittleAndMissesNothing() async throws {
        let chromium = try #require(BrowserTests.chromium)
        let (site, hub, server) = try Self.serve()
        defer { server.stop() }
        let index = SyntheticSearchIndex(playbooks: 50_000)
        try index.write(into: hub)
        func load(_ query: String) async throws -> (status: String, bytes: Int) {
            server.clearLog()
            let escaped = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let dom = try await BrowserTests.dumpDOM(chromium, url: "http://127.0.0.1:\(server.port)/hub/search/?q=\(escaped)", profileIn: site.base)
            let fetched = server.log.filter { $0.path.hasPrefix("/hub/search/index/") }
            #expect(fetched.contains { $0.path.hasSuffix("/manifest.json") }, "\(query): the index was not read")
            return (Self.results(dom).status, fetched.reduce(0) { $0 + $1.bytes })
        }
        for query in ["w0", "w", "t7", "g12 w3", "w3 w5 "] {
            let run = try await load(query)
            #expect(run.bytes <= 300_000, "\(query): \(run.bytes) bytes")
            #expect(run.status.hasSuffix("results"), "\(query): \(run.status)")
        }
        // Two common words (a trailing space: whole words): every playbook with both.
        let both = index.count(["w3", "w5"])
        #expect(both > 4_000)
        let grouped = String(both).reversed().enumerated().reduce("") { $1.offset > 0 && $1.offset % 3 == 0 ? "\($1.element),\($0)" : "\($1.element)\($0)" }
        #expect(try await load("w3 w5 ").status == "\(grouped) results")
        let many = try await load("w0 w1 w2 w3 w4 w5")
        #expect(many.bytes <= 1_000_000, "\(many.bytes) bytes")
    }
}
