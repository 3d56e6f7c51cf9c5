import Mustache

/// How `{{x}}` escapes in playhub's templates: the same five entities as swift-mustache's
/// built-in HTML content type, through `HTML.escape`, which skips the work for the many
/// values that need none. It is registered as a Mustache content type and selected by a
/// pragma that `Theme` puts in front of every template, so theme authors write nothing.
struct TemplateEscaping: MustacheContentType {
    static let name = "PLAYHUB_HTML"
    /// Prepended to every template's text, on its first line so line numbers stay true.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    func escapeText(_ text: String) -> String { HTML.escape(text) }

    /// Registers the content type once per process.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)
}
