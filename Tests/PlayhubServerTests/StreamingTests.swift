import Foundation
import Hummingbird
import Testing
@testable import PlayhubServer

/// Files that are not pages are streamed from disk, never read whole (SPEC §6), with their
/// length, a tag from `stat`, and single byte ranges answered with 206.
@Suite(.serialized, .timeLimit(.minutes(3))) struct StreamingTests {
    /// 1,024 bytes that are all different from their neighbours: 0, 1, … 255, four times.
    static let bytes = Data((0..<1024).map { UInt8($0 % 256) })

    static func addFiles(_ site: TempSite) throws {
        try bytes.write(to: site.root.appendingPathComponent("static/bytes.bin"))
        try Data().write(to: site.root.appendingPathComponent("static/empty.txt"))
    }

    @Test func filesCarryTheirLengthATagAndAcceptRanges() async throws {
        try await withServer(prepare: Self.addFiles) { hub in
            let file = try await hub.get("/bytes.bin")
            #expect(file.status == 200)
            #expect(file.body == Self.bytes)
            #expect(file.headers["content-length"] == "1024")
            #expect(file.headers["accept-ranges"] == "bytes")
            #expect(file.headers["content-type"] == "application/octet-stream")
            let etag = try #require(file.headers["etag"])
            #expect(etag != ETag.of(Self.bytes), "a streamed file's tag comes from stat, not from its bytes")
            #expect(try await hub.get("/bytes.bin", headers: ["If-None-Match": etag]).status == 304)

            let head = try await hub.get("/bytes.bin", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == "1024")
            #expect(head.headers["etag"] == etag)

            let empty = try await hub.get("/empty.txt")
            #expect(empty.status == 200)
            #expect(empty.headers["content-length"] == "0")
            #expect(empty.body.isEmpty)

            // Pages get the script put in, so they are read whole and ranges are not offered.
            let page = try await hub.get("/playbooks/seo-audit/")
            #expect(page.headers["accept-ranges"] == nil)
            #expect(page.headers["content-length"] == String(page.body.count))
        }
    }

    @Test func aSingleRangeGets206() async throws {
        try await withServer(prepare: Self.addFiles) { hub in
            let cases: [(header: String, range: ClosedRange<Int>)] = [
                ("bytes=0-9", 0...9), ("bytes=1000-", 1000...1023), ("bytes=-24", 1000...1023),
                ("bytes=1020-5000", 1020...1023), ("bytes=-5000", 0...1023), ("bytes=5-5", 5...5),
            ]
            for (header, range) in cases {
                let response = try await hub.get("/bytes.bin", headers: ["Range": header])
                #expect(response.status == 206, "\(header)")
                #expect(response.headers["content-range"] == "bytes \(range.lowerBound)-\(range.upperBound)/1024", "\(header)")
                #expect(response.headers["content-length"] == String(range.count), "\(header)")
                #expect(response.body == Self.bytes[range], "\(header)")
            }
            let head = try await hub.get("/bytes.bin", method: "HEAD", headers: ["Range": "bytes=0-9"])
            #expect(head.status == 206)
            #expect(head.headers["content-length"] == "10")
        }
    }

    @Test func rangesPastTheEndGet416AndOthersTheWholeFile() async throws {
        try await withServer(prepare: Self.addFiles) { hub in
            for header in ["bytes=1024-", "bytes=5000-6000", "bytes=-0"] {
                let response = try await hub.get("/bytes.bin", headers: ["Range": header])
                #expect(response.status == 416, "\(header)")
                #expect(response.headers["content-range"] == "bytes */1024", "\(header)")
                #expect(response.body.isEmpty, "\(header)")
            }
            #expect(try await hub.get("/empty.txt", headers: ["Range": "bytes=0-"]).headers["content-range"] == "bytes */0")
            // Several ranges, a range that is not one, another unit: the whole file, 200.
            for header in ["bytes=0-1,5-6", "bytes=9-2", "bytes=a-b", "bytes=-", "items=0-1", "bytes=+1-2"] {
                let response = try await hub.get("/bytes.bin", headers: ["Range": header])
                #expect(response.status == 200, "\(header)")
                #expect(response.body == Self.bytes, "\(header)")
            }
            // If-Range: the current tag gets the part, any other the whole (changed) file.
            let etag = try #require(try await hub.get("/bytes.bin").headers["etag"])
            #expect(try await hub.get("/bytes.bin", headers: ["Range": "bytes=0-9", "If-Range": etag]).status == 206)
            #expect(try await hub.get("/bytes.bin", headers: ["Range": "bytes=0-9", "If-Range": "\"stale\""]).status == 200)
            // Pages ignore Range; the 404 page stays a 404.
            #expect(try await hub.get("/playbooks/seo-audit/", headers: ["Range": "bytes=0-9"]).status == 200)
            #expect(try await hub.get("/missing.bin", headers: ["Range": "bytes=0-9"]).status == 404)
        }
    }

    @Test func aDownloadUnderWayKeepsItsFileWhenARebuildReplacesIt() async throws {
        let big = Data(repeating: UInt8(ascii: "x"), count: 8 << 20)
        try await withServer(prepare: { site in
            try big.write(to: site.root.appendingPathComponent("static/big.bin"))
        }) { hub in
            let path = hub.output.appendingPathComponent("big.bin")
            let received = try await offPool { () throws -> Data in
                let socket = try Socket(port: hub.port, timeout: 10)
                try socket.send("GET /big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                var data = try socket.receive() ?? Data()
                // As the output writer does: a new file under a temporary name, renamed over it.
                let temporary = path.deletingLastPathComponent().appendingPathComponent(".big.bin.playhub-tmp")
                try Data(repeating: UInt8(ascii: "y"), count: 1024).write(to: temporary)
                guard rename(temporary.path, path.path) == 0 else { throw RawHTTP.Failure(description: "rename failed") }
                while let chunk = try socket.receive() { data.append(chunk) }
                return data
            }
            let response = try RawHTTP.parse(received, head: false)
            #expect(response.status == 200)
            #expect(response.headers["content-length"] == String(big.count))
            #expect(response.body.count == big.count)
            #expect(!response.body.contains(UInt8(ascii: "y")), "bytes of the new file got into the old download")
            // The next request gets the new file.
            #expect(try await hub.get("/big.bin").body.count == 1024)
        }
    }
}

/// The streamed body itself: chunk by chunk, never more than one chunk at a time.
@Suite struct StreamedFileTests {
    /// Collects what a response body writes, chunk by chunk.
    struct Collector: ResponseBodyWriter {
        let chunks: Locked<[ByteBuffer]>
        let finished: Locked<Bool>
        mutating func write(_ buffer: ByteBuffer) async throws { chunks.withLock { $0.append(buffer) } }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws { finished.withLock { $0 = true } }
    }

    @Test func aBodyIsWrittenInBoundedChunks() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("playhub-streamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Data((0..<(3 * StreamedFile.chunkSize + 5)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let url = folder.appendingPathComponent("file.bin")
        try data.write(to: url)
        let file = try #require(StreamedFile(path: url.path))
        #expect(file.size == data.count)

        for range in [0..<data.count, 7..<(StreamedFile.chunkSize + 9), (data.count - 3)..<data.count] {
            let collector = Collector(chunks: Locked([]), finished: Locked(false))
            let body = file.body(range)
            #expect(body.contentLength == range.count)
            try await body.write(collector)
            let chunks = collector.chunks.current
            #expect(chunks.allSatisfy { $0.readableBytes <= StreamedFile.chunkSize && $0.readableBytes > 0 })
            #expect(chunks.count == (range.count + StreamedFile.chunkSize - 1) / StreamedFile.chunkSize)
            #expect(Data(chunks.flatMap { $0.readableBytesView }) == data[range])
            #expect(collector.finished.current)
        }
        #expect(StreamedFile(path: folder.path) == nil, "a folder is not a file")
        #expect(StreamedFile(path: folder.appendingPathComponent("missing").path) == nil)
    }
}
