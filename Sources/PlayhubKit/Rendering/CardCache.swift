import Foundation

/// Each playbook's card as the theme's `card` partial renders it. A card appears on a dozen
/// pages (lists, tags, terms, related blocks), so it is rendered the first time a page needs
/// it and then handed out as `cardHTML`; a build that renders a few pages renders a few cards.
final class CardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var html: [String?]
    private let render: @Sendable (Int) -> String

    init(count: Int, render: @escaping @Sendable (Int) -> String) {
        html = Array(repeating: nil, count: count)
        self.render = render
    }

    func html(_ index: Int) -> String {
        lock.lock()
        let known = html[index]
        lock.unlock()
        if let known { return known }
        // Two threads may render the same card at once; both get the same bytes.
        let fresh = render(index)
        lock.lock()
        html[index] = fresh
        lock.unlock()
        return fresh
    }
}
