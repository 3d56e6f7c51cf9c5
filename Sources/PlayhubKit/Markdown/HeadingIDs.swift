/// Gives every heading of a document a stable, unique `id`: the slug of its text, with
/// `-1`, `-2` … appended to repeats, so links to a heading survive edits elsewhere.
struct HeadingIDs {
    private var used: Set<String> = []
    /// The last suffix tried for each base, so a page with thousands of equal headings
    /// does not search from `-1` every time.
    private var lastSuffix: [String: Int] = [:]

    /// Marks an id taken by something else on the page (a checklist box).
    mutating func reserve(_ id: String) { used.insert(id) }

    mutating func next(for text: String) -> String {
        let base = HeadingIDs.slug(text)
        var candidate = base
        var counter = lastSuffix[base] ?? 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        lastSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }

    /// Lowercase letters and digits of any script are kept, spaces and hyphens become one
    /// hyphen, everything else is dropped ("1. Set goals & owners" → "1-set-goals-owners").
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" || character == "_" {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
