import Foundation

/// How search text becomes terms, the same way in the index builder and in `search.js`:
/// lowercase, canonical decomposition with the combining diacritics U+0300–U+036F dropped
/// ("Café" → "cafe"), split on anything that is not a letter or a digit; stop words and
/// terms longer than `maxTermLength` are left out. The manifest carries both lists so the
/// script never has its own copy.
public enum SearchTokenizer {
    public static let maxTermLength = 40
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
        "its", "of", "on", "or", "that", "the", "this", "to", "was", "with",
    ]

    /// The terms of `text` in order, repeats kept.
    public static func terms(_ text: String) -> [String] {
        var result: [String] = []
        forEachTerm(in: text) { result.append($0) }
        return result
    }

    /// Calls `body` with each term of `text`. ASCII is handled byte by byte; a word with
    /// anything else in it goes through the full Unicode steps.
    public static func forEachTerm(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            var word: [UInt8] = []
            var plain = true
            func flush() {
                defer { word.removeAll(keepingCapacity: true); plain = true }
                guard !word.isEmpty else { return }
                if plain {
                    // Stop words are at most four letters; longer plain words need no look-up.
                    guard word.count <= maxTermLength else { return }
                    let term = String(decoding: word, as: UTF8.self)
                    if word.count > 4 || !stopWords.contains(term) { body(term) }
                } else {
                    for term in normalisedWords(String(decoding: word, as: UTF8.self)) { emit(term, body) }
                }
            }
            var at = 0
            while at < utf8.count {
                let byte = utf8[at]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 0x20)
                    default: flush()
                    }
                    at += 1
                    continue
                }
                // A multi-byte scalar: its length from the lead byte (the text is valid UTF-8).
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(at + length, utf8.count)
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for next in utf8[(at + 1)..<end] { value = value << 6 | UInt32(next & 0x3F) }
                if let scalar = Unicode.Scalar(value), isLetterOrDigit(scalar) || isFoldedMark(scalar) {
                    word.append(contentsOf: utf8[at..<end])
                    plain = false
                } else {
                    flush()
                }
                at = end
            }
            flush()
        }
    }

    private static func emit(_ term: String, _ body: (String) -> Void) {
        guard term.unicodeScalars.count <= maxTermLength, !stopWords.contains(term) else { return }
        body(term)
    }

    /// JavaScript's `toLowerCase().normalize("NFD")`, marks dropped, split on `[^\p{L}\p{N}]`.
    static func normalisedWords(_ word: String) -> [String] {
        var words: [String] = [], current = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !isFoldedMark(scalar) {
            if isLetterOrDigit(scalar) { current.append(scalar) } else if !current.isEmpty {
                words.append(String(current)); current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func isFoldedMark(_ scalar: Unicode.Scalar) -> Bool { (0x300...0x36F).contains(scalar.value) }

    /// `\p{L}` or `\p{N}`.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// The order terms are sorted in: UTF-16 code units, as JavaScript compares strings.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }
}
