import Foundation
import Hummingbird
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of the output that is not a page, opened once and sent in chunks (SPEC §6: the
/// preview streams files), so a 2 GB video costs one chunk of memory, not 2 GB.
///
/// Size, time and inode come from the open descriptor, and so do the bytes sent: a rebuild
/// renames each new file over its path, and a request already under way keeps reading the
/// file it started with, so its `ETag`, `Content-Length` and body always agree. (Hummingbird's
/// `FileIO` opens the path again when the body is written, after the headers went out.)
/// Reads run on Dispatch's threads, never on NIO's event loops or the concurrency pool.
final class StreamedFile: Sendable {
    /// The chunk read and written at a time: the most memory one download holds.
    static let chunkSize = 128 * 1024

    private let descriptor: Int32
    let size: Int
    /// From inode, size and modification time: any rebuild that changes the file changes it,
    /// without reading the file to hash it.
    let etag: String

    /// Opens the regular file at `path` (already resolved by `SafePath`); nil when it is gone.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        descriptor = fd
        size = Int(info.st_size)
        #if canImport(Glibc)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        etag = ETag.ofFile(inode: UInt64(info.st_ino), size: size,
                           modifiedNanoseconds: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec))
    }

    deinit { close(descriptor) }

    /// The bytes of `range` as a body that reads one chunk, writes it, then reads the next,
    /// so a slow client holds one chunk at most. The body keeps the file open until written.
    func body(_ range: Range<Int>) -> ResponseBody {
        ResponseBody(contentLength: range.count) { writer in
            var offset = range.lowerBound
            while offset < range.upperBound {
                let chunk = try await self.read(at: offset, count: min(Self.chunkSize, range.upperBound - offset))
                offset += chunk.readableBytes
                try await writer.write(chunk)
            }
            try await writer.finish(nil)
        }
    }

    struct ReadFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Up to `count` bytes at `offset`. The output writer never shortens a file in place, so
    /// an early end means something else did: the response stops rather than send less than
    /// its `Content-Length` promised.
    private func read(at offset: Int, count: Int) async throws -> ByteBuffer {
        let fd = descriptor
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                var buffer = ByteBufferAllocator().buffer(capacity: count)
                var failure: Int32 = 0
                let read = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { raw -> Int in
                    while true {
                        let n = pread(fd, raw.baseAddress, count, off_t(offset))
                        if n >= 0 { return n }
                        if errno != EINTR { failure = errno; return 0 }
                    }
                }
                if failure != 0 {
                    continuation.resume(throwing: ReadFailure(description: "read failed: \(String(cString: strerror(failure)))"))
                } else if read == 0 {
                    continuation.resume(throwing: ReadFailure(description: "the file ended at byte \(offset) of \(self.size)"))
                } else {
                    continuation.resume(returning: buffer)
                }
            }
        }
    }
}
