/// A single pass over site.json's text that finds what JSONDecoder does not say: where each
/// top-level key and its value are written, the line and column of a syntax error, numbers
/// no Double can hold (JSONDecoder refuses the whole file for `1e400`), and nesting too deep
/// to decode safely. It checks strict JSON (RFC 8259) without recursion, so no input can
/// exhaust the stack; JSONDecoder then only ever sees text this pass accepted.
struct JSONOutline {
    struct Key {
        var name: String
        var line: Int
        var column: Int
        /// The value as written when it is a string, number, `true`, `false` or `null`.
        var rawValue: String?
    }

    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
        var hint: String?
    }

    /// The top-level keys in the order written (a key written twice appears twice).
    private(set) var keys: [Key] = []
    /// The first syntax error; the text is not JSON past it.
    private(set) var syntaxError: Problem?
    /// Numbers a 64-bit floating-point value cannot hold.
    private(set) var badNumbers: [Problem] = []

    /// Objects and arrays nested deeper than this are refused.
    static let depthLimit = 64

    func first(_ key: String) -> Key? { keys.first { $0.name == key } }

    init(_ source: String) {
        var chars = Array(source.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var index = 0, line = 1, lineStart = 0
        // Columns count characters as editors do, and the text is held as scalars: count the
        // characters from the last column asked for on this line (never the whole line again).
        var counted = (position: 0, column: 1)
        func column(at position: Int) -> Int {
            let position = min(position, chars.count)
            if counted.position < lineStart || counted.position > position { counted = (lineStart, 1) }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: chars[counted.position..<position])
            counted = (position, counted.column + String(view).count)
            return counted.column
        }

        enum Container { case object, array }
        /// What may come next: `valueOrEnd` right after `[`, `keyOrEnd` right after `{`.
        enum Expect { case top, value, valueOrEnd, keyOrEnd, key, colon, commaOrEnd, end }
        var stack: [Container] = []
        var expect = Expect.top
        var pendingKey: (name: String, line: Int, column: Int)?

        func fail(_ message: String, hint: String? = nil, at position: Int? = nil) {
            syntaxError = Problem(line: line, column: column(at: position ?? index), message: message, hint: hint)
        }
        func describe(_ scalar: Unicode.Scalar) -> String {
            scalar.value < 0x20 || scalar.value == 0x7F ? "a control character" : "'\(Character(scalar))'"
        }
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(chars[range])) }
        /// A value at the top level of the object completes the key before it.
        func completeValue(raw: Range<Int>?) {
            if stack.count == 1, let key = pendingKey {
                keys.append(Key(name: key.name, line: key.line, column: key.column, rawValue: raw.map(text)))
            }
            pendingKey = nil
        }
        func close() {
            index += 1
            stack.removeLast()
            expect = stack.isEmpty ? .end : .commaOrEnd
        }

        scanning: while syntaxError == nil {
            // Whitespace between tokens.
            while index < chars.count {
                let c = chars[index]
                if c == "\n" { line += 1; index += 1; lineStart = index }
                else if c == " " || c == "\t" || c == "\r" { index += 1 }
                else { break }
            }
            guard index < chars.count else {
                switch expect {
                case .end: break
                case .top: fail("site.json is empty", hint: "write an object: {\"title\": \"My Hub\", \"baseURL\": \"https://example.org/\"}")
                default: fail("site.json ends before its object is complete", hint: "close every `{` with `}` and every `[` with `]`")
                }
                break scanning
            }
            let c = chars[index]
            let startLine = line, startColumn = column(at: index), start = index

            switch expect {
            case .top:
                guard c == "{" else {
                    fail("site.json must hold one object, found \(describe(c))", hint: "write {\"title\": \"My Hub\", \"baseURL\": \"https://example.org/\"}")
                    continue scanning
                }
            case .end:
                fail("unexpected \(describe(c)) after the end of the object", hint: "site.json holds one object; remove what follows its last `}`")
                continue scanning
            case .colon:
                guard c == ":" else { fail("expected `:` after the key, found \(describe(c))", hint: "write \"key\": value"); continue scanning }
                index += 1
                expect = .value
                continue scanning
            case .commaOrEnd:
                if c == "," {
                    index += 1
                    expect = stack.last == .object ? .key : .value
                } else if (c == "}" && stack.last == .object) || (c == "]" && stack.last == .array) {
                    close()
                } else {
                    fail("expected `,` or `\(stack.last == .object ? "}" : "]")`, found \(describe(c))", hint: "check for a missing comma")
                }
                continue scanning
            case .keyOrEnd, .key:
                if c == "}" && expect == .keyOrEnd { close(); continue scanning }
                guard c == "\"" else {
                    fail(c == "}" ? "a comma before `}` has nothing after it" : "expected a key in double quotes, found \(describe(c))",
                         hint: c == "}" ? "remove the last comma" : "keys are written in double quotes: \"title\"")
                    continue scanning
                }
            case .valueOrEnd:
                if c == "]" { close(); continue scanning }
            case .value:
                break
            }

            switch c {
            case "\"":
                index += 1
                var value = String.UnicodeScalarView()
                var closed = false
                while index < chars.count {
                    let s = chars[index]
                    if s == "\"" { index += 1; closed = true; break }
                    if s.value < 0x20 {
                        if s == "\n" { fail("a string is not closed on its line", hint: "add the closing `\"`") }
                        else { fail("a string holds a control character", hint: "write it as an escape such as \\t, or remove it") }
                        continue scanning
                    }
                    guard s == "\\" else { value.append(s); index += 1; continue }
                    guard index + 1 < chars.count else { break }
                    switch chars[index + 1] {
                    case "\"": value.append("\"")
                    case "\\": value.append("\\")
                    case "/": value.append("/")
                    case "b": value.append("\u{8}")
                    case "f": value.append("\u{C}")
                    case "n": value.append("\n")
                    case "r": value.append("\r")
                    case "t": value.append("\t")
                    case "u":
                        let digits = chars[min(index + 2, chars.count)..<min(index + 6, chars.count)]
                        guard digits.count == 4, digits.allSatisfy({ $0.properties.isASCIIHexDigit }),
                              let code = UInt32(text(digits.indices), radix: 16) else {
                            fail("`\\u` must be followed by four hexadecimal digits", hint: "e.g. \\u00e9 for é")
                            continue scanning
                        }
                        // A surrogate half stands for U+FFFD here: the text is checked, not decoded.
                        value.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                        index += 4
                    default:
                        fail("unknown escape `\\\(Character(chars[index + 1]))` in a string", hint: "write \\\\ for a backslash")
                        continue scanning
                    }
                    index += 2
                }
                guard closed else { fail("a string is not closed", hint: "add the closing `\"`", at: start); continue scanning }
                if expect == .key || expect == .keyOrEnd {
                    if stack.count == 1 { pendingKey = (String(value), startLine, startColumn) }
                    expect = .colon
                } else {
                    completeValue(raw: start..<index)
                    expect = .commaOrEnd
                }
            case "{", "[":
                completeValue(raw: nil)
                guard stack.count < Self.depthLimit else {
                    fail("objects and lists nest more than \(Self.depthLimit) deep here", hint: "site.json needs only a few levels")
                    continue scanning
                }
                stack.append(c == "{" ? .object : .array)
                index += 1
                expect = c == "{" ? .keyOrEnd : .valueOrEnd
            case "t", "f", "n":
                let word = c == "t" ? "true" : c == "f" ? "false" : "null"
                let end = index + word.unicodeScalars.count
                guard end <= chars.count, text(index..<end) == word else {
                    fail("unexpected \(describe(c))", hint: "text is written in double quotes; true, false and null without")
                    continue scanning
                }
                index = end
                completeValue(raw: start..<end)
                expect = .commaOrEnd
            case "-", "0"..."9":
                // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
                var end = index
                func digits() -> Int {
                    let from = end
                    while end < chars.count, ("0"..."9").contains(chars[end]) { end += 1 }
                    return end - from
                }
                if chars[end] == "-" { end += 1 }
                let integerStart = end
                let integerDigits = digits()
                var valid = integerDigits > 0 && !(integerDigits > 1 && chars[integerStart] == "0")
                if valid, end < chars.count, chars[end] == "." { end += 1; valid = digits() > 0 }
                if valid, end < chars.count, chars[end] == "e" || chars[end] == "E" {
                    end += 1
                    if end < chars.count, chars[end] == "+" || chars[end] == "-" { end += 1 }
                    valid = digits() > 0
                }
                guard valid else {
                    fail("this number is not written as JSON writes numbers", hint: "e.g. 24, -1, 2.5 or 1e3: no leading zeros, digits on both sides of `.`")
                    continue scanning
                }
                let literal = text(index..<end)
                if let number = Double(literal), !number.isFinite || (number == 0 && !Self.isZeroMantissa(literal)) {
                    badNumbers.append(Problem(line: startLine, column: startColumn,
                        message: "the number \(Self.shortened(literal)) is too \(number.isFinite ? "near zero" : "large") to be read",
                        hint: "write a number between -1e308 and 1e308, and not nearer zero than 1e-307"))
                }
                index = end
                completeValue(raw: start..<end)
                expect = .commaOrEnd
            default:
                let isClose = c == "}" || c == "]"
                fail(isClose ? "a comma before `\(Character(c))` has nothing after it" : "unexpected \(describe(c))",
                     hint: isClose ? "remove the last comma" : c == "'" ? "JSON writes text in double quotes" : "check the value before it")
            }
        }
    }

    /// True for literals like `0e5000` or `0.000e-9999`, which are zero as written.
    static func isZeroMantissa(_ literal: String) -> Bool {
        let mantissa = literal.prefix { $0 != "e" && $0 != "E" }
        return !mantissa.contains { ("1"..."9").contains($0) }
    }

    /// A value quoted back in a message, cut to a readable length.
    static func shortened(_ text: String) -> String { text.count > 40 ? text.prefix(40) + "…" : text }
}
