import Foundation

/// Stages 3 and 4, parse and markdown, for one file: split the front matter, read it into the
/// kind's typed meta, render the body. Pure and independent per file, so it runs in parallel.
public enum DocumentParser {
    /// Reads the file first when the discover stage only found it.
    public static func parse(_ found: SourceFile, options: MarkdownOptions) -> (ParsedDocument?, [Diagnostic]) {
        let file: SourceFile
        switch found.reading() {
        case .success(let read): file = read
        case .failure(let problem): return (nil, [problem])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(file.data, path: file.path) {
        case .success(let value): frontMatter = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = FrontMatterReader(frontMatter, path: file.path)
        if !reader.couldRead { return (nil, reader.diagnostics.items) }
        var bodyOptions = options
        bodyOptions.firstLine = frontMatter.bodyLine
        bodyOptions.documentPath = contentRelative(file.path, options)
        if file.kind == .playbook { bodyOptions.checklistID = file.fileStem }
        let body = MarkdownRenderer.render(frontMatter.body, options: bodyOptions)
        // Tags and categories have a title of their own ("T Playbooks"); their body's
        // heading heads the article.
        if ![.tag, .category].contains(file.kind) {
            reader.bodyTitle = body.title
            reader.allowsBodyTitle = true
        }

        let meta: ParsedDocument.Meta
        switch file.kind {
        case .category: meta = .category(CategoryMeta(&reader))
        case .tag: meta = .tag(TagMeta(&reader))
        case .playbook: meta = .playbook(PlaybookMeta(&reader))
        case .industry: meta = .industry(PageMeta(&reader, isFreePage: false))
        case .tool: meta = .tool(PageMeta(&reader, isFreePage: false))
        case .page: meta = .page(PageMeta(&reader, isFreePage: true))
        }
        var document = ParsedDocument(source: file, meta: meta, body: body)
        var problems = reader.diagnostics.items
        if let dropped = body.droppedHTML { problems.append(droppedHTMLWarning(dropped, path: file.path)) }
        problems += forbiddenCharacters(in: frontMatter.body, html: document.body.html, path: file.path,
                                        firstLine: frontMatter.bodyLine, subject: "the body")
        if case .playbook = meta { document.defaultSummary = Summary.cut(document.body.firstParagraph) }
        if case .tag(let tag) = meta {
            document.faqAnswers = tag.faq.map { entry in
                var answerOptions = bodyOptions
                answerOptions.firstLine = entry.answerLocation.line
                answerOptions.firstColumn = entry.answerLocation.column
                let answer = MarkdownRenderer.render(entry.answerMarkdown, options: answerOptions)
                if let dropped = answer.droppedHTML { problems.append(droppedHTMLWarning(dropped, path: file.path)) }
                // The answer's own text was checked with the front matter; a character
                // reference (`&#8;`) can still write a forbidden character into its HTML.
                if let scalar = ForbiddenCharacter.first(in: answer.html) {
                    problems.append(Diagnostic(.encoding, at: entry.answerLocation,
                        "the FAQ answer writes \(ForbiddenCharacter.describe(scalar)); remove it",
                        hint: "a character reference such as `&#8;` writes it"))
                }
                return answer
            }
        }
        // The data itself is no longer needed; dropping it keeps memory flat on big hubs.
        document.source.data = Data()
        return (document, problems)
    }

    /// The file's path below the content folder, where its relative links start.
    static func contentRelative(_ path: String, _ options: MarkdownOptions) -> String {
        guard let layout = options.layout, path.hasPrefix(layout.contentDir + "/") else { return path }
        return String(path.dropFirst(layout.contentDir.count + 1))
    }

    /// Safe mode drops raw HTML: once a body (or FAQ answer), at the first place.
    static func droppedHTMLWarning(_ dropped: RenderedMarkdown.DroppedHTML, path: String) -> Diagnostic {
        Diagnostic(.rawHTML, at: SourceLocation(file: path, line: dropped.line, column: dropped.column),
            "raw HTML removed (\(dropped.count) place\(dropped.count == 1 ? "" : "s")); use Markdown, or set unsafeHTML",
            hint: "tables, call-outs (`> [!NOTE]`) and links have Markdown forms; \"unsafeHTML\": true in site.json keeps HTML from trusted authors",
            severity: .warning)
    }

    /// Characters XML and HTML forbid (SPEC §6: they must never reach a page or the feed):
    /// each line of Markdown that holds one is an error at its column. A character reference
    /// such as `&#8;` also writes one into the HTML; it is found there and reported at the
    /// reference.
    static func forbiddenCharacters(in markdown: String, html: String, path: String, firstLine: Int, subject: String) -> [Diagnostic] {
        let raw = ForbiddenCharacter.all(in: markdown)
        if !raw.isEmpty {
            return raw.map { found in
                Diagnostic(.encoding, at: SourceLocation(file: path, line: firstLine + found.line, column: found.column),
                    "\(subject) contains \(ForbiddenCharacter.describe(found.scalar)); remove it")
            }
        }
        guard let written = ForbiddenCharacter.first(in: html) else { return [] }
        let references = forbiddenReferences(in: markdown)
        if references.isEmpty {
            return [Diagnostic(.encoding, at: SourceLocation(file: path, line: firstLine),
                "\(subject) writes \(ForbiddenCharacter.describe(written)); remove it")]
        }
        return references.map { found in
            Diagnostic(.encoding, at: SourceLocation(file: path, line: firstLine + found.line, column: found.column),
                "\(subject) writes `\(found.text)`, \(ForbiddenCharacter.describe(found.scalar)); remove it")
        }
    }

    /// Numeric character references (`&#8;`, `&#x1F;`) to a forbidden character: one per line,
    /// with its 0-based line and 1-based column. References in fenced code blocks and code
    /// spans stay text and are skipped (by fences and backtick count, which is close enough
    /// for a check that runs only when the HTML did get such a character).
    static func forbiddenReferences(in markdown: String) -> [(scalar: Unicode.Scalar, text: String, line: Int, column: Int)] {
        var found: [(scalar: Unicode.Scalar, text: String, line: Int, column: Int)] = []
        var fence: Character?
        for (line, text) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = text.drop { $0 == " " }
            if let mark = trimmed.first, mark == "`" || mark == "~", trimmed.hasPrefix(String(repeating: mark, count: 3)) {
                fence = fence == nil ? mark : fence == mark ? nil : fence
                continue
            }
            guard fence == nil, text.contains("&#") else { continue }
            var index = text.startIndex
            while let start = text[index...].range(of: "&#")?.lowerBound {
                if text[..<start].filter({ $0 == "`" }).count % 2 == 1 { index = text.index(start, offsetBy: 2); continue }
                var cursor = text.index(start, offsetBy: 2)
                let hex = cursor < text.endIndex && (text[cursor] == "x" || text[cursor] == "X")
                if hex { cursor = text.index(after: cursor) }
                let digitsStart = cursor
                while cursor < text.endIndex, text[cursor].isASCII, text[cursor].isHexDigit, text.distance(from: digitsStart, to: cursor) < 8 {
                    if !hex && !text[cursor].isNumber { break }
                    cursor = text.index(after: cursor)
                }
                if cursor > digitsStart, cursor < text.endIndex, text[cursor] == ";",
                   let value = UInt32(text[digitsStart..<cursor], radix: hex ? 16 : 10),
                   let scalar = Unicode.Scalar(value), value != 0, ForbiddenCharacter.isForbidden(scalar) {
                    found.append((scalar, String(text[start...cursor]), line, text.distance(from: text.startIndex, to: start) + 1))
                    break
                }
                index = text.index(start, offsetBy: 2)
            }
        }
        return found
    }

    /// Reads and parses every file on up to `jobs` threads, one file's bytes at a time per
    /// thread; results keep the input order. With a `cache`, files whose size and
    /// modification time are unchanged are neither read nor parsed again.
    public static func parseAll(_ files: [SourceFile], options: MarkdownOptions, jobs: Int,
                                cache: BuildCache? = nil) -> ([ParsedDocument], Diagnostics) {
        let results = Parallel.map(files, jobs: jobs) { file -> (ParsedDocument?, [Diagnostic], Bool) in
            if let entry = cache?.parsed(file.path, size: file.size, modified: file.modified, options: options) {
                return (entry.document, entry.diagnostics, true)
            }
            let (document, problems) = parse(file, options: options)
            return (document, problems, false)
        }
        var documents: [ParsedDocument] = []
        var diagnostics = Diagnostics()
        documents.reserveCapacity(results.count)
        for (document, problems, _) in results {
            if let document { documents.append(document) }
            diagnostics.append(contentsOf: problems)
        }
        if let cache {
            let fresh = zip(files, results).filter { !$1.2 }.map { ($0, $1.0, $1.1) }
            cache.storeParsed(fresh, reusedPaths: zip(files, results).filter { $1.2 }.map { $0.0.path }, options: options)
        }
        return (documents, diagnostics)
    }
}
