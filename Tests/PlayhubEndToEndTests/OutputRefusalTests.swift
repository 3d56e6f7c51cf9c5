import Foundation
import Testing
@testable import PlayhubKit
@testable import PlayhubCLI

/// SPEC §6: output folders a build refuses (exit 2, one line), each leaving every file of the
/// site and of the folder it was pointed at exactly as it was.
@Suite struct OutputRefusalTests {
    func run(_ arguments: [String]) -> (status: Int32, err: String) {
        let err = Buffer()
        let console = Console { text, isError in if isError { err.append(text + "\n") } }
        return (Playhub.run(arguments, output: console), err.text)
    }

    /// Runs `playhub build --source <site> --output <output>` and checks the refusal and that
    /// nothing changed under `watched`.
    func expectRefused(_ site: SiteFixture, output: String, because why: String, watching watched: URL,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let before = FolderState(watched)
        let (status, err) = run(["build", "--source", site.root.path, "--output", output])
        #expect(status == 2, sourceLocation: sourceLocation)
        let site = site.root.resolvingSymlinksInPath().path
        let shown = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: site + "/")).standardizedFileURL.path
        let hint = shown == site + "/public" ? "choose a dedicated folder with --output" : "choose a dedicated folder such as \(site)/public"
        #expect(err == "error: refusing to write to output folder '\(shown)': \(why) (\(hint))\n1 error; nothing was written\n",
                sourceLocation: sourceLocation)
        #expect(FolderState(watched) == before, sourceLocation: sourceLocation)
    }

    @Test func anotherHubsFolderIsRefused() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-hubs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = try SiteFixture(SmallHub.text)
        let other = try SiteFixture(SmallHub.text)
        #expect(other.build().succeeded)
        expectRefused(site, output: other.root.path, because: "it holds a site.json of its own, so it looks like another hub's folder",
                      watching: other.root)
        try other.remove("site.json")
        expectRefused(site, output: other.root.path, because: "it holds a content of its own, so it looks like another hub's folder",
                      watching: other.root)
    }

    @Test func aContentFolderThisSitePublishedIsNotAnotherHub() throws {
        let site = try SiteFixture(SmallHub.text, files: ["static/content/logo.svg": "<svg/>", "static/site.json": "{}"])
        #expect(site.build().succeeded)
        #expect(site.build().succeeded) // public/content/ and public/site.json are this site's own
        #expect(site.read("content/logo.svg") == "<svg/>")
    }

    @Test func aFolderInsideAGitRepositoryFolderIsRefused() throws {
        let site = try SiteFixture(SmallHub.text, files: [".git/HEAD": "ref: refs/heads/main\n", ".git/objects/ab/cd": "x"])
        let git = site.root.appendingPathComponent(".git")
        expectRefused(site, output: ".git", because: "it is inside a .git folder", watching: site.root)
        expectRefused(site, output: ".git/objects", because: "it is inside a .git folder", watching: git)
    }

    @Test func aFolderHoldingTheContentIsRefusedAlsoThroughALink() throws {
        let moved = SmallHub.text.replacingOccurrences(of: "\"paginate\": 2,", with: "\"paginate\": 2, \"contentDir\": \"public/content\",")
            .replacingOccurrences(of: "-- content/", with: "-- public/content/")
        let site = try SiteFixture(moved)
        expectRefused(site, output: "public", because: "it contains the site's public/content/ folder (\(site.root.resolvingSymlinksInPath().path)/public/content)",
                      watching: site.root)

        // content/ is a link to a folder inside the output.
        let linked = try SiteFixture(SmallHub.text)
        try FileManager.default.moveItem(at: linked.root.appendingPathComponent("content"), to: linked.root.appendingPathComponent("out-src"))
        try FileManager.default.createDirectory(at: linked.root.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: linked.root.appendingPathComponent("out-src"), to: linked.root.appendingPathComponent("out/src"))
        try FileManager.default.createSymbolicLink(at: linked.root.appendingPathComponent("content"),
                                                   withDestinationURL: linked.root.appendingPathComponent("out/src"))
        expectRefused(linked, output: "out", because: "it contains the site's content/ folder (\(linked.root.resolvingSymlinksInPath().path)/out/src)",
                      watching: linked.root)
    }

    @Test func aFolderThatIsAFileIsRefused() throws {
        let site = try SiteFixture(SmallHub.text, files: ["notes.txt": "mine"])
        expectRefused(site, output: "notes.txt", because: "it is a file, not a folder", watching: site.root)
    }

    @Test func aFolderHoldingAHomeFolderIsRefused() throws {
        let site = try SiteFixture(SmallHub.text)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-homes-\(UUID().uuidString)")
        let config = SiteConfig(title: "Hub", baseURL: "https://example.org/")
        let refusal = OutputGuard.check(output: base, siteDir: site.root, config: config, homes: [base.path + "/users/ann"])
        #expect(refusal?.message == "refusing to write to output folder '\(base.path)': it contains the home folder \(base.path)/users/ann")
        #expect(OutputGuard.check(output: base.appendingPathComponent("users/ann"), siteDir: site.root, config: config,
                                  homes: [base.path + "/users/ann"])?.message.hasSuffix("it is the home folder") == true)
        #expect(OutputGuard.check(output: base.appendingPathComponent("www"), siteDir: site.root, config: config,
                                  homes: [base.path + "/users/ann"]) == nil)
        // $HOME and the account's home are both protected.
        #expect(OutputGuard.homeFolders().contains(OutputGuard.resolved(String(cString: getpwuid(geteuid())!.pointee.pw_dir))))
    }
}

/// Collects what a command prints, from any thread.
final class Buffer: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""
    func append(_ text: String) { lock.lock(); value += text; lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return value }
}
