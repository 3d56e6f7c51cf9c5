/// The one order of playbooks in every list: featured first, then by weight (lower first,
/// unweighted last), then newest first, then by slug so ties never depend on input order.
public enum Ordering {
    public static func listOrder(_ a: Playbook, _ b: Playbook) -> Bool {
        if a.featured != b.featured { return a.featured }
        switch (a.weight, b.weight) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.date != b.date { return a.date > b.date }
        return a.slug < b.slug
    }

    /// Newest first by publication date, then slug (home page "latest", feeds).
    public static func newestFirst(_ a: Playbook, _ b: Playbook) -> Bool {
        a.date != b.date ? a.date > b.date : a.slug < b.slug
    }
}
