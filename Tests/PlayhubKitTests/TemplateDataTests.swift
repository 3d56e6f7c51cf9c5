import Testing
@testable import PlayhubKit

/// Views that list their own template fields must list exactly their stored properties,
/// with the same values, or a template would silently miss one.
@Suite struct TemplateFieldsTests {
    func mirrored(_ value: Any) -> [String: String] {
        var fields: [String: String] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let inner = Mirror(reflecting: child.value)
            if inner.displayStyle == .optional, inner.children.isEmpty { continue } // nil is left out
            fields[label] = "\(inner.displayStyle == .optional ? inner.children.first!.value : child.value)"
        }
        return fields
    }

    func listed(_ fields: [String: Any]) -> [String: String] {
        fields.mapValues { value in
            if let nested = value as? [String: Any] { return "\(nested.keys.sorted())" }
            return "\(value)"
        }
    }

    @Test func linkViewListsEveryField() {
        for link in [LinkView(title: "SEO", url: "/tags/seo/", description: "d", count: 3, isCurrent: true), LinkView(title: "A", url: "/a/")] {
            #expect(listed(link.templateFields) == mirrored(link))
        }
    }

    @Test func headListsEveryField() {
        var head = HeadView(title: "T | Hub", ogTitle: "T", description: "D", canonical: "https://example.org/t/", ogType: "article",
                            image: "https://example.org/i.png", twitterCard: "summary_large_image", jsonLDHTML: "<script></script>", noindex: true)
        #expect(listed(head.templateFields) == mirrored(head))
        head.image = nil
        #expect(listed(head.templateFields) == mirrored(head))
    }

    @Test func cardListsEveryField() {
        let card = PlaybookCardView(title: "T", url: "/playbooks/t/", type: "Checklist", summary: "S", featured: true, draft: false,
                                    date: "2023-12-01", dateText: "December 1, 2023",
                                    updated: "2024-01-01", updatedText: "January 1, 2024", wasUpdated: true, category: LinkView(title: "C", url: "/c/"),
                                    cardHTML: "<li>card</li>")
        var expected = mirrored(card)
        expected["category"] = "\(card.category!.templateFields.keys.sorted())"
        #expect(listed(card.templateFields) == expected)
        var bare = card
        bare.type = nil
        bare.category = nil
        #expect(listed(bare.templateFields) == mirrored(bare))
    }
}
