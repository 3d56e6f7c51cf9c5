import Foundation
import Testing
@testable import PlayhubKit

/// docs/theming.md is the contract for theme authors: it lists every variable a template can
/// read and which template renders which page with which view. These tests hold it to the
/// code: the views are taken from a real build of the small hub, so a field added to,
/// renamed in or removed from a view fails here until the doc says the same.
///
/// The doc's machine-readable parts:
/// - a view: a heading `### <SwiftTypeName>`, then a table `| variable | type | example | meaning |`
///   whose first column is the variable in backticks;
/// - the page templates: a table `| template | used for | view |` (file in backticks, URL
///   patterns in backticks starting with `/`, the view's Swift type in backticks);
/// - the partials: a table `| partial | file | used by | view |`.
@Suite struct ThemingDocsTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let docPath = "docs/theming.md"

    /// The words the doc uses for view types in its `type` column.
    static let themeNames = [
        "SiteView": "Site", "HeadView": "Head", "LinkView": "Link", "PlaybookCardView": "Playbook card",
        "PagerView": "Pager", "FAQItemView": "FAQ item", "FAQTagGroupView": "FAQ tag group",
        "FAQCategoryGroupView": "FAQ category group", "TagGroupView": "Tag group",
    ]

    /// Types the doc must always describe: if the small hub stops producing one of them, the
    /// test says so instead of silently checking less.
    static let requiredTypes: Set<String> = [
        "PageContext", "SiteView", "HeadView", "LinkView", "PlaybookCardView", "PagerView", "FAQItemView",
        "FAQTagGroupView", "FAQCategoryGroupView", "TagGroupView",
    ]

    // MARK: - The tests

    @Test func everyViewFieldIsDocumentedAndEveryDocumentedVariableExists() throws {
        let doc = try ThemingDoc.load()
        doc.reportProblems()
        let real = try RealViews.fromSmallHub()
        let fieldsByType = real.fields(probing: doc.views["PageContext"]?.rows.map(\.name) ?? [])

        let missingSections = Set(fieldsByType.keys).subtracting(doc.views.keys).sorted()
        #expect(missingSections.isEmpty, "docs/theming.md has no `### <Type>` table for: \(missingSections.joined(separator: ", "))")
        let unknownSections = Set(doc.views.keys).subtracting(fieldsByType.keys).sorted()
        #expect(unknownSections.isEmpty, "docs/theming.md documents types no page passes to a template: \(unknownSections.joined(separator: ", "))")
        let unseen = Self.requiredTypes.subtracting(fieldsByType.keys).sorted()
        #expect(unseen.isEmpty, "the small hub produced no instance of \(unseen.joined(separator: ", ")); the check cannot see their fields")

        for (type, fields) in fieldsByType.sorted(by: { $0.key < $1.key }) {
            guard let section = doc.views[type] else { continue }
            let documented = Dictionary(section.rows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let undocumented = Set(fields.keys).subtracting(documented.keys).sorted()
            #expect(undocumented.isEmpty, "\(type): fields missing from docs/theming.md: \(undocumented.joined(separator: ", "))")
            for row in section.rows.sorted(by: { $0.line < $1.line }) {
                guard let swiftType = fields[row.name] else {
                    Issue.record("docs/theming.md:\(row.line): \(type) has no field `\(row.name)`")
                    continue
                }
                guard let expected = Self.themeType(swiftType, field: row.name) else {
                    Issue.record("\(type).\(row.name) is a \(swiftType): give it a name in ThemingDocsTests.themeNames and a `### \(swiftType)` table")
                    continue
                }
                #expect(row.type.lowercased() == expected.lowercased(),
                        "docs/theming.md:\(row.line): \(type).\(row.name) is \"\(expected)\" (\(swiftType)), the doc says \"\(row.type)\"")
            }
        }
    }

    @Test func templatesTableMatchesTheDefaultTheme() throws {
        let doc = try ThemingDoc.load()
        doc.reportProblems()
        let folder = Self.repository.appendingPathComponent("themes/default/templates")
        let files = Set(Theme.collectFiles(in: folder).keys.filter { $0.hasSuffix(".mustache") })
        let pageFiles = files.filter { !$0.contains("/") }
        let partialFiles = files.filter { $0.hasPrefix("partials/") }
        #expect(!pageFiles.isEmpty && !partialFiles.isEmpty, "no templates found in \(folder.path)")

        #expect(!doc.templates.isEmpty, "docs/theming.md has no `| template | used for | view |` table")
        let listed = Set(doc.templates.map(\.file))
        let unlisted = pageFiles.subtracting(listed).sorted()
        #expect(unlisted.isEmpty, "templates of themes/default missing from the templates table: \(unlisted.joined(separator: ", "))")
        for row in doc.templates where !pageFiles.contains(row.file) {
            Issue.record("docs/theming.md:\(row.line): `\(row.file)` is not a template in themes/default/templates")
        }

        #expect(!doc.partials.isEmpty, "docs/theming.md has no `| partial | file | used by | view |` table")
        let listedPartials = Set(doc.partials.map(\.file))
        let unlistedPartials = partialFiles.subtracting(listedPartials).sorted()
        #expect(unlistedPartials.isEmpty, "partials of themes/default missing from the partials table: \(unlistedPartials.joined(separator: ", "))")
        for row in doc.partials {
            if !partialFiles.contains(row.file) {
                Issue.record("docs/theming.md:\(row.line): `\(row.file)` is not a partial in themes/default/templates")
            }
            // `{{> card}}` is the file name without folder and extension.
            let expected = Theme.templateName(row.file)
            #expect(row.name == expected, "docs/theming.md:\(row.line): \(row.file) is included as {{> \(expected)}}, the doc says {{> \(row.name)}}")
        }

        for row in doc.templates + doc.partials where doc.views[row.view] == nil {
            Issue.record("docs/theming.md:\(row.line): the view `\(row.view)` of \(row.file) has no `### \(row.view)` table")
        }
    }

    /// Each page of the small hub is rendered by the template the table names for its URL,
    /// with the view the table names.
    @Test func templatesTableNamesTheRealViewAndURLOfEveryPage() throws {
        let doc = try ThemingDoc.load()
        let views = try RealViews.fromSmallHub()
        let rows = Dictionary(doc.templates.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(!views.pages.isEmpty)
        for page in views.pages {
            let file = page.template + ".mustache"
            guard let row = rows[file] else {
                Issue.record("\(page.path) is rendered with \(file), which the templates table does not list")
                continue
            }
            #expect(row.view == page.view, "docs/theming.md:\(row.line): \(file) receives `\(page.view)` (at \(page.path)), the doc says `\(row.view)`")
            #expect(row.urlPatterns.contains { Self.urlMatches(pattern: $0, path: page.path) },
                    "docs/theming.md:\(row.line): \(file) renders \(page.path), which none of its URL patterns \(row.urlPatterns) matches")
        }
    }

    /// Every name the default theme's templates read (`{{#hasBreadcrumbs}}`, `{{pager.nextURL}}`,
    /// `{{^empty(tags)}}` …) is a documented variable of some view.
    @Test func everyNameTheDefaultTemplatesReadIsDocumented() throws {
        let doc = try ThemingDoc.load()
        let documented = Set(doc.views.values.flatMap { $0.rows.map(\.name) })
        let folder = Self.repository.appendingPathComponent("themes/default/templates")
        let templates = Theme.collectFiles(in: folder).filter { $0.key.hasSuffix(".mustache") }
        #expect(!templates.isEmpty)
        for (file, data) in templates.sorted(by: { $0.key < $1.key }) {
            let names = Self.namesRead(by: String(decoding: data, as: UTF8.self))
            let unknown = names.subtracting(documented).sorted()
            #expect(unknown.isEmpty, "themes/default/templates/\(file) reads names docs/theming.md does not list: \(unknown.joined(separator: ", "))")
        }
    }

    /// The variable names in a template's tags: `{{#pager.pages}}` → pager, pages;
    /// `{{^empty(tags)}}` → tags; partials, blocks, comments and `{{.}}` name none.
    static func namesRead(by template: String) -> Set<String> {
        var names = Set<String>()
        for tag in matches(of: #"\{\{\{?\s*([^}]*?)\s*\}?\}\}"#, in: template, group: 1) {
            var name = tag
            if let first = name.first, "!></$=".contains(first) { continue }
            if let first = name.first, "#^&".contains(first) { name = String(name.dropFirst()).trimmingCharacters(in: .whitespaces) }
            // transform(argument): the argument is the name; `last()` names nothing.
            if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")") {
                name = String(name[name.index(after: open)..<close])
            }
            for part in name.split(separator: ".") where !part.isEmpty { names.insert(String(part)) }
        }
        return names
    }

    // MARK: - Types in theme terms

    /// `Optional<Array<LinkView>>` → "optional list of Link"; nil for a view type with no theme name.
    static func themeType(_ swiftType: String, field: String) -> String? {
        func inner(_ prefix: String) -> String? {
            guard swiftType.hasPrefix(prefix), swiftType.hasSuffix(">") else { return nil }
            return String(swiftType.dropFirst(prefix.count).dropLast())
        }
        if let wrapped = inner("Optional<") { return themeType(wrapped, field: field).map { "optional " + $0 } }
        if let element = inner("Array<") { return themeType(element, field: field).map { "list of " + $0 } }
        if swiftType.hasPrefix("Dictionary<String, ") { return "map" }
        switch swiftType {
        case "String": return field.hasSuffix("HTML") ? "HTML" : "text"
        case "Int", "Double": return "number"
        case "Bool": return "true/false"
        default: return themeNames[swiftType]
        }
    }

    /// `/tags/<slug>/` matches `/tags/seo/`; each `<…>` is one path segment.
    static func urlMatches(pattern: String, path: String) -> Bool {
        var regex = "^"
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "<") {
            regex += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: ">") else { return false }
            regex += "[^/]+"
            rest = rest[rest.index(after: close)...]
        }
        regex += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        return path.range(of: regex, options: .regularExpression) != nil
    }
}

