/// Slugs name every page: lowercase ASCII letters, digits and single hyphens (SPEC §1).
public enum Slug {
    /// True when `text` is already a valid slug.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// The slug a name or file name would have: "Google Analytics" → "google-analytics",
    /// "Café Ops" → "cafe-ops". Accents are folded; other characters become hyphens.
    public static func from(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar == "'" || scalar == "’" {
                continue // folded accents and apostrophes ("Writer's" → "writers")
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}
