import Foundation
import Testing
@testable import PlayhubKit

/// Every kind of single-file edit, rebuilt with the cache the last build left, on disk
/// (`playhub build`) and in memory (`serve`), and compared file by file with a clean build of
/// the edited site. One base site (the small hub), one table.
@Suite struct RebuildTableTests {
    enum Cache: String, CaseIterable, CustomTestStringConvertible {
        case disk, memory
        var testDescription: String { rawValue }
    }

    /// An edit: a file written (or removed, with nil) and what the rebuilt output must show.
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var text: String?
        var shows: (path: String, text: String)?
        var testDescription: String { name }
    }

    static let priceTest = SiteFixture.parse(SmallHub.text)["content/playbooks/price-test.md"]!
    static let pricing = SiteFixture.parse(SmallHub.text)["content/tags/pricing.md"]!
    static let growth = SiteFixture.parse(SmallHub.text)["content/categories/growth.md"]!

    static let edits: [Edit] = [
        Edit(name: "a playbook's body", path: "content/playbooks/price-test.md", text: priceTest + "\nOne more step.\n",
             shows: ("playbooks/price-test/index.html", "One more step.")),
        Edit(name: "a playbook's title", path: "content/playbooks/price-test.md",
             text: priceTest.replacingOccurrences(of: "\"Price Test\"", with: "\"Price Experiment\""), shows: ("tags/pricing/index.html", "Price Experiment")),
        Edit(name: "a playbook's tags", path: "content/playbooks/price-test.md",
             text: priceTest.replacingOccurrences(of: #"tags: ["pricing", "seo"]"#, with: #"tags: ["pricing", "hiring"]"#),
             shows: ("tags/hiring/index.html", "Price Test")),
        Edit(name: "a playbook's dates", path: "content/playbooks/price-test.md",
             text: priceTest.replacingOccurrences(of: "date: 2023-06-01", with: "date: 2025-06-01").replacingOccurrences(of: "updated: 2023-07-01", with: "updated: 2025-07-01"),
             shows: ("playbooks/price-test/index.html", "2025-07-01")),
        Edit(name: "a new playbook", path: "content/playbooks/new-one.md",
             text: "---\ntitle: \"New One\"\ntags: [seo]\ndate: 2025-01-01\n---\n\nNew.\n", shows: ("tags/seo/index.html", "New One")),
        Edit(name: "a removed playbook", path: "content/playbooks/operations/hiring-loop.md", text: nil, shows: nil),
        Edit(name: "a draft published", path: "content/playbooks/old-draft.md",
             text: SiteFixture.parse(SmallHub.text)["content/playbooks/old-draft.md"]!.replacingOccurrences(of: "draft: true\n", with: ""),
             shows: ("tags/seo/index.html", "Unfinished Draft")),
        Edit(name: "a tag's title", path: "content/tags/pricing.md",
             text: pricing.replacingOccurrences(of: "\"Pricing\"", with: "\"Pricing Strategy\""), shows: ("playbooks/price-test/index.html", "Pricing Strategy")),
        Edit(name: "a category's description", path: "content/categories/growth.md",
             text: growth.replacingOccurrences(of: "Getting and keeping customers.", with: "Winning customers."), shows: ("categories/index.html", "Winning customers.")),
        Edit(name: "a tool's own file", path: "content/tools/google-analytics.md",
             text: "---\ntitle: \"Google Analytics\"\ndescription: \"Web analytics by Google.\"\n---\n", shows: ("tools/google-analytics/index.html", "Web analytics by Google.")),
        Edit(name: "a free page", path: "content/pages/about.md",
             text: "---\ntitle: \"About us\"\ndescription: \"About this hub.\"\n---\n\nWho we are.\n", shows: ("index.html", "About us")),
    ]

    @Test(arguments: Cache.allCases, edits) func aRebuildIsACleanBuild(cache: Cache, edit: Edit) throws {
        let site = try SiteFixture(SmallHub.text)
        site.backdate()
        let memory = BuildCache()
        func build() -> BuildResult {
            var options = BuildOptions(siteDir: site.root, jobs: 2)
            options.persistentCache = cache == .disk
            if cache == .memory { options.cache = memory }
            return Builder.build(options)
        }
        let first = build()
        #expect(first.succeeded)
        if let text = edit.text { try site.write(edit.path, text) } else { try site.remove(edit.path) }
        let rebuilt = build()
        #expect(rebuilt.succeeded, "\(rebuilt.diagnostics)")
        #expect(rebuilt.renderedPages < rebuilt.pagesByKind.values.reduce(0, +) || edit.path.hasPrefix("content/categories/")
                || edit.path.hasPrefix("content/pages/"), "\(rebuilt.renderedPages) pages rendered")
        if let shows = edit.shows { site.expectFile(shows.path, shows.text) }

        #expect(Builder.build(BuildOptions(siteDir: site.root, outputDir: "clean", jobs: 1)).succeeded)
        let clean = site.outputBytes(in: "clean"), incremental = site.outputBytes()
        #expect(incremental.keys.sorted() == clean.keys.sorted())
        for (path, bytes) in clean {
            #expect(incremental[path] == bytes, "\(path)")
        }
    }
}
