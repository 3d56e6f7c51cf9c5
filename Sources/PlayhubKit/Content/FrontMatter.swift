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
    /// invalid UTF-8 with the line it occurs on; replaces NUL with U+FFFD.
    public static func split(_ data: Data, path: String) -> Result<FrontMatter, Diagnostic> {
        guard var text = String(validating: data, as: UTF8.self) else {
            return .failure(Diagnostic(.encoding, at: invalidUTF8Location(data, path: path),
                "file is not valid UTF-8", hint: "save it as UTF-8 in your editor"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(13) { text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        // CommonMark §2.3: U+0000 is replaced by U+FFFD, in front matter and body alike (cmark
        // would stop reading at it, and YAML refuses it). One character for one: columns hold.
        if text.utf8.contains(0) { text = text.replacingScalars { $0 == "\u{0}" } }
        // Walk line by line only through the front matter; the body is taken whole.
        let utf8 = text.utf8
        func lineEnd(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 10) ?? utf8.endIndex }
        func isFence(_ line: Substring) -> Bool { line == "---" || line == "..." || line.trimmed == "---" }
        let firstEnd = lineEnd(from: text.startIndex)
        guard text[text.startIndex..<firstEnd].trimmed == "---" else {
            return .failure(Diagnostic(.missingFrontMatter, at: SourceLocation(file: path),
                "file does not start with front matter",
                hint: "put a `---` line, the YAML keys (title: ...) and another `---` line at the top"))
        }
        guard firstEnd < utf8.endIndex else { return unclosed(path) }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart, lineNumber = 2
        while lineStart < utf8.endIndex || lineStart == yamlStart {
            let end = lineEnd(from: lineStart)
            if isFence(text[lineStart..<end]) {
                let yaml = lineStart > yamlStart ? String(text[yamlStart..<utf8.index(before: lineStart)]) : ""
                let body = end < utf8.endIndex ? String(text[utf8.index(after: end)...]) : ""
                return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: lineNumber + 1))
            }
            guard end < utf8.endIndex else { break }
            lineStart = utf8.index(after: end)
            lineNumber += 1
        }
        return unclosed(path)
    }

    private static func unclosed(_ path: String) -> Result<FrontMatter, Diagnostic> {
        .failure(Diagnostic(.unclosedFrontMatter, at: SourceLocation(file: path),
            "front matter opened with `---` on line 1 is never closed",
            hint: "add a `---` line after the last front matter key"))
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
