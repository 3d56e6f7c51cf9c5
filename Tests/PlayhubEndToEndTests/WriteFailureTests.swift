import Foundation
import Testing
@testable import PlayhubKit
@testable import PlayhubCLI

/// SPEC §6: a write that fails (disk full, a name too long) leaves the previous site complete
/// and says which path failed and why; a second build on the same output refuses, naming the
/// first.
@Suite struct WriteFailureTests {
    /// A small tmpfs of our own, where the disk can really fill up; nil where mounting is not
    /// allowed (not root, or no mount rights in this sandbox).
    final class SmallDisk {
        let folder: URL
        init?(kilobytes: Int) {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-disk-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard geteuid() == 0, Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path]) else {
                try? FileManager.default.removeItem(at: folder)
                return nil
            }
        }
        deinit {
            _ = Self.run("/bin/umount", [folder.path])
            try? FileManager.default.removeItem(at: folder)
        }
        static func run(_ tool: String, _ arguments: [String]) -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        static let available: Bool = SmallDisk(kilobytes: 64) != nil
    }

    /// Pages are staged as they are rendered; an error found after that (a broken link where
    /// site.json makes it one) must still leave the previous site exactly as it was, with no
    /// staged page anywhere, on the disk cache's path and without a cache alike.
    @Test(arguments: [true, false]) func anErrorAfterRenderingLeavesThePreviousSiteUntouched(cached: Bool) throws {
        let site = try SiteFixture(SmallHub.text, files: ["site.json": #"{"title": "Test Hub", "baseURL": "https://example.org/", "paginate": 2, "brokenLinks": "error"}"#])
        func build() -> BuildResult {
            var options = BuildOptions(siteDir: site.root, jobs: 2)
            options.persistentCache = cached
            return Builder.build(options)
        }
        #expect(build().succeeded)
        let before = FolderState(site.output)
        // A new title (every list re-renders) and a link to a page that does not exist.
        try site.write("content/playbooks/price-test.md", SmallHub.priceTest(body: "See [the plan](/playbooks/no-such-plan/).")
            .replacingOccurrences(of: "\"Price Test\"", with: "\"Price Experiment\""))
        let failed = build()
        #expect(failed.diagnostics.errors.map(\.code) == [.brokenLink], "\(failed.diagnostics)")
        #expect(failed.writeReport == nil)
        #expect(FolderState(site.output) == before)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".playhub-staging").path))
    }

    @Test(.enabled(if: SmallDisk.available, "needs root to mount a small tmpfs"))
    func aFullDiskLeavesThePreviousSiteCompleteAndNamesTheFile() throws {
        let disk = try #require(SmallDisk(kilobytes: 1024))
        let site = try SiteFixture(SmallHub.text)
        let output = disk.folder.appendingPathComponent("public")
        #expect(site.build(output: output.path).succeeded)
        let before = FolderState(output)
        try site.write("content/playbooks/price-test.md", SmallHub.priceTest(body: "Changed on the full disk."))
        try site.write("static/video.bin", String(repeating: "x", count: 2 * 1024 * 1024))
        let result = site.build(output: output.path)
        #expect(!result.succeeded)
        #expect(result.diagnostics.errors.map(\.code) == [.writeFailed])
        let message = try #require(result.diagnostics.errors.first?.message)
        #expect(message.hasPrefix("cannot write \(output.path)/"), "\(message)")
        #expect(message.hasSuffix(": No space left on device"), "\(message)")
        #expect(FolderState(output) == before) // no page changed, no staging folder left
    }

    @Test(.enabled(if: SmallDisk.available, "needs root to mount a small tmpfs"))
    func aFirstBuildThatFillsTheDiskLeavesNoFolderBehind() throws {
        let disk = try #require(SmallDisk(kilobytes: 256))
        let site = try SiteFixture(SmallHub.text, files: ["static/video.bin": String(repeating: "x", count: 512 * 1024)])
        let output = disk.folder.appendingPathComponent("public")
        let result = site.build(output: output.path)
        #expect(result.diagnostics.errors.map(\.hint) == ["nothing was left in the output folder"])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aNameTooLongFailsWithItsPathAndTheSiteStays() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let before = FolderState(site.output)
        let long = String(repeating: "a", count: 300)
        try site.write("content/playbooks/price-test.md", SmallHub.priceTest(body: "Moved.").replacingOccurrences(
            of: "tags:", with: "aliases: [\"/\(long)/\"]\ntags:"))
        let result = site.build()
        #expect(result.diagnostics.errors.map(\.description) == [
            "error: cannot write public/\(long): File name too long (the previous site in the output folder was left as it was)"])
        let after = FolderState(site.output)
        #expect(after.entries.filter { before.entries[$0.key] != nil } == before.entries) // every file as it was
        #expect(after.paths.allSatisfy { before.entries[$0] != nil || $0.hasSuffix("/") }) // at most new empty folders
    }

    @Test func aSecondBuildOnTheSameOutputRefusesAndNamesTheFirst() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let before = FolderState(site.output)
        var lock: OutputLock? = try OutputLock.acquire(site.output)
        let result = site.build()
        #expect(result.diagnostics.items.map(\.description) == [
            "error: another playhub build (pid \(getpid())) is writing to '\(site.output.path)' (wait for it to finish, or build into another folder with --output)"])
        #expect(result.diagnostics.items.map(\.code) == [.outputLocked])
        #expect(FolderState(site.output) == before)
        lock = nil
        _ = lock
        #expect(site.build().succeeded)
    }

    @Test func theCommandLineExitsWithOneWhileAnotherBuildHoldsTheFolder() throws {
        let site = try SiteFixture(SmallHub.text)
        #expect(site.build().succeeded)
        let before = FolderState(site.root)
        let lock = try OutputLock.acquire(site.output)
        let err = Buffer()
        let status = Playhub.run(["build", "--source", site.root.path],
                                 output: Console { text, isError in if isError { err.append(text + "\n") } })
        #expect(status == 1)
        #expect(err.text == "error: another playhub build (pid \(getpid())) is writing to '\(site.output.path)' (wait for it to finish, or build into another folder with --output)\n1 error; nothing was written\n")
        #expect(FolderState(site.root) == before) // sources and output alike
        withExtendedLifetime(lock) {}
    }

    @Test func concurrentBuildsNeverMixTheirOutputs() async throws {
        let site = try SiteFixture(SmallHub.text)
        let other = SmallHub.text.replacingOccurrences(of: "Test Hub", with: "Other Title")
        let twin = try SiteFixture(other)
        let output = site.output.path
        // Two sites race for one folder; whichever wins, the folder is one whole build.
        async let first = Task.detached { site.build(output: output) }.value
        async let second = Task.detached { twin.build(output: output) }.value
        let results = await [first, second]
        for result in results where !result.succeeded {
            #expect(result.diagnostics.errors.map(\.code).allSatisfy { $0 == .outputLocked }, "\(result.diagnostics)")
        }
        #expect(results.contains { $0.succeeded })
        let pages = site.outputFiles().filter { $0.hasSuffix(".html") }.compactMap { site.read($0) }
        let fromOne = pages.filter { $0.contains("Test Hub") }.count, fromTwin = pages.filter { $0.contains("Other Title") }.count
        #expect(fromOne + fromTwin > 10)
        #expect(fromOne == 0 || fromTwin == 0, "pages of both builds are mixed: \(fromOne) and \(fromTwin)")
    }
}