// MARK: - The real views

/// The fields of every view type templates receive, read with Mirror from a real build of the
/// small hub (the same `PagePlanner` and `ViewFactory` the renderer uses).
struct RealViews {
    struct Page { let path: String; let template: String; let view: String }

    /// Type name → field name → Swift type of the field (`Optional<String>`, `Array<LinkView>` …).
    var fields: [String: [String: String]] = [:]
    var pages: [Page] = []
    var probe: PageContext?

    static func fromSmallHub() throws -> RealViews {
        let site = try SiteFixture(SmallHub.text)
        let result = Builder.build(BuildOptions(siteDir: site.root, jobs: 2, writeOutput: false))
        #expect(result.succeeded, "\(result.diagnostics)")
        let graph = try #require(result.graph)
        let factory = ViewFactory(graph: graph)
        var views = RealViews()
        for plan in PagePlanner.plan(graph) where !plan.template.isEmpty {
            let context = factory.context(for: plan)
            views.pages.append(Page(path: plan.path.value, template: plan.template, view: Self.name(of: context.page)))
            views.addPageContext(context)
            views.walk(context.site)
            views.walk(context.head)
            views.walk(context.breadcrumbs)
            views.walk(context.page)
        }
        return views
    }

    static func name(of value: Any) -> String { String(describing: type(of: value)) }

