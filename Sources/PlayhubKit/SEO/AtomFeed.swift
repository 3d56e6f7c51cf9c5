import Foundation

/// `/feed.xml`: an Atom feed (RFC 4287) of the `feedLimit` most recently published playbooks.
public enum AtomFeed {
    public static func file(graph: SiteGraph, links: LinkBuilder) -> OutputFile {
        let config = graph.config
        let newest = graph.newestFirst.prefix(config.feedLimit).map { graph.playbooks[$0] }
        let updated = newest.map(\.updated).max() ?? Day(year: 1970, month: 1, day: 1)!
        let home = links.absolute(.home)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(config.language))">
        <title>\(XML.escape(config.title))</title>

        """
        if case .string(let description)? = config.params["description"] { xml += "<subtitle>\(XML.escape(description))</subtitle>\n" }
        xml += """
        <link href="\(XML.escape(links.absolute(URLPath("/feed.xml"))))" rel="self" type="application/atom+xml"/>
        <link href="\(XML.escape(home))" rel="alternate" type="text/html"/>
        <id>\(XML.escape(home))</id>
        <updated>\(timestamp(updated))</updated>
        <author><name>\(XML.escape(config.title))</name></author>

        """
        for playbook in newest {
            let url = XML.escape(links.absolute(.playbook(playbook.slug)))
            xml += "<entry>\n<title>\(XML.escape(playbook.title))</title>\n"
            xml += "<link href=\"\(url)\" rel=\"alternate\" type=\"text/html\"/>\n<id>\(url)</id>\n"
            xml += "<published>\(timestamp(playbook.date))</published>\n<updated>\(timestamp(playbook.updated))</updated>\n"
            if let author = playbook.author { xml += "<author><name>\(XML.escape(author))</name></author>\n" }
            for slug in playbook.tags { if let tag = graph.tags[slug] { xml += "<category term=\"\(XML.escape(slug))\" label=\"\(XML.escape(tag.title))\"/>\n" } }
            xml += "<summary>\(XML.escape(playbook.summary))</summary>\n</entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", data: Data(xml.utf8))
    }

    /// RFC 3339 at midnight UTC: content dates carry no time of day.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}
