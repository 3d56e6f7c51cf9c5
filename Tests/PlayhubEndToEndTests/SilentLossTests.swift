import Foundation
import Testing
@testable import PlayhubKit

/// SPEC §6, "nothing is left out in silence": content playhub cannot read is an error at its
/// path, content it does not read is a warning, static files are copied as they are, and
/// aliases or static files cannot quietly take a generated page's place.
@Suite struct SilentLossTests {
    @Test func aMissingOrMistypedContentFolderIsAnError() throws {
        let site = try SiteFixture(SmallHub.text.replacingOccurrences(of: "\"paginate\": 2,", with: "\"paginate\": 2,\n  \"contentDir\": \"contnt\","))
        let result = site.build()
        #expect(result.diagnostics.items.map(\.description) == [
            "site.json:5:3: error: the content folder 'contnt/' does not exist (did you mean 'content'?)"])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))

        let empty = try SiteFixture("-- site.json --\n{\"title\": \"Hub\", \"baseURL\": \"https://example.org/\"}\n")
        #expect(empty.build().diagnostics.items.map(\.description) == [
            "site.json:1:1: error: the content folder 'content/' does not exist (create it with categories/, tags/ and playbooks/ inside, or set \"contentDir\" in site.json)"])
    }

    @Test func contentThatCannotBeReadIsAnErrorAtItsPath() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let before = FolderState(site.output)
        let playbooks = site.root.appendingPathComponent("content/playbooks").path
        try FileManager.default.createSymbolicLink(atPath: playbooks + "/gone.md", withDestinationPath: playbooks + "/nowhere.md")
        // A name that is not UTF-8 (Latin-1 "café.md").
        let latin1 = Array((playbooks + "/caf").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let fd = latin1.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        // A socket cannot be opened as a file, whoever runs the test (root reads any file).
        let socketPath = playbooks + "/socket.md"
        let sock = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in _ = socketPath.utf8CString.withUnsafeBytes { raw.copyMemory(from: $0) } }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(sock, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        #expect(bound == 0)
        defer { close(sock) }

        let result = site.build()
        #expect(result.diagnostics.errors.map(\.description) == [
            "content/playbooks/caf\\xE9.md:1:1: error: the name is not valid UTF-8 (rename it)",
            "content/playbooks/gone.md:1:1: error: symlink points at nothing (fix its target or remove the link)",
            "content/playbooks/socket.md:1:1: error: cannot read file: No such device or address",
        ])
        #expect(FolderState(site.output) == before)
    }

    @Test(.enabled(if: geteuid() != 0, "root reads every folder, so a folder cannot be made unreadable"))
    func anUnreadableFolderIsAnError() throws {
        let site = try SiteFixture(SmallHub.text)
        let folder = site.root.appendingPathComponent("content/playbooks/growth")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        #expect(site.build().diagnostics.errors.map(\.description) == [
            "content/playbooks/growth/:1:1: error: cannot read folder: Permission denied (make it readable, or move it out of the content folder)"])
    }

    @Test func contentPlayhubDoesNotReadIsAWarningAtItsPath() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "content/tags/sub/extra.md": "---\ntitle: \"Extra\"\n---\n",
            "content/playbooks/Launch.MD": "# Launch\n",
            "content/playbooks/growth/funnel.png": "PNG",
            "content/notes/todo.md": "todo",
            "content/readme.txt": "about this folder",
            "content/.obsidian/workspace.json": "{}",
        ])
        let result = site.build()
        #expect(result.succeeded)
        #expect(result.diagnostics.warnings.filter { $0.code != .rawHTML }.map(\.description) == [
            "content/notes/:1:1: warning: not read: content/notes/ is not a content folder (1 Markdown file in it) (playhub reads categories/, tags/, playbooks/, industries/, tools/, pages/)",
            "content/playbooks/Launch.MD:1:1: warning: not read: Markdown files must end in .md (rename it to Launch.md)",
            "content/tags/sub/extra.md:1:1: warning: not read: tag files must be directly in content/tags/ (move it to content/tags/extra.md)",
        ])
        #expect(result.summary.hasSuffix("; 4 warnings"), "\(result.summary)")
        // Files that are not Markdown are published beside the pages, hidden ones passed over.
        #expect(site.read("playbooks/growth/funnel.png") == "PNG")
        #expect(site.read("readme.txt") == "about this folder")
        #expect(!site.exists("notes/todo.md") && !site.exists(".obsidian/workspace.json"))
    }

    @Test func staticFilesAreCopiedHiddenOnesTooButNeverARepository() throws {
        let site = try SiteFixture(SmallHub.text, files: [
            "static/.nojekyll": "", "static/.htaccess": "Options -Indexes\n", "static/.well-known/security.txt": "Contact: x\n",
            "static/.git/config": "[core]\n",
        ])
        #expect(site.build().succeeded)
        #expect(site.read(".nojekyll") == "")
        #expect(site.read(".htaccess") == "Options -Indexes\n")
        #expect(site.read(".well-known/security.txt") == "Contact: x\n")
        #expect(!site.exists(".git"))
    }

    @Test func aStaticFileWhereAFolderOfPagesGoesIsAnErrorAndOneReplacingAPageAWarning() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let before = FolderState(site.output)
        try site.write("static/playbooks", "not a folder")
        let clash = site.build()
        #expect(clash.diagnostics.errors.map(\.description) == [
            "static/playbooks:1:1: error: the static file static/playbooks and the page /playbooks/hiring-loop/ cannot both be published: /playbooks would be a file and a folder (rename or move one of them)"])
        #expect(FolderState(site.output) == before)

        try site.remove("static/playbooks")
        try site.write("static/robots.txt", "User-agent: *\nDisallow: /private/\n")
        let replaced = site.build()
        #expect(replaced.succeeded)
        #expect(replaced.diagnostics.warnings.filter { $0.code != .rawHTML }.map(\.description) == [
            "static/robots.txt:1:1: warning: the static file static/robots.txt replaces the generated /robots.txt (rename the static file if the generated one should be published)"])
        #expect(site.read("robots.txt") == "User-agent: *\nDisallow: /private/\n")
    }

    @Test func aStaticFileThatCannotBeReadIsAnError() throws {
        let site = try SiteFixture(SmallHub.text, files: ["static/keep.txt": "keep"])
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("static/logo.svg").path,
                                                   withDestinationPath: "/nonexistent/logo.svg")
        #expect(site.build().diagnostics.errors.map(\.description) == [
            "static/logo.svg:1:1: error: symlink points at nothing (fix its target or remove the link)"])
    }

    @Test func aliasesThatReachAGeneratedPageOrFileAreErrors() throws {
        let aliases = ["/./", "/index.html", "//tags/", "/tags//", "/feed.xml", "/style.css", "/playbooks/seo-audit/index.html"]
        let playbook = "---\ntitle: \"Moved\"\ntags: [seo]\naliases:\n" + aliases.map { "  - \"\($0)\"\n" }.joined() + "---\n\nText.\n"
        let site = try SiteFixture(SmallHub.text, files: ["content/playbooks/moved.md": playbook])
        let result = site.build()
        let path = "content/playbooks/moved.md"
        #expect(result.diagnostics.errors.map(\.description) == [
            "\(path):5:5: error: alias '/./' is already the URL of a page (remove the alias or change it to an unused path)",
            "\(path):6:5: error: alias '/index.html' is already the URL of a page (remove the alias or change it to an unused path)",
            "\(path):7:5: error: alias '//tags/' is already the URL of a page (remove the alias or change it to an unused path)",
            "\(path):8:5: error: alias '/tags//' is already the URL of a page (remove the alias or change it to an unused path)",
            "\(path):9:5: error: alias '/feed.xml' of \(path) and the generated /feed.xml cannot both be published: /feed.xml would be a file and a folder (rename or move one of them)",
            "\(path):10:5: error: alias '/style.css' of \(path) and the theme's static file style.css cannot both be published: /style.css would be a file and a folder (rename or move one of them)",
            "\(path):11:5: error: alias '/playbooks/seo-audit/index.html' is already the URL of a page (remove the alias or change it to an unused path)",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