    /// `site`, `head` and `breadcrumbs`; what else `PageContext` answers (`hasBreadcrumbs`) is
    /// found by asking `probe`, a context whose page has no fields.
    mutating func addPageContext(_ context: PageContext) {
        let probe = PageContext(site: context.site, head: context.head, breadcrumbs: context.breadcrumbs, page: ())
        self.probe = probe
        for child in Mirror(reflecting: probe).children {
            guard let label = child.label, label != "page" else { continue }
            fields["PageContext", default: [:]][label] = Self.name(of: child.value)
        }
    }

    /// The fields of every type, with what `probe` answers for the documented `PageContext`
    /// variables that are not stored properties.
    func fields(probing documented: [String]) -> [String: [String: String]] {
        var all = fields
        for name in documented where all["PageContext"]?[name] == nil {
            if let value = probe?.templateData(site: [:])[name] { all["PageContext", default: [:]][name] = Self.name(of: value) }
        }
        return all
    }

    /// Records every struct of PlayhubKit reachable from `value`, through optionals and lists.
    mutating func walk(_ value: Any) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection, .set:
            for child in mirror.children { walk(child.value) }
        case .struct where String(reflecting: type(of: value)).hasPrefix("PlayhubKit."):
            var found: [String: String] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                found[label] = Self.name(of: child.value)
                walk(child.value)
            }
            fields[Self.name(of: value), default: [:]].merge(found) { old, _ in old }
        default:
            break
        }
    }
}

// MARK: - The doc

/// The machine-readable parts of docs/theming.md.
struct ThemingDoc {
    struct Variable { let name: String; let type: String; let example: String; let meaning: String; let line: Int }
    struct Section { var line: Int; var rows: [Variable] = [] }
    struct TemplateRow { let file: String; let name: String; let urlPatterns: [String]; let view: String; let line: Int }

    var views: [String: Section] = [:]
    var templates: [TemplateRow] = []
    var partials: [TemplateRow] = []
    /// Lines that break the format, with their line number.
    var problems: [String] = []

    static func load() throws -> ThemingDoc {
        let url = ThemingDocsTests.repository.appendingPathComponent(ThemingDocsTests.docPath)
        let text = try #require(try? String(contentsOf: url, encoding: .utf8), "cannot read \(url.path)")
        return parse(text)
    }

    func reportProblems(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for problem in problems { Issue.record("docs/theming.md:\(problem)", sourceLocation: sourceLocation) }
    }

