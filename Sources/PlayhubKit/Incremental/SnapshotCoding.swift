import Foundation

/// The binary form of a `BuildSnapshot`'s site graph (see `CacheStore`). Playbooks are kept
/// without their bodies (a page that shows one parses its file again, `DeferredBodies`);
/// everything else is kept whole. The graph's indexes are rebuilt on load, not stored.
extension SiteGraph {
    func encode(to writer: inout BinaryWriter) {
        writer.write(playbooks.count)
        for playbook in playbooks { writer.write(playbook) }
        writer.write(categories.values.sorted { $0.slug < $1.slug })
        writer.write(tags.values.sorted { $0.slug < $1.slug })
        writer.write(industries.values.sorted { $0.slug < $1.slug })
        writer.write(tools.values.sorted { $0.slug < $1.slug })
        writer.write(pages.values.sorted { $0.slug < $1.slug })
        relatedIndex.encode(to: &writer)
    }

    static func decode(from reader: inout BinaryReader, config: SiteConfig) throws -> SiteGraph {
        let playbooks: [Playbook] = try reader.array()
        func bySlug<Value>(_ values: [Value], _ slug: (Value) -> String) -> [String: Value] {
            Dictionary(values.map { (slug($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
        var graph = index(config: config, playbooks: playbooks,
                          categories: bySlug(try reader.array(of: Category.self), \.slug), tags: bySlug(try reader.array(of: Tag.self), \.slug),
                          industries: bySlug(try reader.array(of: Term.self), \.slug), tools: bySlug(try reader.array(of: Term.self), \.slug),
                          pages: bySlug(try reader.array(of: Page.self), \.slug), rankRelated: false)
        graph.relatedIndex = try RelatedIndex(from: &reader)
        guard graph.relatedIndex.fits(playbookCount: playbooks.count) else { throw BinaryReader.Damaged() }
        return graph
    }
}

extension Playbook: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(slug); writer.write(sourcePath)
        writer.currentFile = sourcePath
        writer.write(title); writer.write(summary); writer.write(description)
        writer.write(tags); writer.write(category); writer.write(industries); writer.write(tools)
        writer.write(type); writer.write(author); writer.write(date); writer.write(updated)
        writer.write(draft); writer.write(featured); writer.write(weight != nil); writer.write(weight ?? 0)
        writer.write(aliases); writer.write(inSitemap); writer.write(JSONValue.object(params))
        writer.write(image)
    }

    init(from reader: inout BinaryReader) throws {
        let slug = try reader.string(), sourcePath = try reader.string()
        reader.currentFile = sourcePath
        let title = try reader.string(), summary = try reader.string(), description = try reader.string()
        let tags = try reader.strings(), category = try reader.string(), industries = try reader.strings(), tools = try reader.strings()
        let type = try reader.optionalString(), author = try reader.optionalString()
        let date: Day = try reader.read(), updated: Day = try reader.read()
        let draft = try reader.bool(), featured = try reader.bool(), hasWeight = try reader.bool(), weight = try reader.int()
        let aliases: [Located<String>] = try reader.array(), inSitemap = try reader.bool()
        guard case .object(let params) = try reader.read(JSONValue.self) else { throw BinaryReader.Damaged() }
        let image = try reader.optionalString()
        self.init(slug: slug, sourcePath: sourcePath, title: title, summary: summary, description: description, tags: tags,
                  category: category, industries: industries, tools: tools, type: type, author: author, date: date,
                  updated: updated, draft: draft, featured: featured, weight: hasWeight ? weight : nil, aliases: aliases,
                  inSitemap: inSitemap, params: params, image: image, body: RenderedMarkdown(html: "", headings: [], firstParagraph: "", wordCount: 0, links: []),
                  bodyDeferred: true)
    }
}

extension Category: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(slug); writer.write(sourcePath); writer.write(title); writer.write(description)
        writer.write(related); writer.write(weight != nil); writer.write(weight ?? 0); writer.write(body)
    }

    init(from reader: inout BinaryReader) throws {
        let slug = try reader.string(), sourcePath = try reader.string(), title = try reader.string(), description = try reader.string()
        let related = try reader.strings(), hasWeight = try reader.bool(), weight = try reader.int()
        self.init(slug: slug, sourcePath: sourcePath, title: title, description: description, related: related,
                  weight: hasWeight ? weight : nil, body: try reader.read())
    }
}

extension Tag: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(slug); writer.write(sourcePath); writer.write(title); writer.write(category); writer.write(description)
        writer.write(related); writer.write(body)
        writer.write(faq.count)
        for entry in faq { writer.write(entry.question); writer.write(entry.answer) }
    }

    init(from reader: inout BinaryReader) throws {
        let slug = try reader.string(), sourcePath = try reader.string(), title = try reader.string(), category = try reader.string()
        let description = try reader.string(), related = try reader.strings(), body: RenderedMarkdown = try reader.read()
        let faq = try (0..<reader.count()).map { _ in Tag.FAQ(question: try reader.string(), answer: try reader.read()) }
        self.init(slug: slug, sourcePath: sourcePath, title: title, category: category, description: description,
                  related: related, faq: faq, body: body)
    }
}

