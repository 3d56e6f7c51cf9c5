import Testing
@testable import PlayhubKit

/// Slugs: lowercase ASCII letters, digits and single inner hyphens (SPEC §1).
@Suite struct SlugTests {
    @Test(arguments: ["a", "seo", "google-analytics", "e-commerce", "top-10-tools", "2024", "a-b-c"])
    func validSlugs(_ text: String) {
        #expect(Slug.isValid(text))
    }

    @Test(arguments: ["", "-seo", "seo-", "a--b", "SEO", "Seo", "a_b", "a b", "café", "a.md", "a/b", "-", "ｓｅｏ"])
    func invalidSlugs(_ text: String) {
        #expect(!Slug.isValid(text))
    }

    @Test func namesBecomeSlugs() {
        #expect(Slug.from("Google Analytics") == "google-analytics")
        #expect(Slug.from("E-commerce") == "e-commerce")
        #expect(Slug.from("SaaS") == "saas")
        #expect(Slug.from("Top 10 Tools") == "top-10-tools")
        #expect(Slug.from("C++ & Rust") == "c-rust")
        #expect(Slug.from("my_playbook.v2") == "my-playbook-v2")
    }

    @Test func accentsAreFolded() {
        #expect(Slug.from("Café Ops") == "cafe-ops")
        #expect(Slug.from("Crème Brûlée") == "creme-brulee")
        #expect(Slug.from("ÅNGSTRÖM") == "angstrom")
        #expect(Slug.from("ﬁnance") == "finance") // compatibility ligature
    }

    @Test func apostrophesAreDropped() {
        #expect(Slug.from("Writer's Guide") == "writers-guide")
        #expect(Slug.from("Founder’s Checklist") == "founders-checklist")
    }

    @Test func leadingTrailingAndRepeatedSeparatorsCollapse() {
        #expect(Slug.from("  --Hello__World--  ") == "hello-world")
        #expect(Slug.from("a  -  b") == "a-b")
        #expect(Slug.from("!!!") == "")
        #expect(Slug.from("") == "")
    }

    @Test func everySlugMadeFromANameWithLettersIsValid() {
        for name in ["Google Analytics", "Café Ops", "  --x--  ", "Writer's Guide", "A/B Testing", "Q&A"] {
            #expect(Slug.isValid(Slug.from(name)), "\(name)")
        }
        #expect(Slug.from("A/B Testing") == "a-b-testing")
        #expect(Slug.from("Q&A") == "q-a")
    }
}
