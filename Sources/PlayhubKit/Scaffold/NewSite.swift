import Foundation

/// `playhub init`: a new hub that builds at once with the default theme built into playhub:
/// site.json, one category, one tag, one playbook and an about page.
public enum NewSite {
    public enum Failure: Error, CustomStringConvertible {
        case notEmpty(String)
        case write(String)
        public var description: String {
            switch self {
            case .notEmpty(let path): "\(path) is not empty; playhub init only writes into a new or empty folder"
            case .write(let message): "cannot write the new site: \(message)"
            }
        }
    }

    /// Writes the files and returns their paths, relative to `dir`.
    public static func write(to dir: URL, today: Day = Day(Date())) -> Result<[String], Failure> {
        let fm = FileManager.default
        if let entries = try? fm.contentsOfDirectory(atPath: dir.path), !entries.isEmpty { return .failure(.notEmpty(dir.path)) }
        let files = self.files(today: today)
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let url = dir.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            return .failure(.write(error.localizedDescription))
        }
        return .success(files.keys.sorted())
    }

    static func files(today: Day) -> [String: String] {
        [
            "site.json": """
            {
              "title": "My Playbook Hub",
              "baseURL": "https://example.org/",
              "language": "en",
              "theme": "default",
              "paginate": 24,
              "params": { "description": "Step-by-step playbooks from our team." }
            }

            """,
            ".gitignore": "public/\n.playhub-cache/\n",
            "content/categories/operations.md": """
            ---
            title: "Operations"
            description: "How we run the business day to day."
            ---

            Runbooks and checklists for the work that keeps the company running.

            """,
            "content/tags/onboarding.md": """
            ---
            title: "Onboarding"
            category: "operations"
            description: "Onboarding is everything that gets a new colleague productive in their first weeks."
            faq:
              - q: "When should onboarding start?"
                a: "Before day one: accounts, equipment and a first task should be ready when the person arrives."
            ---

            ## Why onboarding matters

            A planned first week is the cheapest way to make a new hire productive and keep them.

            """,
            "content/playbooks/first-week-onboarding.md": """
            ---
            title: "First-week onboarding"
            summary: "Get a new colleague set up and shipping something small in their first week."
            tags: ["onboarding"]
            type: "Checklist"
            date: \(today)
            ---

            By Friday of their first week, a new colleague has every account they need and has finished one small, real task.

            ## Steps

            1. **Before day one.** Create accounts and order equipment.
            2. **Day one.** Walk through the tools and introduce the team.
            3. **Day three.** Hand over a small, real task with a clear owner for questions.

            ## Checklist

            - [ ] Accounts created
            - [ ] Buddy assigned
            - [ ] First task finished

            """,
            "content/pages/about.md": """
            ---
            title: "About"
            description: "Who writes these playbooks."
            ---

            This hub collects the playbooks our team uses. Add one with `playhub new playbook "Title"`.

            """,
        ]
    }
}
