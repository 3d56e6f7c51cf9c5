/// Default summaries: the first paragraph, cut at a word boundary so that with its ellipsis
/// it is at most 160 characters (what search engines show of a description).
public enum Summary {
    public static let targetLength = 160

    public static func cut(_ text: String, near limit: Int = targetLength) -> String {
        let text = collapsingWhitespace(text, upTo: limit + 2)
        guard text.count > limit else { return text }
        // The text before the ellipsis has at most `limit - 1` characters: the last space at
        // or before that (a word ending exactly there still fits); a single very long word
        // is cut where it stands.
        let hardStop = text.index(text.startIndex, offsetBy: limit - 1)
        var cut = text[...hardStop].lastIndex(of: " ") ?? hardStop
        if text.distance(from: text.startIndex, to: cut) < limit / 2 { cut = hardStop }
        var head = String(text[..<cut])
        while let last = head.last, ",;:-–—".contains(last) || last == " " { head.removeLast() }
        return head + "…"
    }

    /// Runs of whitespace as one space, none at the ends; only the first `maxCount`
    /// characters, which is all `cut` looks at (paragraphs can be long).
    static func collapsingWhitespace(_ text: String, upTo maxCount: Int) -> String {
        var result = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace { pendingSpace = count > 0; continue }
            if pendingSpace { result.append(" "); count += 1; pendingSpace = false }
            result.append(character)
            count += 1
            if count >= maxCount { break }
        }
        return result
    }
}
