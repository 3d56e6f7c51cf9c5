import Testing
@testable import PlayhubKit

/// A small hub whose every number is known: 2 categories, 3 tags, 4 published playbooks and
/// one draft. Tests start from it and add or replace single files.
enum SmallHub {
    static let text = #"""
-- site.json --
{
  "title": "Test Hub",
  "baseURL": "https://example.org/",
  "paginate": 2,
  "relatedCount": 3
}
-- content/categories/growth.md --
---
title: "Growth"
description: "Getting and keeping customers."
related: ["operations"]
weight: 1
---

Growth playbooks.
-- content/categories/operations.md --
---
title: "Operations"
description: "Running the business."
weight: 2
---
-- content/tags/seo.md --
---
title: "SEO"
category: "growth"
description: "Search engine optimisation: being found by people who search."
related: ["pricing"]
faq:
  - q: "Where do I start?"
    a: "With the **SEO audit**."
---

## Why SEO

Because search is where buyers start.
-- content/tags/pricing.md --
---
title: "Pricing"
category: "growth"
description: "Setting and testing prices."
---
-- content/tags/hiring.md --
---
title: "Hiring"
category: "operations"
description: "Finding and hiring people."
---
-- content/playbooks/growth/seo-audit.md --
---
title: "SEO <Audit> & Fixes"
summary: "Find and fix what keeps pages out of search."
tags: ["seo", "pricing"]
industries: ["SaaS"]
tools: ["Google Analytics"]
type: "Checklist"
author: "Ana Lima"
date: 2024-01-10
updated: 2024-05-01
featured: true
aliases: ["/guides/seo-audit/"]
---

Start with the pages that earn money.

## Prepare

### Review

Read the [keyword playbook](/playbooks/keyword-research/) first.

## Run the audit

### Review

- [ ] Crawl the site
- [x] Export Search Console data

<div class="raw">raw block</div>

## Prepare
-- content/playbooks/growth/keyword-research.md --
---
title: "Keyword Research"
tags: ["seo"]
industries: ["SaaS"]
date: 2024-02-01
updated: 2024-02-15
---

Keyword research tells you which questions your buyers type into a search box, how often they ask them, and which pages already answer them well enough that competing is pointless without a better angle.
-- content/playbooks/price-test.md --
---
title: "Price Test"
summary: "Test a price change safely."
tags: ["pricing", "seo"]
tools: ["Google Analytics"]
date: 2023-06-01
updated: 2023-07-01
---

Change one price at a time.
-- content/playbooks/operations/hiring-loop.md --
---
title: "Hiring Loop"
summary: "A structured interview loop."
tags: ["hiring"]
date: 2024-03-01
updated: 2024-03-05
weight: 1
---

Interview with a scorecard.
-- content/playbooks/old-draft.md --
---
title: "Unfinished Draft"
summary: "Not ready."
tags: ["seo"]
date: 2024-04-01
updated: 2024-06-01
draft: true
---

Work in progress.
-- content/pages/about.md --
---
title: "About"
description: "About this hub."
---

We write playbooks.
"""#

    /// `content/playbooks/price-test.md` with its own front matter and another body: an
    /// edit that changes the text only.
    static func priceTest(body: String) -> String {
        let original = SiteFixture.parse(text)["content/playbooks/price-test.md"]!
        return original[..<original.range(of: "\n---\n")!.upperBound] + "\n" + body
    }

    /// Builds the small hub with `files` replaced; the build must fail and write nothing at
    /// all. Returns its errors.
    static func failedBuild(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        let site = try SiteFixture(text, files: files)
        let result = site.build()
        #expect(!result.succeeded, sourceLocation: sourceLocation)
        #expect(site.outputFiles() == [], "a failed build must write nothing", sourceLocation: sourceLocation)
        return result.diagnostics.errors
    }

    /// A playbook file with this front matter and body.
    /// The small hub with `files` added (and its site.json replaced), built successfully.
    static func built(siteJSON: String? = nil, files: [String: String] = [:], baseURL: String? = nil,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SiteFixture {
        var files = files
        if let siteJSON { files["site.json"] = siteJSON }
        let site = try SiteFixture(text, files: files)
        let result = site.build(baseURL: baseURL)
        #expect(result.succeeded, "\(result.diagnostics)", sourceLocation: sourceLocation)
        return site
    }

    static func playbook(_ frontMatter: String, body: String = "Body.") -> String { "---\n\(frontMatter)\n---\n\n\(body)\n" }
}
