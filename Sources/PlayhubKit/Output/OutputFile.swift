import Foundation

/// One file of the built site: its path inside the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative, `/`-separated: `playbooks/x/index.html`, `style.css`.
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
