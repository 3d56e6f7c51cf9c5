import Mustache

/// The object a page template renders: `site`, `head` and `breadcrumbs` for the layout,
/// and the page's own view, whose fields templates read at the top level (`{{title}}`).
struct PageContext: MustacheParent {
    let site: SiteView
    let head: HeadView
    let breadcrumbs: [LinkView]
    let page: Any

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "head": return head
        case "breadcrumbs": return breadcrumbs
        case "hasBreadcrumbs": return !breadcrumbs.isEmpty
        default:
            guard let value = Mirror(reflecting: page).children.first(where: { $0.label == name })?.value else { return nil }
            // Optionals arrive boxed in `Any`; unwrap so nil hides a section.
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional { return mirror.children.first?.value }
            return value
        }
    }
}
