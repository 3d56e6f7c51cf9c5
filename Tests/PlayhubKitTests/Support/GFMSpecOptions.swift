@testable import PlayhubKit

extension MarkdownOptions {
    /// The GFM spec's examples are written without smart punctuation.
    static var gfmSpec: MarkdownOptions {
        var options = MarkdownOptions()
        options.smartPunctuation = false
        return options
    }
}
