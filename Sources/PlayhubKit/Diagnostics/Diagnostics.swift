/// The problems of one build, collected rather than thrown one at a time so that an author
/// sees every mistake in a single run.
public struct Diagnostics: Sendable, Error, CustomStringConvertible {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { items += other.items }
    public mutating func append(contentsOf other: [Diagnostic]) { items += other }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { sorted.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { sorted.filter { $0.severity == .warning } }

    /// Sorted by file, line and column; problems without a place (site-wide) come first.
    public var sorted: [Diagnostic] {
        items.sorted { a, b in
            switch (a.location, b.location) {
            case (nil, nil): return a.message < b.message
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l != r ? l < r : a.message < b.message
            }
        }
    }

    public var description: String { sorted.map(\.description).joined(separator: "\n") }
}
