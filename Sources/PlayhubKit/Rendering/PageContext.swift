/// The object a page template renders: `site`, `head` and `breadcrumbs` for the layout, and
/// the page's own view, whose fields templates read at the top level (`{{title}}`).
struct PageContext {
    let site: SiteView
    let head: HeadView
    let breadcrumbs: [LinkView]
    let page: Any

    /// The dictionary Mustache renders; `site` is converted once per build by the caller.
    func templateData(site siteData: [String: Any]) -> [String: Any] {
        var data = TemplateData.fields(of: page)
        data["site"] = siteData
        data["head"] = TemplateData.fields(of: head)
        data["breadcrumbs"] = breadcrumbs.map(TemplateData.fields(of:))
        data["hasBreadcrumbs"] = !breadcrumbs.isEmpty
        return data
    }
}
