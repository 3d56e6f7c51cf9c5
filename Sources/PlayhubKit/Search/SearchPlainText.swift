/// The words of a rendered body for the search index: tags dropped, character references
/// decoded (`&#233;`) or, when named (`&amp;`, which cmark writes only for punctuation),
/// turned into a space. It works on the UTF-8 bytes: every body of the hub passes through it.
enum SearchPlainText {
    static func of(html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var at = 0
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "<") {
                    while at < bytes.count, bytes[at] != UInt8(ascii: ">") { at += 1 }
                    at += 1
                    out.append(UInt8(ascii: " "))
                } else if byte == UInt8(ascii: "&") {
                    var end = at + 1
                    while end < bytes.count, end - at <= 12, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "<"),
                          bytes[end] != UInt8(ascii: "&") { end += 1 }
                    guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
                        out.append(UInt8(ascii: " "))
                        at += 1
                        continue
                    }
                    if let scalar = decode(UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end])) {
                        out.append(contentsOf: String(scalar).utf8)
                    } else {
                        out.append(UInt8(ascii: " "))
                    }
                    at = end + 1
                } else {
                    out.append(byte)
                    at += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `#233` or `#xE9`; a named reference is nil.
    private static func decode(_ reference: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard reference.first == UInt8(ascii: "#") else { return nil }
        let digits = reference.dropFirst()
        let hex = digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X")
        let text = String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self)
        return UInt32(text, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init)
    }
}
