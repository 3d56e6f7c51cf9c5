/// Turns a view (plain structs, arrays, optionals) into the dictionaries and arrays Mustache
/// reads fastest. swift-mustache finds a name in a struct through `Mirror` on every lookup,
/// and walks up the context stack doing so; converting each view once per page, with one
/// reflection per struct, makes template rendering several times faster on big hubs.
///
/// `nil` optionals are left out, exactly as Mirror lookups treat them; `Bool`, numbers and
/// strings stay as they are, so sections behave the same.
enum TemplateData {
    static func convert(_ value: Any) -> Any? {
        // Concrete types first: a cast to a protocol is a conformance look-up, slow enough
        // to show in a profile when every string of every page pays for it.
        switch value {
        case let string as String: return string
        case let bool as Bool: return bool
        case let int as Int: return int
        case let double as Double: return double
        case let strings as [String]: return strings
        case let view as TemplateRepresentable: return view.templateFields
        case let views as [TemplateRepresentable]: return views.map(\.templateFields)
        case let dictionary as [String: Any]: return dictionary.compactMapValues(convert)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let converted = convert(child.value) { fields[label] = converted }
            }
            return fields
        default:
            return value
        }
    }

    /// A view struct's fields as a dictionary (empty for anything else).
    static func fields(of view: Any) -> [String: Any] {
        convert(view) as? [String: Any] ?? [:]
    }
}

/// A view that lists its own fields for templates. The views rendered by the thousand on big
/// hubs (cards, links and every page's head) do, which spares a reflection per value; a test checks that each
/// lists exactly its stored properties.
protocol TemplateRepresentable {
    var templateFields: [String: Any] { get }
}

extension LinkView: TemplateRepresentable {
    var templateFields: [String: Any] {
        var fields: [String: Any] = ["title": title, "url": url, "isCurrent": isCurrent]
        if let description { fields["description"] = description }
        if let count { fields["count"] = count }
        if let countLabel { fields["countLabel"] = countLabel }
        return fields
    }
}

extension HeadView: TemplateRepresentable {
    var templateFields: [String: Any] {
        var fields: [String: Any] = ["title": title, "ogTitle": ogTitle, "description": description, "canonical": canonical,
                                     "ogType": ogType, "twitterCard": twitterCard, "jsonLDHTML": jsonLDHTML, "noindex": noindex]
        if let image { fields["image"] = image }
        return fields
    }
}

extension PlaybookCardView: TemplateRepresentable {
    var templateFields: [String: Any] {
        var fields: [String: Any] = ["title": title, "url": url, "summary": summary, "featured": featured, "draft": draft,
                                     "date": date, "dateText": dateText, "updated": updated, "updatedText": updatedText,
                                     "wasUpdated": wasUpdated, "cardHTML": cardHTML]
        if let type { fields["type"] = type }
        if let category { fields["category"] = category.templateFields }
        return fields
    }
}
