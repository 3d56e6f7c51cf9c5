import Foundation

/// `playhub new playbook`: a skeleton with the sections a good playbook has, dated today,
/// that builds as it is. It never overwrites a file.
public enum NewPlaybook {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case badTitle(String)
        case unknownTags([String], hint: String?)
        case noTags
        case write(String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; playhub new never overwrites a file"
            case .badTitle(let title): "the title '\(title)' has no letters or digits to make a file name from"
            case .unknownTags(let tags, let hint): "unknown tag\(tags.count == 1 ? "" : "s") \(tags.map { "'\($0)'" }.joined(separator: ", "))" + (hint.map { " (\($0))" } ?? "")
            case .noTags: "the site has no tags yet; add one in content/tags/ first"
            case .write(let message): "cannot write the playbook: \(message)"
            }
        }
    }

    /// Writes `content/playbooks/<slug>.md` and returns its site-relative path.
    public static func write(title: String, tags requested: [String], siteDir: URL, contentDir: String = "content",
                             today: Day = Day(Date())) -> Result<String, Failure> {
        let slug = Slug.from(title)
        guard !slug.isEmpty else { return .failure(.badTitle(title)) }
        let known = ContentScanner.markdownFiles(in: siteDir.appendingPathComponent("\(contentDir)/tags"), recursive: false, insideOf: "/")
            .map { String($0.path.dropLast(3)) }
        let unknown = requested.filter { !known.contains($0) }
        if !unknown.isEmpty { return .failure(.unknownTags(unknown, hint: DidYouMean.hint(for: unknown[0], in: known))) }
        guard let tags = requested.isEmpty ? known.first.map({ [$0] }) : requested else { return .failure(.noTags) }

        let relative = "\(contentDir)/playbooks/\(slug).md"
        let existing = ContentScanner.markdownFiles(in: siteDir.appendingPathComponent("\(contentDir)/playbooks"), recursive: true, insideOf: "/").map(\.path)
        if let clash = existing.first(where: { ($0 as NSString).lastPathComponent == "\(slug).md" }) {
            return .failure(.exists("\(contentDir)/playbooks/\(clash)"))
        }
        let url = siteDir.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(skeleton(title: title, tags: tags, today: today, tagsWereChosen: !requested.isEmpty).utf8)
                .write(to: url, options: .withoutOverwriting)
        } catch {
            return .failure(.write(error.localizedDescription))
        }
        return .success(relative)
    }

    static func skeleton(title: String, tags: [String], today: Day, tagsWereChosen: Bool) -> String {
        let quotedTitle = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let tagList = "[" + tags.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        return """
        ---
        title: \(quotedTitle)
        summary: "One sentence: what this playbook achieves and for whom."
        tags: \(tagList)\(tagsWereChosen ? "" : "  # pick the right tags from content/tags/")
        type: "Playbook"
        date: \(today)
        ---

        State the outcome this playbook delivers and how long it takes.

        ## When to use this playbook

        The situation, the trigger, and when another playbook fits better.

        ## Roles

        - **Owner:** who runs it and is accountable for the result.
        - **Contributors:** who helps, and with what.

        ## Steps

        1. **First step.** What to do, with which tool, and what "done" looks like.
        2. **Second step.** …
        3. **Third step.** …

        ## Checklist

        - [ ] Owner named and informed
        - [ ] Inputs gathered
        - [ ] Result reviewed and shared

        ## Metrics

        - The number that tells you it worked, with a target.

        ## Common pitfalls

        - What usually goes wrong, and how to avoid it.

        """
    }
}
