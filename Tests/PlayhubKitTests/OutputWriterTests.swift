import Foundation
import Testing
@testable import PlayhubKit

/// Stage 8: the output folder ends up holding exactly the built files, and nothing outside it
/// is ever touched.
@Suite struct OutputWriterTests {
    /// A fresh temporary folder holding `public/` (the output) and `outside/` (must stay untouched).
    final class Sandbox {
        let root: URL
        var output: URL { root.appendingPathComponent("public") }
        var outside: URL { root.appendingPathComponent("outside") }
        let fm = FileManager.default

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("playhub-writer-\(UUID().uuidString)").resolvingSymlinksInPath()
            try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        @discardableResult
        func commit(_ files: [String: String]) throws -> OutputWriter.Report {
            try OutputWriter.commit(files.map { OutputFile(path: $0.key, data: Data($0.value.utf8)) }, to: output,
                                    site: root.appendingPathComponent("site"), jobs: 2)
        }

        func read(_ path: String, in folder: URL? = nil) -> String? {
            (try? Data(contentsOf: (folder ?? output).appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
        }

        func write(_ path: String, _ text: String, in folder: URL? = nil) throws {
            let url = (folder ?? output).appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func type(_ path: String) -> FileAttributeType? {
            (try? fm.attributesOfItem(atPath: output.appendingPathComponent(path).path))?[.type] as? FileAttributeType
        }

        func modified(_ path: String) throws -> Date? {
            try fm.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.modificationDate] as? Date
        }

        func setModified(_ path: String, _ date: Date) throws {
            try fm.setAttributes([.modificationDate: date], ofItemAtPath: output.appendingPathComponent(path).path)
        }

        /// Every file below `folder`, relative, sorted (symlinks listed, not followed), but for
        /// the writer's manifest.
        func files(in folder: URL? = nil) -> [String] {
            let base = folder ?? output
            var found: [String] = []
            func walk(_ url: URL, _ prefix: String) {
                for name in ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted() {
                    let child = url.appendingPathComponent(name)
                    let type = (try? fm.attributesOfItem(atPath: child.path))?[.type] as? FileAttributeType
                    if type == .typeDirectory { walk(child, prefix + name + "/") }
                    else if prefix + name != ".playhub-manifest" { found.append(prefix + name) }
                }
            }
            walk(base, "")
            return found
        }
    }

    private let longAgo = Date(timeIntervalSince1970: 1_000_000_000)

    // MARK: - Unchanged, changed, stale

    @Test func firstCommitWritesEveryFile() throws {
        let box = try Sandbox()
        let report = try box.commit(["index.html": "home", "playbooks/a/index.html": "a", "style.css": "css"])
        #expect(report == OutputWriter.Report(written: 3, unchanged: 0, removed: 0))
        #expect(box.files() == ["index.html", "playbooks/a/index.html", "style.css"])
        #expect(box.read("playbooks/a/index.html") == "a")
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let box = try Sandbox()
        try box.commit(["index.html": "home", "playbooks/a/index.html": "a"])
        try box.setModified("index.html", longAgo)
        try box.setModified("playbooks/a/index.html", longAgo)
        let report = try box.commit(["index.html": "home", "playbooks/a/index.html": "a"])
        #expect(report == OutputWriter.Report(written: 0, unchanged: 2, removed: 0))
        #expect(try box.modified("index.html") == longAgo)
        #expect(try box.modified("playbooks/a/index.html") == longAgo)
    }

    @Test func changedFilesAreRewritten() throws {
        let box = try Sandbox()
        try box.commit(["index.html": "home", "about/index.html": "about"])
        try box.setModified("index.html", longAgo)
        try box.setModified("about/index.html", longAgo)
        let report = try box.commit(["index.html": "home, changed", "about/index.html": "about"])
        #expect(report == OutputWriter.Report(written: 1, unchanged: 1, removed: 0))
        #expect(box.read("index.html") == "home, changed")
        #expect(try box.modified("index.html") != longAgo)
        #expect(try box.modified("about/index.html") == longAgo)
    }

    @Test func aFileThatOnlyGrewOrShrankIsRewritten() throws {
        let box = try Sandbox()
        try box.commit(["a.txt": "abc"])
        #expect(try box.commit(["a.txt": "abcd"]).written == 1)
        #expect(try box.commit(["a.txt": ""]).written == 1)
        #expect(box.read("a.txt") == "")
    }

    @Test func staleFilesAndThenEmptyFoldersAreRemovedButNothingElse() throws {
        let box = try Sandbox()
        try box.commit(["index.html": "home", "playbooks/a/index.html": "a", "playbooks/b/index.html": "b",
                        "tags/x/page/2/index.html": "x2"])
        try box.write("left-by-hand.txt", "?")
        try box.write("playbooks/c/notes.txt", "mine")
        var expected = OutputWriter.Report(written: 0, unchanged: 2, removed: 2)
        expected.foreign = 2
        #expect(try box.commit(["index.html": "home", "playbooks/b/index.html": "b"]) == expected)
        #expect(box.files() == ["index.html", "left-by-hand.txt", "playbooks/b/index.html", "playbooks/c/notes.txt"])
        #expect(!box.fm.fileExists(atPath: box.output.appendingPathComponent("playbooks/a").path))
        #expect(!box.fm.fileExists(atPath: box.output.appendingPathComponent("tags").path))
    }

    @Test func aStaleFileIsNeverRemovedThroughALinkedFolder() throws {
        let box = try Sandbox()
        try box.commit(["index.html": "home", "old/index.html": "old"])
        // Someone moved old/ away and put a link to a folder of theirs in its place.
        try box.write("index.html", "theirs", in: box.outside)
        try box.fm.removeItem(at: box.output.appendingPathComponent("old"))
        try box.fm.createSymbolicLink(at: box.output.appendingPathComponent("old"), withDestinationURL: box.outside)
        #expect(try box.commit(["index.html": "home"]).removed == 0)
        #expect(box.read("index.html", in: box.outside) == "theirs")
    }

    @Test func theManifestNamesTheSiteAndEveryFileAndRoundTripsOddNames() throws {
        let box = try Sandbox()
        try box.commit(["index.html": "home", "odd%name\tx.txt": "a", "line\nbreak.txt": "b"])
        let manifest = try #require(OutputManifest.load(in: box.output.path))
        #expect(manifest.site == box.root.appendingPathComponent("site").path)
        #expect(manifest.files.keys.sorted() == ["index.html", "line\nbreak.txt", "odd%name\tx.txt"])
        #expect(try box.commit(["index.html": "home"]).removed == 2)
    }

    @Test func aManifestNamingPathsOutsideTheFolderIsNotTrusted() throws {
        let box = try Sandbox()
        try box.write("victim.txt", "keep", in: box.outside)
        try box.write(".playhub-manifest", "playhub-manifest 1\nsite \(box.root.path)/site\n../outside/victim.txt\t4\t0\t0\n")
        #expect(OutputManifest.load(in: box.output.path) == nil)
        try box.commit(["index.html": "home"])
        #expect(box.read("victim.txt", in: box.outside) == "keep")
    }

    @Test func anEmptyBuildEmptiesTheFolderButKeepsIt() throws {
        let box = try Sandbox()
        try box.commit(["a/b/c.html": "c"])
        #expect(try box.commit([:]).removed == 1)
        #expect(box.type("") == .typeDirectory)
        #expect(box.files() == [])
    }

    @Test func aFileWhereAFolderIsNeededIsReplaced() throws {
        let box = try Sandbox()
        try box.commit(["tags": "was a file"])
        try box.commit(["tags/x/index.html": "x"])
        #expect(box.type("tags") == .typeDirectory)
        #expect(box.read("tags/x/index.html") == "x")
    }

    // MARK: - Links pointing outside

    @Test func aSymlinkedFolderIsReplacedNotWrittenThrough() throws {
        let box = try Sandbox()
        try box.write("keep.txt", "outside", in: box.outside)
        try box.fm.createDirectory(at: box.output, withIntermediateDirectories: true)
        try box.fm.createSymbolicLink(at: box.output.appendingPathComponent("playbooks"), withDestinationURL: box.outside)
        try box.commit(["playbooks/keep.txt": "inside", "playbooks/x/index.html": "x"])
        #expect(box.type("playbooks") == .typeDirectory)
        #expect(box.read("playbooks/keep.txt") == "inside")
        #expect(box.files(in: box.outside) == ["keep.txt"])
        #expect(box.read("keep.txt", in: box.outside) == "outside")
    }

    @Test func aSymlinkedFolderDeeperDownIsReplacedToo() throws {
        let box = try Sandbox()
        try box.commit(["tags/index.html": "tags"])
        try box.fm.createSymbolicLink(at: box.output.appendingPathComponent("tags/seo"), withDestinationURL: box.outside)
        try box.commit(["tags/index.html": "tags", "tags/seo/index.html": "seo"])
        #expect(box.type("tags/seo") == .typeDirectory)
        #expect(box.files(in: box.outside) == [])
    }

    @Test func aSymlinkedFileIsReplacedNotWrittenThrough() throws {
        let box = try Sandbox()
        try box.write("secret.txt", "secret", in: box.outside)
        try box.fm.createDirectory(at: box.output, withIntermediateDirectories: true)
        try box.fm.createSymbolicLink(at: box.output.appendingPathComponent("index.html"),
                                      withDestinationURL: box.outside.appendingPathComponent("secret.txt"))
        let report = try box.commit(["index.html": "home"])
        #expect(report.written == 1)
        #expect(box.type("index.html") == .typeRegular)
        #expect(box.read("index.html") == "home")
        #expect(box.read("secret.txt", in: box.outside) == "secret")
    }

    @Test func aSymlinkedFileWithTheSameBytesIsStillReplaced() throws {
        let box = try Sandbox()
        try box.write("same.txt", "home", in: box.outside)
        try box.fm.createDirectory(at: box.output, withIntermediateDirectories: true)
        try box.fm.createSymbolicLink(at: box.output.appendingPathComponent("index.html"),
                                      withDestinationURL: box.outside.appendingPathComponent("same.txt"))
        let report = try box.commit(["index.html": "home"])
        #expect(report.written == 1)
        #expect(box.type("index.html") == .typeRegular)
        #expect(box.read("same.txt", in: box.outside) == "home")
    }

    @Test func aSymlinkAtTheStagingNameIsNotWrittenThrough() throws {
        let box = try Sandbox()
        try box.write("target.txt", "outside", in: box.outside)
        try box.fm.createDirectory(at: box.output, withIntermediateDirectories: true)
        try box.fm.createSymbolicLink(at: box.output.appendingPathComponent(".playhub-staging"), withDestinationURL: box.outside)
        try box.commit(["index.html": "home"])
        #expect(box.files(in: box.outside) == ["target.txt"])
        #expect(box.read("target.txt", in: box.outside) == "outside")
        #expect(box.type("index.html") == .typeRegular)
        #expect(box.read("index.html") == "home")
        #expect(box.files() == ["index.html"])
    }

    @Test func linksPlayhubDidNotMakeStayAndTheirTargetsAreUntouched() throws {
        let box = try Sandbox()
        try box.write("a/file.txt", "outside", in: box.outside)
        try box.commit(["index.html": "home"])
        try box.fm.createSymbolicLink(at: box.output.appendingPathComponent("linked-folder"),
                                      withDestinationURL: box.outside.appendingPathComponent("a"))
        try box.fm.createSymbolicLink(at: box.output.appendingPathComponent("linked-file.txt"),
                                      withDestinationURL: box.outside.appendingPathComponent("a/file.txt"))
        let report = try box.commit(["index.html": "home"])
        #expect(report.removed == 0)
        #expect(report.foreign == 2)
        #expect(box.files() == ["index.html", "linked-file.txt", "linked-folder"])
        #expect(box.files(in: box.outside) == ["a/file.txt"])
        #expect(box.read("a/file.txt", in: box.outside) == "outside")
    }

    // MARK: - Refused output folders

    private func guardCheck(_ output: URL, site: URL, config: SiteConfig = SiteConfig(title: "T", baseURL: "https://example.org/")) -> Diagnostic? {
        OutputGuard.check(output: output, siteDir: site, config: config)
    }

    @Test func refusesTheRootAndTheHomeFolder() throws {
        let box = try Sandbox()
        let site = box.root.appendingPathComponent("site")
        let root = try #require(guardCheck(URL(fileURLWithPath: "/"), site: site))
        #expect(root.code == .unsafeOutput)
        #expect(root.location == nil)
        #expect(root.message == "refusing to write to output folder '/': it is the file system root")
        #expect(guardCheck(URL(fileURLWithPath: "/tmp/.."), site: site)?.message.hasSuffix("it is the file system root") == true)
        let home = FileManager.default.homeDirectoryForCurrentUser
        #expect(guardCheck(home, site: site)?.message.hasSuffix("it is the home folder") == true)
    }

    @Test func refusesTheSiteFolderAndItsParents() throws {
        let box = try Sandbox()
        let site = box.root.appendingPathComponent("projects/site")
        try box.fm.createDirectory(at: site, withIntermediateDirectories: true)
        #expect(guardCheck(site, site: site)?.message.hasSuffix("it is the site folder") == true)
        #expect(guardCheck(site.appendingPathComponent("."), site: site)?.message.hasSuffix("it is the site folder") == true)
        #expect(guardCheck(box.root.appendingPathComponent("projects"), site: site)?.message.hasSuffix("it contains the site folder") == true)
        #expect(guardCheck(box.root, site: site)?.message.hasSuffix("it contains the site folder") == true)
    }

    @Test func refusesFoldersInsideTheSources() throws {
        let box = try Sandbox()
        let site = box.root.appendingPathComponent("site")
        for folder in ["content", "content/public", "themes/default", "static", "templates"] {
            let refusal = guardCheck(site.appendingPathComponent(folder), site: site)
            #expect(refusal?.code == .unsafeOutput, "\(folder)")
        }
        #expect(guardCheck(site.appendingPathComponent("content/out"), site: site)?.message
            == "refusing to write to output folder '\(site.path)/content/out': it is inside the site's content/ folder")
        var config = SiteConfig(title: "T", baseURL: "https://example.org/")
        config.contentDir = "docs"
        #expect(guardCheck(site.appendingPathComponent("docs/out"), site: site, config: config)?.message.hasSuffix("inside the site's docs/ folder") == true)
    }

    @Test func refusesAPathThatReachesTheSiteThroughASymlink() throws {
        let box = try Sandbox()
        let site = box.root.appendingPathComponent("site")
        try box.fm.createDirectory(at: site, withIntermediateDirectories: true)
        let link = box.root.appendingPathComponent("link-to-site")
        try box.fm.createSymbolicLink(at: link, withDestinationURL: site)
        #expect(guardCheck(link, site: site)?.message.hasSuffix("it is the site folder") == true)
    }

    @Test func acceptsADedicatedFolder() throws {
        let box = try Sandbox()
        let site = box.root.appendingPathComponent("site")
        #expect(guardCheck(site.appendingPathComponent("public"), site: site) == nil)
        #expect(guardCheck(site.appendingPathComponent("build/www"), site: site) == nil)
        #expect(guardCheck(box.root.appendingPathComponent("site-public"), site: site) == nil) // a sibling sharing a prefix
        #expect(guardCheck(site.appendingPathComponent("contents"), site: site) == nil)
    }
}
