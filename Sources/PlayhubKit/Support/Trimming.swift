/// Whitespace trimming without Foundation's NSString bridge, which costs more than the work
/// itself on the tens of thousands of small strings a big hub's front matter holds.
extension StringProtocol {
    /// The text without leading and trailing white space and line breaks.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