extension Term: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(kind.rawValue); writer.write(slug); writer.write(title); writer.write(description)
        writer.write(sourcePath); writer.write(body)
    }

    init(from reader: inout BinaryReader) throws {
        guard let kind = TermKind(rawValue: try reader.string()) else { throw BinaryReader.Damaged() }
        self.init(kind: kind, slug: try reader.string(), title: try reader.string(), description: try reader.optionalString(),
                  sourcePath: try reader.optionalString(), body: try reader.optional())
    }
}

extension Page: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(slug); writer.write(sourcePath); writer.write(title); writer.write(description)
        writer.write(weight != nil); writer.write(weight ?? 0); writer.write(draft); writer.write(inSitemap)
        writer.write(updated); writer.write(body)
    }

    init(from reader: inout BinaryReader) throws {
        let slug = try reader.string(), sourcePath = try reader.string(), title = try reader.string()
        let description = try reader.optionalString(), hasWeight = try reader.bool(), weight = try reader.int()
        self.init(slug: slug, sourcePath: sourcePath, title: title, description: description, weight: hasWeight ? weight : nil,
                  draft: try reader.bool(), inSitemap: try reader.bool(), updated: try reader.read(), body: try reader.read())
    }
}

extension RenderedMarkdown: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(html)
        writer.write(headings.count)
        for heading in headings { writer.write(heading.level); writer.write(heading.text); writer.write(heading.id) }
        writer.write(firstParagraph); writer.write(wordCount)
        writer.write(links.count)
        for link in links {
            writer.write(link.destination); writer.write(link.line); writer.write(link.column)
            writer.write(link.target); writer.write(link.missing)
        }
        writer.write(title)
        writer.write(droppedHTML != nil)
        if let droppedHTML { writer.write(droppedHTML.count); writer.write(droppedHTML.line); writer.write(droppedHTML.column) }
        writer.write(taskCount)
    }

    init(from reader: inout BinaryReader) throws {
        let html = try reader.string()
        let headings = try (0..<reader.count()).map { _ in Heading(level: try reader.int(), text: try reader.string(), id: try reader.string()) }
        let firstParagraph = try reader.string(), wordCount = try reader.int()
        let links = try (0..<reader.count()).map { _ in
            Link(destination: try reader.string(), line: try reader.int(), column: try reader.int(),
                 target: try reader.optionalString(), missing: try reader.optionalString())
        }
        let title = try reader.optionalString()
        let dropped = try reader.bool() ? DroppedHTML(count: try reader.int(), line: try reader.int(), column: try reader.int()) : nil
        self.init(html: html, headings: headings, firstParagraph: firstParagraph, wordCount: wordCount, links: links,
                  title: title, droppedHTML: dropped, taskCount: try reader.int())
    }
}

extension RelatedIndex {
    func encode(to writer: inout BinaryWriter) {
        writer.write(limit)
        writer.write(related.count)
        for index in related { writer.write(Int(index)) }
    }

    init(from reader: inout BinaryReader) throws {
        let limit = try reader.int()
        let related = try (0..<reader.count()).map { _ in Int32(truncatingIfNeeded: try reader.int()) }
        self.init(related: related, limit: limit)
    }
}

extension Located: BinaryCodable where Value: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(value)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(try reader.read(), at: try reader.read())
    }
}

extension String: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.write(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.string() }
}

extension Day: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.write(year * 10_000 + month * 100 + day) }
    init(from reader: inout BinaryReader) throws {
        let packed = try reader.int()
        guard let day = Day(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100) else { throw BinaryReader.Damaged() }
        self = day
    }
}

extension SourceLocation: BinaryCodable {
    /// A location in the file being written (`currentFile`) does not repeat its path.
    func encode(to writer: inout BinaryWriter) {
        writer.write(file == writer.currentFile ? "" : file); writer.write(line); writer.write(column)
    }
    init(from reader: inout BinaryReader) throws {
        let file = try reader.string()
        self.init(file: file.isEmpty ? reader.currentFile : file, line: try reader.int(), column: try reader.int())
    }
}

extension Diagnostic: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(code.rawValue); writer.write(severity.rawValue); writer.write(location); writer.write(message); writer.write(hint)
    }

    init(from reader: inout BinaryReader) throws {
        guard let code = Code(rawValue: try reader.string()), let severity = Severity(rawValue: try reader.string()) else {
            throw BinaryReader.Damaged()
        }
        self.init(code, at: try reader.optional(), try reader.string(), hint: try reader.optionalString(), severity: severity)
    }
}

extension JSONValue: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        switch self {
        case .string(let text): writer.write(0); writer.write(text)
        case .number(let number): writer.write(1); writer.write(number)
        case .bool(let flag): writer.write(2); writer.write(flag)
        case .array(let values): writer.write(3); writer.write(values)
        case .object(let fields):
            writer.write(4); writer.write(fields.count)
            for key in fields.keys.sorted() { writer.write(key); writer.write(fields[key]!) }
        case .null: writer.write(5)
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.int() {
        case 0: self = .string(try reader.string())
        case 1: self = .number(try reader.double())
        case 2: self = .bool(try reader.bool())
        case 3: self = .array(try reader.array())
        case 4:
            var fields: [String: JSONValue] = [:]
            for _ in 0..<(try reader.count()) { fields[try reader.string()] = try reader.read(JSONValue.self) }
            self = .object(fields)
        case 5: self = .null
        default: throw BinaryReader.Damaged()
        }
    }
}
