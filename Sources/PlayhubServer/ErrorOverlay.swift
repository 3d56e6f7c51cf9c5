import PlayhubKit

/// The box every served page shows while the last rebuild failed: each error's
/// `file:line:column` and message, HTML-escaped (a message quotes the author's text, which
/// may hold markup). It is part of the served page only; the page under it is the last good
/// build, and the overlay disappears with the next good one.
public enum ErrorOverlay {
    /// Beyond this many, the count alone: a thousand broken files need fixing, not reading.
    static let shownLimit = 100

    public static func html(for errors: [Diagnostic]) -> String {
        guard !errors.isEmpty else { return "" }
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        var items = ""
        for error in errors.prefix(shownLimit) {
            items += "<li style=\"margin:0 0 .75em\">"
            if let location = error.location {
                items += "<code style=\"color:#ffd479\">\(HTML.escape(location.description))</code> "
            }
            items += HTML.escape(error.message)
            if let hint = error.hint {
                items += "<br><span style=\"color:#b8c4d0\">\(HTML.escape(hint))</span>"
            }
            items += "</li>\n"
        }
        if errors.count > shownLimit { items += "<li>… and \(errors.count - shownLimit) more (see the terminal)</li>\n" }
        return """
        <div id="playhub-error-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
        background:rgba(24,26,31,.95);color:#f4f4f4;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;text-align:left">
        <p style="margin:0 0 1rem;font:bold 1.2rem system-ui,sans-serif;color:#ff8a80">playhub: the rebuild failed with \(count)</p>
        <ul style="list-style:none;margin:0 0 1rem;padding:0">
        \(items)</ul>
        <p style="margin:0;font:.9rem system-ui,sans-serif;color:#b8c4d0">Underneath is the last good build. Fix the file and save: \
        this page reloads, and the box goes away after the next good build. \
        <button type="button" onclick="this.closest('#playhub-error-overlay').remove()">Hide</button></p>
        </div>

        """
    }
}
