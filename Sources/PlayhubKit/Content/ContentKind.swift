/// The kinds of content file, each in its own folder under `content/` (SPEC §1).
public enum ContentKind: String, Sendable, CaseIterable, Comparable {
    case category, tag, playbook, industry, tool, page

    /// The folder under `content/` that holds this kind.
    public var folder: String {
        switch self {
        case .category: "categories"
        case .tag: "tags"
        case .playbook: "playbooks"
        case .industry: "industries"
        case .tool: "tools"
        case .page: "pages"
        }
    }

    /// Only playbooks may be organised in sub-folders.
    var allowsSubfolders: Bool { self == .playbook }

    public static func < (a: ContentKind, b: ContentKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
