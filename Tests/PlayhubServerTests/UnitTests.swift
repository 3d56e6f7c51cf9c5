import Foundation
import Testing
@testable import PlayhubKit
@testable import PlayhubServer

/// The pieces of the server on their own: path resolution, types, tags, injection, overlay.
@Suite struct SafePathTests {
    /// public/ with a page, a file, a folder without index and links in and out.
    func makeTree() throws -> (base: URL, root: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-safepath-\(UUID().uuidString)")
        let root = base.appendingPathComponent("public")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("x"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("bare"), withIntermediateDirectories: true)
        try Data("home".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("x".utf8).write(to: root.appendingPathComponent("x/index.html"))
        try Data("css".utf8).write(to: root.appendingPathComponent("a b.css"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: base.appendingPathComponent("secret").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("in.css").path, withDestinationPath: "a b.css")
        return (base, root.path)
    }

    @Test func resolvesOnlyInsideTheRoot() throws {
        let (base, root) = try makeTree()
        defer { try? FileManager.default.removeItem(at: base) }
        let real = SafePath.realPath(root) ?? root
        #expect(SafePath.resolve("/", in: root) == .file(real + "/index.html"))
        #expect(SafePath.resolve("/x/", in: root) == .file(real + "/x/index.html"))
        #expect(SafePath.resolve("/x", in: root) == .redirect("/x/"))
        #expect(SafePath.resolve("///x", in: root) == .redirect("/x/"))
        #expect(SafePath.resolve("/a%20b.css", in: root) == .file(real + "/a b.css"))
        #expect(SafePath.resolve("/in.css", in: root) == .file(real + "/a b.css"))
        #expect(SafePath.resolve("/bare/", in: root) == .notFound)
        #expect(SafePath.resolve("/missing", in: root) == .notFound)
        #expect(SafePath.resolve("/out", in: root) == .notFound)
        #expect(SafePath.resolve("/a%20b.css/", in: root) == .notFound)
        for attempt in ["/../secret", "/%2e%2e/secret", "/%2E%2e%2Fsecret", "/x/../../secret", "/./index.html",
                        "/%zz", "relative", "/a\\..\\secret", "/%00"] {
            #expect(SafePath.resolve(attempt, in: root) == .badRequest, "\(attempt)")
        }
    }
}

@Suite struct ContentTypeTests {
    @Test func everyTypeTheIssueNames() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8",
            "a.js": "text/javascript; charset=utf-8", "a.json": "application/json", "a.xml": "application/xml",
            "a.svg": "image/svg+xml", "a.png": "image/png", "a.jpg": "image/jpeg", "a.JPEG": "image/jpeg",
            "a.webp": "image/webp", "a.woff2": "font/woff2", "a.txt": "text/plain; charset=utf-8",
            "/x/y/index.html": "text/html; charset=utf-8", "noext": "application/octet-stream",
            ".hidden": "application/octet-stream", "a.unknown": "application/octet-stream",
        ]
        for (path, type) in expected { #expect(ContentTypes.forPath(path) == type, "\(path)") }
    }
}

@Suite struct ETagTests {
    @Test func tagsFollowTheBytes() {
        let a = ETag.of(Data("one".utf8))
        #expect(a == ETag.of(Data("one".utf8)))
        #expect(a != ETag.of(Data("two".utf8)))
        #expect(a.hasPrefix("\"") && a.hasSuffix("\""))
        #expect(ETag.matches(a, a))
        #expect(ETag.matches("W/\(a)", a))
        #expect(ETag.matches("\"x\" , \(a)", a))
        #expect(ETag.matches("*", a))
        #expect(!ETag.matches("\"x\"", a))
        #expect(!ETag.matches(nil, a))
        let file = ETag.ofFile(inode: 0x1234, size: 10, modifiedNanoseconds: 1_700_000_000_123_456_789)
        #expect(file == ETag.ofFile(inode: 0x1234, size: 10, modifiedNanoseconds: 1_700_000_000_123_456_789))
        #expect(file != ETag.ofFile(inode: 0x1235, size: 10, modifiedNanoseconds: 1_700_000_000_123_456_789))
        #expect(file != ETag.ofFile(inode: 0x1234, size: 11, modifiedNanoseconds: 1_700_000_000_123_456_789))
        #expect(file != ETag.ofFile(inode: 0x1234, size: 10, modifiedNanoseconds: 1_700_000_000_123_456_790))
        #expect(file.hasPrefix("\"") && file.hasSuffix("\""))
    }
}

@Suite struct ByteRangeTests {
    @Test func oneRangeOfAFile() {
        #expect(ByteRange.requested(nil, size: 100) == .whole)
        #expect(ByteRange.requested("bytes=0-9", size: 100) == .part(0...9))
        #expect(ByteRange.requested("bytes=90-", size: 100) == .part(90...99))
        #expect(ByteRange.requested("bytes=-10", size: 100) == .part(90...99))
        #expect(ByteRange.requested("bytes=-500", size: 100) == .part(0...99))
        #expect(ByteRange.requested("bytes=95-500", size: 100) == .part(95...99))
        #expect(ByteRange.requested("BYTES=1-1", size: 100) == .part(1...1))
        #expect(ByteRange.requested("bytes=0-99999999999999999999999", size: 100) == .part(0...99))
    }

