/// The words of a rendered body for the search index: tags dropped, character references
/// decoded (`&#233;`) or, when named (`&amp;`, which cmark writes only for punctuation),
/// turned into a space.
enum SearchPlainText {
    static func of(html: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = html.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "<":
                while let next = scalars.popFirst(), next != ">" {}
                out.append(" ")
            case "&":
                let reference = scalars.prefix { $0 != ";" && $0 != "<" && $0 != "&" }.prefix(12)
                guard scalars.dropFirst(reference.count).first == ";" else { out.append(" "); continue }
                scalars = scalars.dropFirst(reference.count + 1)
                out.append(decode(String(String.UnicodeScalarView(reference))) ?? " ")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func decode(_ reference: String) -> Unicode.Scalar? {
        guard reference.hasPrefix("#") else { return nil }
        let digits = reference.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }
}
