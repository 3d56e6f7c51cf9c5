import Foundation
import PlayhubKit
import Testing
@testable import PlayhubServer

/// The search page in a real browser (Debian's headless chromium), on a hub built under a
/// base path: `/hub/search/?q=…` runs the query from its address and lists the ranked
/// titles. The built folder is served by `python3 -m http.server`, not the preview server,
/// whose live-reload stream never ends and so never lets chromium's virtual time run out.
/// Skipped, with the reason printed, where chromium or python3 is not installed.
@Suite(.serialized, .timeLimit(.minutes(4))) struct SearchBrowserTests {
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

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

    @Test(.enabled(if: BrowserTests.chromium != nil, "chromium is not on PATH (Debian: apt-get install chromium); browser check skipped"),
          .enabled(if: python != nil, "python3 is not on PATH; search browser check skipped"))
    func theQueryInTheAddressIsRunAndRanked() async throws {
        let chromium = try #require(BrowserTests.chromium), python = try #require(Self.python)
        let site = try TempSite(Self.hub)
        // Served from a folder above the output, as a host serves a hub under /hub/.
        let served = site.base.appendingPathComponent("served")
        let result = Builder.build(BuildOptions(siteDir: site.root, outputDir: served.appendingPathComponent("hub").path, jobs: 2))
        #expect(result.succeeded, "\(result.diagnostics)")
        let port = try freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = ["-m", "http.server", "--bind", "127.0.0.1", "--directory", served.path, String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // SIGKILL: the test process blocks SIGTERM, and python inherits that.
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        let listening = await eventually(timeout: 30) { (try? RawHTTP.get(port, "/hub/search/")).map { $0.status == 200 } ?? false }
        #expect(listening, "python3 -m http.server did not answer")
        do {
            func load(_ query: String) async throws -> String {
                let profile = site.base.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
                let url = "http://127.0.0.1:\(port)/hub/search/?q=\(query)"
                let run = try await offPool { try BrowserTests.runChromium(chromium, arguments: [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--user-data-dir=\(profile.path)", "--virtual-time-budget=10000", "--dump-dom", url,
                ], timeout: 90) }
                #expect(run.exited, "chromium did not finish within 90 s")
                return run.output
            }
            // A title match first, then tags in list order (newest first).
            let seo = Self.results(try await load("seo"))
            #expect(seo.titles == ["SEO Audit", "Churn Review", "Keyword Research"])
            #expect(seo.status == "3 results")
            #expect(seo.links.first == "/hub/playbooks/seo-audit/")
            // A tool's name; a word found only in a body; a half-typed last word.
            #expect(Self.results(try await load("hubspot")).titles == ["Churn Review"])
            #expect(Self.results(try await load("crawl")).titles == ["SEO Audit"])
            #expect(Self.results(try await load("Keyw")).titles == ["Keyword Research"])
            // Both summaries hold "search": a tie, in list order.
            #expect(Self.results(try await load("search")).titles == ["Keyword Research", "SEO Audit"])
            let none = Self.results(try await load("zebra"))
            #expect(none.titles.isEmpty)
            #expect(none.status.hasPrefix("No playbooks match"))
        }
    }
}

/// A loopback port no one listens on now: bound to port 0, read back, released.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw RawHTTP.Failure(description: "socket failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw RawHTTP.Failure(description: "bind failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}
