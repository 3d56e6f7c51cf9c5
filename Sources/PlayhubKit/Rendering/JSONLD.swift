import Foundation

/// schema.org structured data, encoded with `JSONEncoder` (never pasted together) and made
/// safe to embed in a `<script>` element.
public enum JSONLD {
    public struct BreadcrumbList: Encodable {
        let context = "https://schema.org"
        let type = "BreadcrumbList"
        let itemListElement: [Item]
        struct Item: Encodable {
            let type = "ListItem"
            let position: Int
            let name: String
            let item: String
            enum CodingKeys: String, CodingKey { case type = "@type", position, name, item }
        }
        enum CodingKeys: String, CodingKey { case context = "@context", type = "@type", itemListElement }

        /// From (name, absolute URL) pairs, home first.
        public init(_ crumbs: [(String, String)]) {
            itemListElement = crumbs.enumerated().map { Item(position: $0.offset + 1, name: $0.element.0, item: $0.element.1) }
        }
    }

    public struct Article: Encodable {
        let context = "https://schema.org"
        let type = "Article"
        let headline: String
        let description: String
        let datePublished: String
        let dateModified: String
        let author: Person?
        let mainEntityOfPage: String
        let keywords: String?
        let image: String?
        let publisher: Organization
        struct Person: Encodable {
            let type = "Person"
            let name: String
            enum CodingKeys: String, CodingKey { case type = "@type", name }
        }
        /// The hub itself, with its logo when site.json names one.
        struct Organization: Encodable {
            let type = "Organization"
            let name: String
            let logo: ImageObject?
            enum CodingKeys: String, CodingKey { case type = "@type", name, logo }
        }
        struct ImageObject: Encodable {
            let type = "ImageObject"
            let url: String
            enum CodingKeys: String, CodingKey { case type = "@type", url }
        }
        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", headline, description, datePublished, dateModified, author, mainEntityOfPage, keywords,
                 image, publisher
        }

        /// `image` and `publisherLogo` are absolute URLs.
        public init(headline: String, description: String, datePublished: Day, dateModified: Day, author: String?, url: String, keywords: [String],
                    image: String? = nil, publisher: String, publisherLogo: String? = nil) {
            self.image = image
            self.publisher = Organization(name: publisher, logo: publisherLogo.map { ImageObject(url: $0) })
            self.headline = headline
            self.description = description
            self.datePublished = datePublished.description
            self.dateModified = dateModified.description
            self.author = author.map { Person(name: $0) }
            self.mainEntityOfPage = url
            self.keywords = keywords.isEmpty ? nil : keywords.joined(separator: ", ")
        }
    }

    public struct FAQPage: Encodable {
        let context = "https://schema.org"
        let type = "FAQPage"
        var mainEntity: [Question]
        struct Question: Encodable {
            let type = "Question"
            let name: String
            let acceptedAnswer: Answer
            enum CodingKeys: String, CodingKey { case type = "@type", name, acceptedAnswer }
        }
        struct Answer: Encodable {
            let type = "Answer"
            let text: String
            enum CodingKeys: String, CodingKey { case type = "@type", text }
        }
        enum CodingKeys: String, CodingKey { case context = "@context", type = "@type", mainEntity }

        /// Questions with their answers as the page shows them (answer HTML).
        public init(_ entries: [(question: String, answerHTML: String)]) {
            mainEntity = entries.map { Question(name: $0.question, acceptedAnswer: Answer(text: $0.answerHTML)) }
        }

        /// The same questions with every link of the answers absolute: a search engine shows
        /// an answer away from the page at `pageURL`, where `/tags/x/` leads nowhere.
        func withAbsoluteLinks(against pageURL: String) -> FAQPage {
            var copy = self
            copy.mainEntity = mainEntity.map {
                Question(name: $0.name, acceptedAnswer: Answer(text: AbsoluteLinks.rewrite($0.acceptedAnswer.text, against: pageURL)))
            }
            return copy
        }
    }

    /// `<script type="application/ld+json">…</script>` for each value, sorted keys so bytes
    /// are stable. `<`, `>` and `&` are written as `\u003c` … so no text can close the script.
    public static func scripts(_ values: [any Encodable]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return values.compactMap { value -> String? in
            guard let data = try? encoder.encode(value) else { return nil }
            // <, > and & as escapes, so no text in the JSON can close the script element.
            var json: [UInt8] = []
            json.reserveCapacity(data.count + 16)
            for byte in data {
                switch byte {
                case UInt8(ascii: "<"): json += Array("\\u003c".utf8)
                case UInt8(ascii: ">"): json += Array("\\u003e".utf8)
                case UInt8(ascii: "&"): json += Array("\\u0026".utf8)
                default: json.append(byte)
                }
            }
            return "<script type=\"application/ld+json\">" + String(decoding: json, as: UTF8.self) + "</script>"
        }.joined(separator: "\n")
    }
}
