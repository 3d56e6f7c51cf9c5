/// A fingerprint of the data a template renders, so a page whose data did not change since
/// the last build can reuse its output. It walks the same values Mustache reads (strings,
/// numbers, booleans, lists and dictionaries, keys sorted) through Swift's `Hasher`, which
/// is seeded per process: fingerprints are compared within one `serve` session only.
enum TemplateFingerprint {
    static func of(_ data: [String: Any], template: String, themeFingerprint: UInt64) -> Int {
        var hasher = Hasher()
        hasher.combine(template)
        hasher.combine(themeFingerprint)
        feed(data, into: &hasher)
        return hasher.finalize()
    }

    private static func feed(_ value: Any, into hasher: inout Hasher) {
        switch value {
        case let string as String: hasher.combine(0); hasher.combine(string)
        case let bool as Bool: hasher.combine(1); hasher.combine(bool)
        case let int as Int: hasher.combine(2); hasher.combine(int)
        case let double as Double: hasher.combine(3); hasher.combine(double)
        case let dictionary as [String: Any]:
            hasher.combine(4)
            hasher.combine(dictionary.count)
            for key in dictionary.keys.sorted() {
                hasher.combine(key)
                feed(dictionary[key]!, into: &hasher)
            }
        case let array as [Any]:
            hasher.combine(5)
            hasher.combine(array.count)
            for element in array { feed(element, into: &hasher) }
        default:
            hasher.combine(6)
            hasher.combine(String(describing: value))
        }
    }
}
