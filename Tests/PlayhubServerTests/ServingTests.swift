import Foundation
import Testing
@testable import PlayhubServer

/// Serving the output folder: pages, types, clean URLs, 404, HEAD, ETag, and the rule that
/// the live-reload script is added to served pages only, never to built files.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ServingTests {
    @Test func servesPagesWithTheLiveReloadScript() async throws {
        try await withServer { hub in

            let home = try await hub.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("Serve Hub"))
            #expect(home.text.contains("data-playhub=\"live-reload\""))
            #expect(home.text.contains(LiveReload.eventsPath))
            let page = try await hub.get("/playbooks/seo-audit/")
            #expect(page.status == 200)
            #expect(page.text.contains("Start with the pages that earn money."))
            // The script goes in just before </body>, and only when served.
            #expect(page.text.range(of: "data-playhub")!.lowerBound < page.text.range(of: "</body>")!.lowerBound)
            let built = try String(contentsOf: hub.output.appendingPathComponent("playbooks/seo-audit/index.html"), encoding: .utf8)
            #expect(built.contains("Start with the pages that earn money."))
            #expect(!built.contains("data-playhub"))
            #expect(!built.contains(LiveReload.eventsPath))
            #expect(hub.terminal.first?.hasPrefix("Built ") == true, "\(hub.terminal)")
        }
    }

    @Test func contentTypes() async throws {
        try await withServer { hub in
            let expected = [
                "/style.css": "text/css; charset=utf-8",
                "/extra.css": "text/css; charset=utf-8",
                "/search.js": "text/javascript; charset=utf-8",
                "/search/index/manifest.json": "application/json",
                "/sitemap.xml": "application/xml",
                "/feed.xml": "application/xml",
                "/img/dot.svg": "image/svg+xml",
                "/files/readme.txt": "text/plain; charset=utf-8",
                "/robots.txt": "text/plain; charset=utf-8",
            ]
            for (path, type) in expected.sorted(by: { $0.key < $1.key }) {
                let response = try await hub.get(path)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
                #expect(response.headers["x-content-type-options"] == "nosniff", "\(path)")
                #expect(!response.text.contains("data-playhub"), "\(path) is not HTML: no script")
            }
            #expect(try await hub.get("/extra.css").text == "body { color: #222; }\n")
        }
    }

    @Test func missingPagesGetTheSite404PageWithStatus404() async throws {
        try await withServer { hub in
            let response = try await hub.get("/no/such/page/")
            #expect(response.status == 404)
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
            let notFoundPage = try String(contentsOf: hub.output.appendingPathComponent("404.html"), encoding: .utf8)
            let title = try #require(notFoundPage.firstMatch(of: /<title>([^<]*)<\/title>/)).1
            #expect(response.text.contains("<title>\(title)</title>"))
            #expect(response.text.contains("data-playhub=\"live-reload\""))
            #expect(try await hub.get("/missing.css").status == 404)
        }
    }

    @Test func foldersRedirectToTheirSlashAndAreNeverListed() async throws {
        try await withServer { hub in
            let redirect = try await hub.get("/playbooks/seo-audit")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/playbooks/seo-audit/")
            #expect(try await hub.get("/tags").headers["location"] == "/tags/")
            // `//host` must never turn into a protocol-relative redirect.
            #expect(try await hub.get("//tags").headers["location"] == "/tags/")
            // A folder without index.html: no listing, just 404.
            let folder = try await hub.get("/img/")
            #expect(folder.status == 404)
            #expect(!folder.text.contains("dot.svg"))
            #expect(try await hub.get("/empty-folder/").status == 404)
            // A file asked for as a folder is not found either.
            #expect(try await hub.get("/extra.css/").status == 404)
        }
    }

    @Test func etagAndIfNoneMatchGive304() async throws {
        try await withServer { hub in
            for path in ["/playbooks/seo-audit/", "/style.css"] {
                let first = try await hub.get(path)
                let etag = try #require(first.headers["etag"], "\(path)")
                #expect(first.headers["cache-control"] == "no-cache")
                let again = try await hub.get(path, headers: ["If-None-Match": etag])
                #expect(again.status == 304, "\(path)")
                #expect(again.body.isEmpty)
                #expect(try await hub.get(path, headers: ["If-None-Match": "\"other\", W/\(etag)"]).status == 304)
                #expect(try await hub.get(path, headers: ["If-None-Match": "\"other\""]).status == 200)
            }
        }
    }

    @Test func headSendsHeadersWithoutABody() async throws {
        try await withServer { hub in
            let get = try await hub.get("/playbooks/seo-audit/")
            let head = try await hub.get("/playbooks/seo-audit/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(head.headers["etag"] == get.headers["etag"])
            #expect(head.headers["content-type"] == "text/html; charset=utf-8")
            #expect(try await hub.get("/nothing-here", method: "HEAD").status == 404)
            let post = try await hub.get("/", method: "POST")
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func aSiteUnderABasePathIsServedUnderIt() async throws {
        let text = ServeHub.text.replacingOccurrences(of: "\"https://example.org/\"", with: "\"https://example.org/hub/\"")
        try await withServer(text) { hub in
            #expect(hub.server.rebuilder.current.basePath == "/hub/")
            let root = try await hub.get("/")
            #expect(root.status == 301)
            #expect(root.headers["location"] == "/hub/")
            #expect(try await hub.get("/hub/").text.contains("href=\"/hub/style.css\""))
            #expect(try await hub.get("/hub/style.css").status == 200)
            #expect(try await hub.get("/hub/playbooks").headers["location"] == "/hub/playbooks/")
            #expect(try await hub.get("/style.css").status == 404)
        }
    }
}
