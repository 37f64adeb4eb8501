import QingshanCore
import QingshanModel

/// The root object every template receives: the site, the page's metadata and its content.
public struct PageView: Sendable {
    public var site: SiteView
    public var meta: PageMeta
    public var content: PageContent
    /// The site header and footer, rendered once per navigation state (ChromeParts).
    var headerHTML = ""
    var footerHTML = ""
}

/// The per-page content a template shows, one case per kind of page.
public enum PageContent: Sendable {
    case home(HomeView)
    case list(ListView)
    case article
    case tags([TagView])
    case tag(TagView)
    case ledger(LedgerPageView)
    case bulletins([BulletinItemView])
    case bulletin(BulletinView)
    case campaigns(CampaignsIndexView)
    case campaign(CampaignPageView)
    case data(DataPageView)
    case report(ReportView)
    case factSheet(FactSheetView)
    case envday(EnvDayView)
    case none
}

/// Title, column and the gov.cn meta tags (docs/RULES.md, Government-site page rules).
public struct PageMeta: Sendable {
    public var title: String
    public var documentTitle: String
    public var description: String
    public var columnName: String
    public var columnDescription: String
    public var columnType: String
    public var canonical: String
    public var asOf: Day
    public var breadcrumb: [LinkView]
    public var article: ArticleView?
    /// Internal edition: 内部资料 banner and noindex.
    public var isInternal: Bool = false
    /// The print layout: `gongwen` (GB/T 9704 margins), `poster` (A3), `landscape` (A4
    /// landscape for wide internal tables); the body gets the class `print-…`.
    public var printLayout: String?
    /// The search page loads the search script.
    public var isSearch: Bool = false
}

/// One entry of a list of articles.
public struct ItemView: Sendable {
    public var title: String
    public var href: String
    public var date: Day
    public var summary: String
    public var showSummary: Bool
}

public struct HomeView: Sendable {
    public struct Column: Sendable {
        public var key: String
        public var title: String
        public var href: String
        public var items: [ItemView]
    }

    public var asOf: Day
    public var columns: [Column]
    public var highlights: HomeHighlights
}

/// What the home page shows besides the article columns: headline figures (ledger, later
/// air and water) and campaign progress.
public struct HomeHighlights: Sendable {
    public var figures: [FigureView]
    public var figuresHref: String?
    public var campaigns: [CampaignItemView]
    public var campaignsHref: String?

    public init(
        figures: [FigureView] = [], figuresHref: String? = nil, campaigns: [CampaignItemView] = [],
        campaignsHref: String? = nil
    ) {
        self.figures = figures
        self.figuresHref = figuresHref
        self.campaigns = campaigns
        self.campaignsHref = campaignsHref
    }
}

public struct PaginationView: Sendable {
    public var number: Int
    public var total: Int
    public var previous: String?
    public var next: String?
    public var pages: [LinkView]
}

public struct ListView: Sendable {
    public var title: String
    public var description: String
    public var items: [ItemView]
    public var pagination: PaginationView?
}

public struct TagView: Sendable {
    public var name: String
    public var href: String
    public var count: Int
    public var items: [ItemView]
    public var pagination: PaginationView?
}

public struct ArticleView: Sendable {
    public struct Neighbour: Sendable {
        public var title: String
        public var href: String
    }

    public var title: String
    public var url: String
    public var date: Timestamp
    public var summary: String
    public var source: String?
    public var docNo: String?
    public var html: TrustedHTML
    public var readingMinutes: Int
    public var tags: [TagLink]
    public var attachments: [LinkView]
    public var keywords: String
    public var contentSource: String
    public var newer: Neighbour?
    public var older: Neighbour?
    /// The 信息公开 block of a notice (`Disclosure`); empty elsewhere.
    public var disclosure: [FigureView] = []

    public struct TagLink: Sendable {
        public var name: String
        public var href: String
    }
}
