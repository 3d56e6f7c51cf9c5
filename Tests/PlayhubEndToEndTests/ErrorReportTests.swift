import Foundation
import Testing
@testable import PlayhubKit

/// Each validation rule of SPEC §1–2: a site with one mistake, and the exact place and words
/// of the error it gets.
@Suite struct ErrorReportTests {
    /// Builds the small hub with `files` replaced and returns the printed diagnostics.
    func errors(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String] {
        try SmallHub.failedBuild(files, sourceLocation: sourceLocation).map(\.description)
    }

    func playbook(_ frontMatter: String, body: String = "Body.") -> String { SmallHub.playbook(frontMatter, body: body) }

    @Test func misspeltTagSuggestsTheRightOne() throws {
        let found = try errors(["content/playbooks/bad.md": playbook("title: \"Bad\"\ntags: [\"seo\", \"pricng\"]")])
        #expect(found == ["content/playbooks/bad.md:3:15: error: unknown tag 'pricng' (did you mean 'pricing'?)"])
    }

    @Test func tagInABlockListPointsAtItsLine() throws {
        let found = try errors(["content/playbooks/bad.md": playbook("title: \"Bad\"\ntags:\n  - seo\n  - hirng")])
        #expect(found == ["content/playbooks/bad.md:5:5: error: unknown tag 'hirng' (did you mean 'hiring'?)"])
    }

