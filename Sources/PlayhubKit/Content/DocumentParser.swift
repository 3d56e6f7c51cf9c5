import Foundation

/// Stages 3 and 4, parse and markdown, for one file: split the front matter, read it into the
/// kind's typed meta, render the body. Pure and independent per file, so it runs in parallel.
public enum DocumentParser {
    public static func parse(_ file: SourceFile, options: MarkdownOptions) -> (ParsedDocument?, [Diagnostic]) {
        let frontMatter: FrontMatter
        switch FrontMatter.split(file.data, path: file.path) {
        case .success(let value): frontMatter = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = FrontMatterReader(frontMatter, path: file.path)
        if reader.diagnostics.hasErrors { return (nil, reader.diagnostics.items) }

        let meta: ParsedDocument.Meta
        switch file.kind {
        case .category: meta = .category(CategoryMeta(&reader))
        case .tag: meta = .tag(TagMeta(&reader))
        case .playbook: meta = .playbook(PlaybookMeta(&reader))
        case .industry: meta = .industry(PageMeta(&reader, isFreePage: false))
        case .tool: meta = .tool(PageMeta(&reader, isFreePage: false))
        case .page: meta = .page(PageMeta(&reader, isFreePage: true))
        }
        var bodyOptions = options
        bodyOptions.firstLine = frontMatter.bodyLine
        var document = ParsedDocument(source: file, meta: meta, body: MarkdownRenderer.render(frontMatter.body, options: bodyOptions))
        if case .playbook = meta { document.defaultSummary = Summary.cut(document.body.firstParagraph) }
        if case .tag(let tag) = meta {
            document.faqAnswers = tag.faq.map { entry in
                var answerOptions = options
                answerOptions.firstLine = entry.answerLocation.line
                answerOptions.firstColumn = entry.answerLocation.column
                return MarkdownRenderer.render(entry.answerMarkdown, options: answerOptions)
            }
        }
        // The data itself is no longer needed; dropping it keeps memory flat on big hubs.
        document.source.data = Data()
        return (document, reader.diagnostics.items)
    }

    /// Parses every file on up to `jobs` threads; results keep the input order. With a
    /// `cache`, files whose size and modification time are unchanged are not parsed again.
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
