import Foundation
import Testing
@testable import PlayhubServer

/// Nothing outside the output folder is ever served (SPEC §6): `..` in any spelling gets 400,
/// and a symlink that leads out gets 404; the secret's bytes never appear in a response.
@Suite(.serialized, .timeLimit(.minutes(2))) struct TraversalTests {
    static let secret = "TOP-SECRET-\(UUID().uuidString)"

    /// Secrets in the site folder and next to it, which also holds the server's private build
    /// folder (so `../secret.txt` from inside the build leads to one); links out are planted
    /// by the tests.
    func plantSecrets(_ site: TempSite) throws {
        try Data(Self.secret.utf8).write(to: site.root.appendingPathComponent("secret.txt"))
        try Data(Self.secret.utf8).write(to: site.base.appendingPathComponent("secret.txt"))
        let outside = site.base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(Self.secret.utf8).write(to: outside.appendingPathComponent("index.html"))
        try Data(Self.secret.utf8).write(to: outside.appendingPathComponent("secret.txt"))
    }

    @Test func dotDotInAnySpellingIsRefused() async throws {
        try await withServer { hub in
            try plantSecrets(hub.site)
            let attempts = [
                "/../secret.txt", "/../../secret.txt", "/playbooks/../../secret.txt",
                "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
                "/..%2fsecret.txt", "/..%2F..%2Fsecret.txt", "/.%2e/secret.txt", "/playbooks/%2e%2e/%2e%2e/secret.txt",
                "/..\\secret.txt", "/%5c..%5csecret.txt", "/./secret.txt", "/%00/secret.txt",
            ]
            for path in attempts {
                let response = try await hub.get(path)
                #expect([400, 404].contains(response.status), "\(path): \(response.status)")
                #expect(!response.text.contains(Self.secret), "\(path) leaked the secret")
            }
            #expect(try await hub.get("/%2e%2e/secret.txt").status == 400)
            // An absolute path is still inside the output folder.
            #expect(try await hub.get("//etc/passwd").status == 404)
            #expect(!(try await hub.get("//etc/passwd").text.contains("root:")))
        }
    }

    @Test func symlinksThatLeadOutAreNotFollowed() async throws {
        try await withServer { hub in
            try plantSecrets(hub.site)
            let output = hub.output
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: output.appendingPathComponent("leak.txt").path,
                                      withDestinationPath: hub.site.base.appendingPathComponent("secret.txt").path)
            try fm.createSymbolicLink(atPath: output.appendingPathComponent("leakdir").path,
                                      withDestinationPath: hub.site.base.appendingPathComponent("outside").path)
            try fm.createSymbolicLink(atPath: output.appendingPathComponent("relative.txt").path,
                                      withDestinationPath: "../secret.txt")
            for path in ["/leak.txt", "/leakdir/", "/leakdir/secret.txt", "/leakdir", "/relative.txt"] {
                let response = try await hub.get(path)
                #expect(response.status == 404, "\(path): \(response.status)")
                #expect(!response.text.contains(Self.secret), "\(path) leaked the secret")
            }
            // A link that stays inside the output folder is fine.
            try fm.createSymbolicLink(atPath: output.appendingPathComponent("alias.css").path, withDestinationPath: "extra.css")
            let inside = try await hub.get("/alias.css")
            #expect(inside.status == 200)
            #expect(inside.text == "body { color: #222; }\n")
        }
    }
}
