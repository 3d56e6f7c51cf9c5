/// What a `Range` header asks of a file (RFC 9110 §14): video and audio players, PDF viewers
/// and resumed downloads ask for part of a file, and get 206 with just that part.
///
/// One range is served as asked; several ranges (`bytes=0-1,5-6`) get the whole file, which
/// the RFC allows, so the server never has to write multipart bodies. A header that is not
/// a valid byte range is ignored, as the RFC says, and the whole file is sent.
enum ByteRange: Equatable {
    /// No range, or one the server ignores: 200 with every byte.
    case whole
    /// 206 with these bytes (offsets inclusive, inside the file).
    case part(ClosedRange<Int>)
    /// 416: a valid range that starts past the end of the file (or asks for its last 0 bytes).
    case unsatisfiable

    /// The range `header` asks of a file of `size` bytes. `ifRange`, when sent, must be the
    /// file's current entity tag, else the client's partial copy is stale and gets it whole.
    static func requested(_ header: String?, size: Int, ifRange: String? = nil, etag: String? = nil) -> ByteRange {
        guard let header else { return .whole }
        if let ifRange, ifRange.trimmingCharacters(in: .whitespaces) != etag { return .whole }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)

        if first.isEmpty {
            // `bytes=-n`: the last n bytes.
            guard let count = digits(last) else { return .whole }
            guard count > 0, size > 0 else { return .unsatisfiable }
            return .part(max(0, size - count)...(size - 1))
        }
        guard let start = digits(first) else { return .whole }
        let end: Int
        if last.isEmpty {
            end = Int.max   // `bytes=a-`: from a to the end
        } else {
            guard let value = digits(last), value >= start else { return .whole }
            end = value
        }
        guard start < size else { return .unsatisfiable }
        return .part(start...min(end, size - 1))
    }

    /// A non-negative decimal number; nil for anything else (signs, spaces, overflow).
    private static func digits(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text) ?? Int.max   // too many digits still means "past any end"
    }
}