    static let viewHeading = try! NSRegularExpression(pattern: #"^###\s+([A-Za-z_][A-Za-z0-9_]*)\s*$"#)

    static func parse(_ text: String) -> ThemingDoc {
        var doc = ThemingDoc()
        enum Table { case view(String), templates, partials, other }
        var currentView: String?
        var table: Table?
        var tableRow = 0
        var inFence = false

        for (offset, rawLine) in text.components(separatedBy: "\n").enumerated() {
            let number = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }

            if line.hasPrefix("#") {
                table = nil
                let range = NSRange(line.startIndex..., in: line)
                if let match = viewHeading.firstMatch(in: line, range: range), let name = Range(match.range(at: 1), in: line) {
                    let type = String(line[name])
                    if doc.views[type] != nil { doc.problems.append("\(number): a second `### \(type)` section") }
                    doc.views[type] = Section(line: number)
                    currentView = type
                } else {
                    currentView = nil
                }
                continue
            }

            guard line.hasPrefix("|") else {
                if table != nil { table = nil }
                continue
            }
            let cells = splitRow(line)
            if table == nil {
                // A table starts: its header says what it is.
                let header = cells.map { $0.lowercased() }
                tableRow = 0
                if header == ["template", "used for", "view"] {
                    table = .templates
                } else if header == ["partial", "file", "used by", "view"] {
                    table = .partials
                } else if let view = currentView {
                    if header == ["variable", "type", "example", "meaning"], doc.views[view]!.rows.isEmpty {
                        table = .view(view)
                    } else {
                        doc.problems.append("\(number): the table of `### \(view)` must have the header | variable | type | example | meaning |, and only one table")
                        table = .other
                    }
                } else {
                    table = .other
                }
                continue
            }
            tableRow += 1
            if tableRow == 1 {
                if !cells.allSatisfy({ $0.range(of: #"^:?-{3,}:?$"#, options: .regularExpression) != nil }) {
                    doc.problems.append("\(number): expected the table's separator row | --- | --- |")
                }
                continue
            }
            switch table! {
            case .view(let view):
                guard cells.count == 4, let name = backticked(cells[0]), name.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
                    doc.problems.append("\(number): a row of `### \(view)` must be | `name` | type | example | meaning |")
                    continue
                }
                if cells[1...].contains(where: \.isEmpty) { doc.problems.append("\(number): `\(name)` of \(view) has an empty cell") }
                if doc.views[view]!.rows.contains(where: { $0.name == name }) { doc.problems.append("\(number): `\(name)` is listed twice in \(view)") }
                doc.views[view]!.rows.append(Variable(name: name, type: cells[1], example: cells[2], meaning: cells[3], line: number))
            case .templates:
                guard cells.count == 3, let file = backticked(cells[0]), file.hasSuffix(".mustache"),
                      let view = spans(cells[2]).first else {
                    doc.problems.append("\(number): a row of the templates table must be | `file.mustache` | used for | `SwiftView` |")
                    continue
                }
                doc.templates.append(TemplateRow(file: file, name: Theme.templateName(file),
                                                 urlPatterns: spans(cells[1]).filter { $0.hasPrefix("/") }, view: view, line: number))
            case .partials:
                guard cells.count == 4, let include = backticked(cells[0]), include.hasPrefix("{{>"), include.hasSuffix("}}"),
                      let file = backticked(cells[1]), let view = spans(cells[3]).first else {
                    doc.problems.append("\(number): a row of the partials table must be | `{{> name}}` | `partials/name.mustache` | used by | `SwiftView` |")
                    continue
                }
                let name = include.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
                doc.partials.append(TemplateRow(file: file, name: name, urlPatterns: [], view: view, line: number))
            case .other:
                continue
            }
        }
        for (type, section) in doc.views where section.rows.isEmpty {
            doc.problems.append("\(section.line): `### \(type)` has no | variable | type | example | meaning | table")
        }
        return doc
    }

    /// Cells of `| a | b \| c |`, trimmed; `\|` is a pipe inside a cell.
    static func splitRow(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped { cell.append(character == "|" ? "|" : "\\\(character)"); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { cells.append(cell.trimmingCharacters(in: .whitespaces)); cell = ""; continue }
            cell.append(character)
        }
        if escaped { cell.append("\\") }
        if !cell.trimmingCharacters(in: .whitespaces).isEmpty { cells.append(cell.trimmingCharacters(in: .whitespaces)) }
        return cells
    }

    /// The text of a cell that is exactly one code span: "`count`" → "count".
    static func backticked(_ cell: String) -> String? {
        guard cell.count >= 2, cell.hasPrefix("`"), cell.hasSuffix("`") else { return nil }
        let inner = cell.dropFirst().dropLast()
        return inner.contains("`") || inner.isEmpty ? nil : String(inner)
    }

    /// Every code span of a cell, in order.
    static func spans(_ cell: String) -> [String] {
        let parts = cell.components(separatedBy: "`")
        return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0] }.filter { !$0.isEmpty }
    }
}
