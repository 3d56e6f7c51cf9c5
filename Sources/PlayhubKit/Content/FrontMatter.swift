import Foundation

/// A content file split into its YAML front matter and its Markdown body, with the line
/// numbers needed to point errors at the right place in the original file.
public struct FrontMatter: Sendable {
    public var yaml: String
    /// The file line of the first YAML line (the one after the opening `---`).
    public var yamlLine: Int
    public var body: String
    /// The file line of the first body line.
    public var bodyLine: Int

    /// Splits `data` at the `---` lines. Accepts a UTF-8 BOM and CRLF line endings; rejects
    /// invalid UTF-8 with the line it occurs on.
    public static func split(_ data: Data, path: String) -> Result<FrontMatter, Diagnostic> {
        guard var text = String(validating: data, as: UTF8.self) else {
            return .failure(Diagnostic(.encoding, at: invalidUTF8Location(data, path: path),
                "file is not valid UTF-8", hint: "save it as UTF-8 in your editor"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r") { text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return .failure(Diagnostic(.missingFrontMatter, at: SourceLocation(file: path),
                "file does not start with front matter",
                hint: "put a `---` line, the YAML keys (title: ...) and another `---` line at the top"))
        }
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { $0 == "---" || $0 == "..." || $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            return .failure(Diagnostic(.unclosedFrontMatter, at: SourceLocation(file: path),
                "front matter opened with `---` on line 1 is never closed",
                hint: "add a `---` line after the last front matter key"))
        }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: close + 3))
    }

    /// The line and column of the first byte that breaks UTF-8.
    static func invalidUTF8Location(_ data: Data, path: String) -> SourceLocation {
        var line = 1, lineStart = 0, index = 0
        let bytes = [UInt8](data)
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let valid = length > 0 && index + length <= bytes.count
                && bytes[(index + 1)..<(index + length)].allSatisfy { $0 >> 6 == 0b10 }
                && String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            if !valid { break }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
        return SourceLocation(file: path, line: line, column: column)
    }
}
