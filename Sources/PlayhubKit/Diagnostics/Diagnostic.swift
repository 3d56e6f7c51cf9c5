/// One problem found in a site: where it is, what is wrong and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// A stable identifier for the kind of problem, so tests and tools need not match prose.
    public enum Code: String, Sendable {
        case io, encoding
        case invalidConfig, unknownConfigKey
        case missingFrontMatter, unclosedFrontMatter, invalidYAML
        case missingKey, wrongType, unknownKey, invalidDate, invalidSlug, duplicateSlug
        case unknownTag, unknownCategory, unknownRelated, dateOrder
        case template, missingTemplate
        case brokenLink
        /// Raw HTML in Markdown that safe mode removed.
        case rawHTML
        case unsafeOutput
        /// The output folder's manifest was written by another site: its files are left alone.
        case otherSiteOutput
        /// Another build holds the output folder.
        case outputLocked
        /// Writing the output failed (disk full, permissions, a name too long); the previous site stays.
        case writeFailed
        /// A file under the content folder that playhub does not read.
        case ignoredFile
        /// Two outputs at one path, or a file where a folder of pages must go.
        case outputClash
        /// A static file that replaces a page or file playhub generates.
        case staticOverride
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var hint: String?
    public var code: Code

    public init(_ code: Code, at location: SourceLocation?, _ message: String,
                hint: String? = nil, severity: Severity = .error) {
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    /// `content/playbooks/x.md:4:9: error: unknown tag 'grwth' (did you mean 'growth'?)`
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}
