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
        var bytes: [UInt8] = []
        var plain = true
        func flush() {
            defer { bytes.removeAll(keepingCapacity: true); plain = true }
            guard !bytes.isEmpty else { return }
            if plain {
                emit(String(decoding: bytes, as: UTF8.self), body)
            } else {
                for word in normalisedWords(String(decoding: bytes, as: UTF8.self)) { emit(word, body) }
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { bytes.append(UInt8(v)) }
                else if (0x41...0x5A).contains(v) { bytes.append(UInt8(v + 0x20)) }
                else { flush() }
            } else if isLetterOrDigit(scalar) || isFoldedMark(scalar) {
                bytes.append(contentsOf: String(scalar).utf8)
                plain = false
            } else {
                flush()
            }
        }
        flush()
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
