/// Default summaries: the first paragraph, cut at a word boundary near 160 characters.
public enum Summary {
    public static let targetLength = 160

    public static func cut(_ text: String, near limit: Int = targetLength) -> String {
        let text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard text.count > limit else { return text }
        let hardStop = text.index(text.startIndex, offsetBy: limit)
        // The last space at or before the limit (a word ending exactly there still fits);
        // a single very long word is cut where it stands.
        var cut = text[...hardStop].lastIndex(of: " ") ?? hardStop
        if text.distance(from: text.startIndex, to: cut) < limit / 2 { cut = hardStop }
        var head = String(text[..<cut])
        while let last = head.last, ",;:-–—".contains(last) || last == " " { head.removeLast() }
        return head + "…"
    }
}