    @Test func missingTitleAndTags() throws {
        let found = try errors(["content/playbooks/bad.md": playbook("summary: \"No title\"")])
        #expect(found == [
            "content/playbooks/bad.md:1:1: error: required front matter key 'tags' is missing (add `tags: [\"sales-pipeline\"]`)",
            "content/playbooks/bad.md:1:1: error: required front matter key 'title' is missing (add `title: \"How to run a pipeline review\"`, or start the body with `# Title`)",
        ])
    }

    @Test func emptyTagList() throws {
        let found = try errors(["content/playbooks/bad.md": playbook("title: \"Bad\"\ntags: []")])
        #expect(found == ["content/playbooks/bad.md:3:7: error: 'tags' needs at least one entry (e.g. `tags: [\"sales-pipeline\"]`)"])
    }

    @Test func unknownKeyGetsADidYouMeanHint() throws {
        let found = try errors(["content/playbooks/bad.md": playbook("title: \"Bad\"\ntags: [seo]\nsumary: \"typo\"")])
        #expect(found == ["content/playbooks/bad.md:4:1: error: unknown front matter key 'sumary' (did you mean 'summary'?)"])
    }

    @Test func invalidDateAndWrongTypes() throws {
        let found = try errors(["content/playbooks/bad.md": playbook("title: \"Bad\"\ntags: [seo]\ndate: 2024-02-30\ndraft: \"yes\"\nweight: high")])
        #expect(found == [
            "content/playbooks/bad.md:4:7: error: 'date' is not a valid date: '2024-02-30' (write it as YYYY-MM-DD, e.g. 2024-03-05)",
            "content/playbooks/bad.md:5:8: error: 'draft' must be true or false",
            "content/playbooks/bad.md:6:9: error: 'weight' must be a whole number such as 10",
        ])
    }

    @Test func updatedBeforeDate() throws {
        let found = try errors(["content/playbooks/bad.md": playbook("title: \"Bad\"\ntags: [seo]\ndate: 2024-05-01\nupdated: 2024-04-01")])
        #expect(found == ["content/playbooks/bad.md:5:10: error: 'updated' (2024-04-01) is earlier than 'date' (2024-05-01) (a playbook cannot be updated before it is published)"])
    }

    @Test func unknownCategoryOnPlaybookAndTag() throws {
        let found = try errors([
            "content/playbooks/bad.md": playbook("title: \"Bad\"\ntags: [seo]\ncategory: growht"),
            "content/tags/bad-tag.md": "---\ntitle: \"Bad\"\ncategory: \"operatons\"\ndescription: \"A tag.\"\n---\n",
        ])
        #expect(found == [
            "content/playbooks/bad.md:4:11: error: unknown category 'growht' (did you mean 'growth'?)",
            "content/tags/bad-tag.md:3:11: error: unknown category 'operatons' (did you mean 'operations'?)",
        ])
    }

    @Test func tagNeedsCategoryAndDescription() throws {
        let found = try errors(["content/tags/bad-tag.md": "---\ntitle: \"Bad\"\n---\n"])
        #expect(found == [
            "content/tags/bad-tag.md:1:1: error: required front matter key 'category' is missing (add `category: marketing`)",
            "content/tags/bad-tag.md:1:1: error: required front matter key 'description' is missing (add `description: \"One or two sentences that say what this is.\"`)",
        ])
    }

    @Test func relatedMustExist() throws {
        let found = try errors([
            "content/tags/bad-tag.md": "---\ntitle: \"Bad\"\ncategory: growth\ndescription: \"A tag.\"\nrelated: [seo, nothing-like-it]\n---\n",
            "content/categories/bad-cat.md": "---\ntitle: \"Bad\"\ndescription: \"A category.\"\nrelated: [operation]\n---\n",
        ])
        #expect(found == [
            "content/categories/bad-cat.md:4:11: error: unknown category 'operation' (did you mean 'operations'?)",
            "content/tags/bad-tag.md:5:16: error: unknown tag 'nothing-like-it' (tags are the files in content/tags/)",
        ])
    }

    @Test func faqEntriesNeedQuestionAndAnswer() throws {
        let found = try errors(["content/tags/bad-tag.md": "---\ntitle: \"Bad\"\ncategory: growth\ndescription: \"A tag.\"\nfaq:\n  - q: \"Only a question?\"\n  - q: \"Fine?\"\n    ans: \"typo\"\n---\n"])
        #expect(found == [
            "content/tags/bad-tag.md:6:5: error: an FAQ entry needs both `q` and `a` (write `- q: \"Question?\"` and `  a: \"Answer.\"`)",
            "content/tags/bad-tag.md:7:5: error: an FAQ entry needs both `q` and `a` (write `- q: \"Question?\"` and `  a: \"Answer.\"`)",
            "content/tags/bad-tag.md:8:5: error: unknown FAQ key 'ans' (did you mean 'a'?)",
        ])
    }

    @Test func fileNameThatIsNotASlugSaysWhatTheSlugWouldBe() throws {
        let found = try errors(["content/playbooks/Pipeline Review_v2.md": playbook("title: \"P\"\ntags: [seo]")])
        #expect(found == ["content/playbooks/Pipeline Review_v2.md:1:1: error: file name 'Pipeline Review_v2.md' is not a valid slug (lowercase a-z, 0-9 and single hyphens) (rename it to 'pipeline-review-v2.md')"])
    }

    @Test func slugsCollidingAcrossFolders() throws {
        let found = try errors(["content/playbooks/operations/price-test.md": playbook("title: \"Again\"\ntags: [hiring]")])
        #expect(found == ["content/playbooks/price-test.md:1:1: error: playbook slug 'price-test' is already used by content/playbooks/operations/price-test.md (rename one of the two files; sub-folders do not change the slug)"])
    }

    @Test func brokenFrontMatter() throws {
        let found = try errors([
            "content/playbooks/a-no-front-matter.md": "Just text.\n",
            "content/playbooks/b-unclosed.md": "---\ntitle: \"X\"\ntags: [seo]\n\nBody.\n",
            "content/playbooks/c-bad-yaml.md": "---\ntitle: \"X\ntags: [seo]\n---\n",
            "content/playbooks/d-tab.md": "---\ntitle: X\ntags:\n\t- seo\n---\n",
        ])
        #expect(found == [
            "content/playbooks/a-no-front-matter.md:1:1: error: file does not start with front matter (put a `---` line, the YAML keys (title: ...) and another `---` line at the top)",
            "content/playbooks/b-unclosed.md:1:1: error: front matter opened with `---` on line 1 is never closed (add a `---` line after the last front matter key)",
            "content/playbooks/c-bad-yaml.md:2:8: error: front matter is not valid YAML: while scanning a quoted scalar, found unexpected end of stream (line 3) (check the quotes, brackets and indentation on this line)",
            "content/playbooks/d-tab.md:4:1: error: a tab indents this front matter line (YAML indents with spaces only; replace the tab with spaces)",
        ])
    }

    @Test func siteJSONUnknownKeyAndMissingBaseURL() throws {
        let found = try errors(["site.json": "{\n  \"title\": \"T\",\n  \"paginat\": 3\n}\n"])
        #expect(found == [
            "site.json:1:1: error: site.json has no 'baseURL' (add \"baseURL\": \"https://example.org/\")",
            "site.json:3:3: error: unknown key 'paginat' in site.json (did you mean 'paginate'?)",
        ])
    }

    @Test func allErrorsOfABuildAreReportedSortedByFileAndLine() throws {
        let found = try errors([
            "content/playbooks/zeta.md": playbook("title: \"Z\"\ntags: [sep]"),
            "content/playbooks/alpha.md": playbook("title: \"A\"\ntags: [seo]\nfeatured: maybe\nauthor: [\"x\"]"),
            "content/tags/seo.md": "---\ntitle: \"SEO\"\ncategory: grow\ndescription: \"d\"\n---\n",
        ])
        #expect(found == [
            "content/playbooks/alpha.md:4:11: error: 'featured' must be true or false",
            "content/playbooks/alpha.md:5:9: error: 'author' must be a text value",
            "content/playbooks/zeta.md:3:8: error: unknown tag 'sep' (did you mean 'seo'?)",
            "content/tags/seo.md:3:11: error: unknown category 'grow' (did you mean 'growth'?)",
        ])
    }

    @Test func templateSyntaxErrorsNameTheFileAndLine() throws {
        let found = try errors([
            "templates/page.mustache": "<!DOCTYPE html>\n<title>{{title}}</title>\n<p>{{#body}}\n",
            "templates/404.mustache": "{{/oops}}<p>x</p>\n",
        ])
        #expect(found == [
            "templates/404.mustache:1:4: error: template syntax error: a section is closed with a different name than it was opened with (near `{{/oops}}<p>x</p>`)",
            "templates/page.mustache:4:1: error: template syntax error: a section is never closed (missing `{{/name}}`) (near ``)",
        ])
    }

    @Test func missingTemplateIsNamed() throws {
        let site = try SiteFixture(SmallHub.text, files: ["themes/bare/templates/base.mustache": "<!DOCTYPE html>{{$main}}{{/main}}",
                                                         "site.json": #"{"title": "T", "baseURL": "https://example.org/", "theme": "bare"}"#])
        let result = site.build()
        #expect(result.diagnostics.errors.map(\.description).contains(
            "error: template 'playbook.mustache' not found (add templates/playbook.mustache to the site or to themes/bare/templates/)"))
        #expect(!site.exists("index.html"))
    }
}
