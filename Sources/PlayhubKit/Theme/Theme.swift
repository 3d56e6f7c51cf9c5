import Foundation
import Mustache

/// The templates and static files a site is rendered with: the site's `templates/` over the
/// theme's `templates/`, the site's `static/` over the theme's `static/`. The default theme
/// is also compiled into playhub, so a site without a `themes/default` folder still builds.
public struct Theme: Sendable {
    public let name: String
    let library: MustacheLibrary
    /// Template name → the file it came from, for messages.
    public let templateFiles: [String: String]
    /// Output path → bytes, theme static first, then the site's.
    public let staticFiles: [String: Data]
    /// Changes whenever any template's text or static file does (pages rendered with other
    /// templates are never reused from a cache).
    /// Stable across processes: the build cache compares it between runs.
    public let fingerprint: UInt64

    /// Loads and parses every template once. Syntax errors name the file and line; so do
    /// references to templates that do not exist and templates that include themselves.
    public static func load(siteDir: URL, config: SiteConfig) -> Result<Theme, Diagnostics> {
        var problems = Diagnostics()
        var sources: [String: (file: String, text: String)] = [:]   // name → source
        var statics: [String: Data] = [:]
        let themeDir = "themes/\(config.theme)"
        let themeURL = siteDir.appendingPathComponent(themeDir)

        if FileManager.default.fileExists(atPath: themeURL.path) {
            collectTemplates(in: siteDir, folder: "\(themeDir)/templates", into: &sources)
            let (themeStatics, staticProblems) = StaticFiles.collect(in: siteDir.appendingPathComponent("\(themeDir)/static"),
                                                                     shownAs: "\(themeDir)/static/", siteDir: siteDir)
            statics = themeStatics
            problems.append(contentsOf: staticProblems)
        } else if config.theme == "default" {
            (sources, statics) = builtIn()
        } else {
            problems.append(Diagnostic(.missingTemplate, at: SourceLocation(file: "site.json"), "theme '\(config.theme)' not found in \(themeDir)/",
                hint: "add the theme folder, or set \"theme\": \"default\""))
            return .failure(problems)
        }
        collectTemplates(in: siteDir, folder: "templates", into: &sources)
        let (siteStatics, staticProblems) = StaticFiles.collect(in: siteDir.appendingPathComponent("static"), shownAs: "static/", siteDir: siteDir)
        statics.merge(siteStatics) { _, site in site }
        problems.append(contentsOf: staticProblems)

        return make(name: config.theme, sources: sources, statics: statics, problems: problems)
    }

    /// The built-in default theme's templates (name → file and text) and static files.
    static func builtIn() -> (sources: [String: (file: String, text: String)], statics: [String: Data]) {
        var sources: [String: (file: String, text: String)] = [:]
        var statics: [String: Data] = [:]
        for (path, data) in EmbeddedTheme.files.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                sources[templateName(String(path.dropFirst("templates/".count)))] = ("(built-in default theme)/\(path)", String(decoding: data, as: UTF8.self))
            } else if path.hasPrefix("static/") {
                statics[String(path.dropFirst("static/".count))] = data
            }
        }
        return (sources, statics)
    }

    /// Parses and checks templates already read (name → file shown in messages, and text):
    /// syntax, characters pages must not hold, nesting, and every partial and parent
    /// reference: it must name a template there is, and no template may include itself,
    /// directly or through others. Every problem is reported, after `problems` found earlier.
    static func make(name themeName: String, sources: [String: (file: String, text: String)], statics: [String: Data],
                     problems earlier: Diagnostics = Diagnostics()) -> Result<Theme, Diagnostics> {
        var problems = earlier
        TemplateEscaping.registered
        var library = MustacheLibrary()
        var files: [String: String] = [:]
        var scans: [TemplateReferences.Entry] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for found in ForbiddenCharacter.all(in: source.text) {
                problems.append(Diagnostic(.template, at: SourceLocation(file: source.file, line: found.line + 1, column: found.column),
                    "template contains \(ForbiddenCharacter.describe(found.scalar)); remove it"))
            }
            let scan = TemplateScan(source.text)
            if let deep = scan.tooDeep {
                problems.append(Diagnostic(.template, at: SourceLocation(file: source.file, line: deep.line, column: deep.column),
                    "sections nest more than \(TemplateScan.depthLimit) deep here", hint: "move the inner part into a partial, or close sections sooner"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: TemplateEscaping.pragma + source.text), named: name)
                files[name] = source.file
                scans.append(.init(name: name, file: source.file, scan: scan))
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits on line 1: take its width back out of columns there.
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - TemplateEscaping.pragma.count) : error.context.columnNumber
                problems.append(Diagnostic(.template, at: SourceLocation(file: source.file, line: line, column: column),
                    "template syntax error: \(describe(error.error))",
                    hint: "near `\(error.context.line.replacingOccurrences(of: TemplateEscaping.pragma, with: "").trimmingCharacters(in: .whitespaces))`"))
            } catch {
                problems.append(Diagnostic(.template, at: SourceLocation(file: source.file), "template error: \(error)"))
            }
        }
        problems.append(contentsOf: TemplateReferences.problems(scans, known: Set(sources.keys)))
        if problems.hasErrors { return .failure(problems) }
        var hash = StableHash()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) { hash.combine(name); hash.combine(source.text) }
        for (path, data) in statics.sorted(by: { $0.key < $1.key }) { hash.combine(path); hash.combine([UInt8](data)) }
        return .success(Theme(name: themeName, library: library, templateFiles: files, staticFiles: statics,
                              fingerprint: hash.value))
    }

    /// Renders `object` with the named template; nil when there is no such template.
    func render(_ object: Any, template: String) -> String? {
        library.render(object, withTemplate: template)
    }

    public func hasTemplate(_ name: String) -> Bool { templateFiles[name] != nil }

    // MARK: - Loading files

    /// `partials/card.mustache` → `card`; `playbook.mustache` → `playbook`.
    static func templateName(_ relativePath: String) -> String {
        ((relativePath as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private static func collectTemplates(in siteDir: URL, folder: String, into sources: inout [String: (file: String, text: String)]) {
        for (relative, data) in collectFiles(in: siteDir.appendingPathComponent(folder)) where relative.hasSuffix(".mustache") {
            sources[templateName(relative)] = ("\(folder)/\(relative)", String(decoding: data, as: UTF8.self))
        }
    }

    /// Every regular file below `folder`, keyed by its path relative to it.
    static func collectFiles(in folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  !url.lastPathComponent.hasPrefix("."), let data = try? Data(contentsOf: url) else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            files[String(path.dropFirst(prefix.count))] = data
        }
        return files
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: "a tag is not finished (missing `}}`)"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed (missing `{{/name}}`)"
        default: "\(error)"
        }
    }
}
