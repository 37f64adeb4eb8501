import QingshanCampaigns
import QingshanCore
import QingshanLedger
import QingshanMonitoring
import QingshanRatings
import Synchronization

/// A file attached to an article (a file under static/).
public struct Attachment: Hashable, Sendable {
    public var title: String
    public var file: String
    /// Where the attachment is listed in the front matter.
    public var location: SourceLocation?

    public init(title: String, file: String, location: SourceLocation? = nil) {
        self.title = title
        self.file = file
        self.location = location
    }
}

/// Front matter as the author wrote it (README, "Articles"), with where each key stood.
public struct FrontMatter: Sendable {
    public var title: String
    public var date: Timestamp
    public var summary: String?
    public var tags: [String]
    public var slug: String?
    public var draft: Bool
    public var docNo: String?
    public var source: String?
    public var campaign: String?
    public var attachments: [Attachment]
    public var asOf: Day?
    public var panels: [Panel]
    public var theme: String?

    public init(
        title: String, date: Timestamp, summary: String? = nil, tags: [String] = [], slug: String? = nil,
        draft: Bool = false, docNo: String? = nil, source: String? = nil, campaign: String? = nil,
        attachments: [Attachment] = [], asOf: Day? = nil, panels: [Panel] = [], theme: String? = nil
    ) {
        self.title = title
        self.date = date
        self.summary = summary
        self.tags = tags
        self.slug = slug
        self.draft = draft
        self.docNo = docNo
        self.source = source
        self.campaign = campaign
        self.attachments = attachments
        self.asOf = asOf
        self.panels = panels
        self.theme = theme
    }
}

/// A loaded, rendered Markdown article. A class: lists, tags and pages share one copy.
public final class Article: Sendable {
    /// Path relative to the site folder, e.g. `content/news/2023-06-05-envday.md`.
    public let file: String
    public let section: Section
    public let slug: String
    public let front: FrontMatter
    /// The body as HTML (cmark-gfm with Qingshan's CJK fixes).
    public let html: TrustedHTML
    /// The visible text as UTF-8 (reading time, search).
    public let plainText: [UInt8]
    public let summary: String
    public let readingMinutes: Int
    public let characterCount: Int
    /// Root-relative links of the body (`/news/x/`), checked against the output.
    public let internalLinks: [String]
    /// Unique to this parse of the article: a page built from the same revisions is the same
    /// page, which lets serve's rebuilds skip it.
    public let revision: Int
    /// The `{{NAME}}` figures the body cites, lines and columns of the file. Until they are
    /// written in (`withFigures`), `html`, `plainText` and `summary` hold their markers.
    public let figures: [FigureReference]
    /// The lead paragraphs the summary is cut from, when the summary is not given and cites
    /// figures: it is cut again once they are written in.
    public let summarySource: String?

    public init(
        file: String, section: Section, slug: String, front: FrontMatter, html: TrustedHTML, plainText: [UInt8],
        summary: String, readingMinutes: Int, characterCount: Int, internalLinks: [String] = [],
        figures: [FigureReference] = [], summarySource: String? = nil
    ) {
        self.internalLinks = internalLinks
        self.figures = figures
        self.summarySource = summarySource
        revision = Article.revisions.add(1, ordering: .relaxed).newValue
        path = section.articlePath(slug: slug)
        self.file = file
        self.section = section
        self.slug = slug
        self.front = front
        self.html = html
        self.plainText = plainText
        self.summary = summary
        self.readingMinutes = readingMinutes
        self.characterCount = characterCount
    }

    /// The page's path, computed once (sorting and linking ask for it often).
    public let path: SitePath
    public var title: String { front.title }
    public var date: Timestamp { front.date }

    private static let revisions = Atomic<Int>(0)

    /// The article with each cited figure written in (`value` answers a figure's text).
    public func withFigures(_ value: (FigureReference) -> String) -> Article {
        guard !figures.isEmpty else { return self }
        var values: [Int: String] = [:]
        for figure in figures { values[figure.index] = value(figure) }
        func resolve(_ text: String) -> String { FigureMarkers.resolve(text) { values[$0] ?? "" } }
        let plain = resolve(String(decoding: plainText, as: UTF8.self))
        let measure = ChineseText.measure(plain)
        return Article(
            file: file, section: section, slug: slug, front: front, html: TrustedHTML(resolve(html.string)),
            plainText: Array(plain.utf8),
            summary: summarySource.map { ChineseText.summary(of: resolve($0)) } ?? summary,
            readingMinutes: measure.readingMinutes, characterCount: measure.characters,
            internalLinks: internalLinks)
    }
}

/// Everything the load stage read from a site folder.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var articles: [Article]
    /// 问题台账 records of every ledger file, with the results of the spot checks applied.
    public var ledger: [LedgerRecord]
    /// The quarters' frozen spot-check samples (content/data/spotcheck/).
    public var spotChecks: [SpotCheckFile]
    /// 专项行动 of content/data/campaigns.yaml.
    public var campaigns: [Campaign]
    /// Air, water and noise monitoring of content/data/*.csv.
    public var monitoring: MonitoringData
    /// The province's satisfaction-survey results (content/data/ratings.csv).
    public var ratings: [SatisfactionRating]
    /// Files under static/, relative to it.
    public var staticFiles: [String]
    public var siteRoot: String

    public init(
        config: SiteConfig, articles: [Article], ledger: [LedgerRecord] = [], spotChecks: [SpotCheckFile] = [],
        campaigns: [Campaign] = [], monitoring: MonitoringData = MonitoringData(),
        ratings: [SatisfactionRating] = [], staticFiles: [String], siteRoot: String
    ) {
        self.ratings = ratings
        self.spotChecks = spotChecks
        self.monitoring = monitoring
        self.config = config
        self.articles = articles
        self.ledger = ledger
        self.campaigns = campaigns
        self.staticFiles = staticFiles
        self.siteRoot = siteRoot
    }
}

/// A data panel a press fact sheet can carry (`panels:`): the figures of one product as of the
/// sheet's day.
public enum Panel: String, CaseIterable, Sendable {
    case ledger
    case campaigns
    case air
    case water
    case noise
}