    @Test func unsatisfiableAndIgnoredRanges() {
        for header in ["bytes=100-", "bytes=100-200", "bytes=-0", "bytes=99999999999999999999999-"] {
            #expect(ByteRange.requested(header, size: 100) == .unsatisfiable, "\(header)")
        }
        #expect(ByteRange.requested("bytes=0-", size: 0) == .unsatisfiable)
        #expect(ByteRange.requested("bytes=-1", size: 0) == .unsatisfiable)
        for header in ["bytes=0-1,3-4", "bytes=5-2", "bytes=x-1", "bytes=-", "bytes=", "bytes=1", "items=0-1",
                       "bytes=+1-2", "bytes=-1-2", "0-1", "bytes = 0-1"] {
            #expect(ByteRange.requested(header, size: 100) == .whole, "\(header)")
        }
    }

    @Test func ifRangeMustBeTheCurrentTag() {
        #expect(ByteRange.requested("bytes=0-9", size: 100, ifRange: "\"a\"", etag: "\"a\"") == .part(0...9))
        #expect(ByteRange.requested("bytes=0-9", size: 100, ifRange: "\"b\"", etag: "\"a\"") == .whole)
        #expect(ByteRange.requested("bytes=0-9", size: 100, ifRange: "W/\"a\"", etag: "\"a\"") == .whole)
        #expect(ByteRange.requested("bytes=0-9", size: 100, ifRange: "Tue, 01 Jan 2030 00:00:00 GMT", etag: "\"a\"") == .whole)
    }
}

@Suite struct PageInjectionTests {
    @Test func goesBeforeTheLastClosingBody() {
        let page = Data("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let out = String(decoding: PageInjection.inject("<script>x</script>", into: page), as: UTF8.self)
        #expect(out == "<html><body><p>&lt;/body&gt;</p><script>x</script></BODY></html>")
        let bare = String(decoding: PageInjection.inject("S", into: Data("<p>no body".utf8)), as: UTF8.self)
        #expect(bare == "<p>no bodyS")
    }

    @Test func theScriptListensForEveryEvent() {
        let script = LiveReload.script(generation: 7)
        #expect(script.contains("var generation = 7;"))
        #expect(script.contains("new EventSource(\"/__playhub/events\")"))
        for event in ["hello", "reload", "css"] { #expect(script.contains("addEventListener(\"\(event)\"")) }
    }
}

@Suite struct ErrorOverlayTests {
    @Test func listsPlaceAndMessageEscaped() {
        let errors = [
            Diagnostic(.unknownTag, at: SourceLocation(file: "content/playbooks/<a>.md", line: 3, column: 8),
                       "unknown tag '<script>alert(1)</script>'", hint: "did you mean \"seo\" & not 'sep'?"),
            Diagnostic(.invalidConfig, at: nil, "site.json is broken"),
        ]
        let html = ErrorOverlay.html(for: errors)
        #expect(html.contains("id=\"playhub-error-overlay\""))
        #expect(html.contains("2 errors"))
        #expect(html.contains("<code style=\"color:#ffd479\">content/playbooks/&lt;a&gt;.md:3:8</code>"))
        #expect(html.contains("unknown tag &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"))
        #expect(html.contains("did you mean &quot;seo&quot; &amp; not &#39;sep&#39;?"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("site.json is broken"))
        #expect(ErrorOverlay.html(for: []).isEmpty)
    }
}

@Suite struct WatchTargetsTests {
    @Test func followsTheConfiguration() {
        var config = SiteConfig(title: "T", baseURL: "https://example.org/")
        config.contentDir = "docs/content"
        config.theme = "plain"
        let site = URL(fileURLWithPath: "/tmp/site")
        let targets = WatchTargets(siteDir: site, config: config, outputDir: site.appendingPathComponent("public"))
        #expect(targets.folders == ["/tmp/site/docs/content", "/tmp/site/templates", "/tmp/site/static", "/tmp/site/themes/plain"])
        #expect(targets.isExcluded("/tmp/site/public/index.html"))
        #expect(!targets.isExcluded("/tmp/site/publicity/x"))
        #expect(targets.relative("/tmp/site/static/a.css") == "static/a.css")
        for noise in [".x.md.swp", "x.md~", "4913", "#x.md#", ".#x.md", "x.tmp"] { #expect(WatchTargets.isNoise(noise), "\(noise)") }
        #expect(!WatchTargets.isNoise("x.md"))
        #expect(ChangeBatch(paths: ["static/a.css", "themes/default/static/style.css"]).onlyStylesheets)
        #expect(!ChangeBatch(paths: ["static/a.css", "content/x.md"]).onlyStylesheets)
    }
}
