/// Characters that must never reach a page, the feed or the sitemap: those XML 1.0 forbids
/// (C0 controls other than tab, LF and CR, and U+FFFE, U+FFFF) and those HTML forbids in
/// text as well (DEL, the C1 controls and the other noncharacters). Content, config and
/// templates that hold one are errors at its place.
public enum ForbiddenCharacter {
    /// XML 1.0 `Char` excludes it.
    static func isXMLForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }

    /// XML or HTML excludes it from text.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return isXMLForbidden(scalar) || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }

    /// "the control character U+0008, which XML and HTML forbid"
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        let hex = String(v, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let kind = v < 0x20 || (0x7F...0x9F).contains(v) ? "control character" : "noncharacter"
        return "the \(kind) \(code), which \(isXMLForbidden(scalar) ? "XML and HTML forbid" : "HTML forbids")"
    }

    /// The first forbidden character of `text`, if any.
    public static func first(in text: some StringProtocol) -> Unicode.Scalar? {
        guard mayContain(text) else { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }

    /// One forbidden character per line that has any: the character, its 0-based line in
    /// `text` and its 1-based column (in characters, as editors count them).
    public static func all(in text: some StringProtocol) -> [(scalar: Unicode.Scalar, line: Int, column: Int)] {
        guard mayContain(text) else { return [] }
        var found: [(scalar: Unicode.Scalar, line: Int, column: Int)] = []
        var line = 0
        for textLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            defer { line += 1 }
            guard let index = textLine.unicodeScalars.firstIndex(where: isForbidden) else { continue }
            let column = textLine[textLine.startIndex..<index].count + 1
            found.append((textLine.unicodeScalars[index], line, column))
        }
        return found
    }

    /// A quick pass over the UTF-8 bytes: false when no forbidden character can be there
    /// (the case for nearly all text), so the exact check runs only on the rest.
    static func mayContain(_ text: some StringProtocol) -> Bool {
        text.utf8.contains { byte in
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xEF || byte >= 0xF0
        }
    }

    /// As `mayContain`, for the XML-forbidden characters alone (one C0 byte, or U+FFFE/U+FFFF
    /// which start with 0xEF).
    static func containsXMLForbidden(_ text: String) -> Bool {
        let mayHave = text.utf8.contains { byte in (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF }
        return mayHave && text.unicodeScalars.contains(where: isXMLForbidden)
    }
}

extension String {
    /// The text with every scalar that `isReplaced` picks replaced by U+FFFD, one for one, so
    /// lines and columns stay where they were.
    func replacingScalars(where isReplaced: (Unicode.Scalar) -> Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars { scalars.append(isReplaced(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }
}
