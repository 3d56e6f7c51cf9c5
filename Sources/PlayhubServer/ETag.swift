import Foundation

/// Entity tags for `If-None-Match` and `If-Range`. A page's tag is a hash of the bytes
/// actually served (after the live-reload script and any error overlay went in), so a page
/// whose overlay came or went is never answered with a stale 304. Every other file is
/// streamed, never read whole, so its tag comes from what `stat` says about it.
enum ETag {
    /// A strong tag: 64-bit FNV-1a of the bytes plus their length, quoted.
    static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\"\(String(hash, radix: 16))-\(String(data.count, radix: 16))\""
    }

    /// A strong tag from a file's inode, size and modification time (to the nanosecond). The
    /// output writer writes a new file and renames it over the old one whenever the bytes
    /// change, so a changed file has a new modification time and, mostly, a new inode.
    static func ofFile(inode: UInt64, size: Int, modifiedNanoseconds: Int64) -> String {
        "\"\(String(inode, radix: 16))-\(String(size, radix: 16))-\(String(UInt64(bitPattern: modifiedNanoseconds), radix: 16))\""
    }

    /// RFC 9110 §13.1.2: `*`, or any listed tag equal to ours; weak comparison, so `W/` is ignored.
    static func matches(_ header: String?, _ etag: String) -> Bool {
        guard let header else { return false }
        let ours = weakless(etag)
        for candidate in header.split(separator: ",") {
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" || weakless(tag) == ours { return true }
        }
        return false
    }

    private static func weakless(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
