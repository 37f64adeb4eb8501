import QingshanCore
import QingshanDerive
import QingshanModel

/// Atom feed, sitemap and robots.txt: machine-readable files written without templates.
public enum Feeds {
    public static let feedSize = 20

    /// Atom 1.0 feed of the newest articles of the listed sections.
    public static func atom(config: SiteConfig, index: SiteIndex) -> OutputFile {
        let links = config.links
        let entries = index.articles.filter { $0.section.isListed }.prefix(feedSize)
        let updated = entries.first?.date.rfc3339 ?? Timestamp(day: index.asOf).rfc3339
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTMLEscape.xml(config.language))">
            <title>\(HTMLEscape.xml(config.title))</title>
            <id>\(HTMLEscape.xml(links.absolute(SitePath("/"))))</id>
            <link rel="alternate" href="\(HTMLEscape.xml(links.absolute(SitePath("/"))))"/>
            <link rel="self" href="\(HTMLEscape.xml(links.absolute(SitePath("/feed.xml"))))"/>
            <updated>\(updated)</updated>
            <author><name>\(HTMLEscape.xml(config.issuer))</name></author>

            """
        for article in entries {
            let url = HTMLEscape.xml(links.absolute(article.path))
            xml += """
                <entry>
                <title>\(HTMLEscape.xml(article.title))</title>
                <id>\(url)</id>
                <link rel="alternate" href="\(url)"/>
                <updated>\(article.date.rfc3339)</updated>
                <category term="\(HTMLEscape.xml(article.section.title))"/>
                <summary>\(HTMLEscape.xml(article.summary))</summary>
                </entry>

                """
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml, origin: "feed.xml")
    }

    /// sitemap.xml of every HTML page path.
    public static func sitemap(config: SiteConfig, paths: [(SitePath, Day?)]) -> OutputFile {
        let links = config.links
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for (path, day) in paths.sorted(by: { $0.0 < $1.0 }) {
            xml += "<url><loc>\(HTMLEscape.xml(links.absoluteURI(path)))</loc>"
            if let day { xml += "<lastmod>\(day.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml, origin: "sitemap.xml")
    }

    public static func robots(config: SiteConfig) -> OutputFile {
        let links = config.links
        let text = """
            User-agent: *
            Allow: \(links.basePath)
            Sitemap: \(links.absolute(SitePath("/sitemap.xml")))

            """
        return OutputFile(path: "robots.txt", text: text, origin: "robots.txt")
    }
}
