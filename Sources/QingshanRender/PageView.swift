import Mustache
import QingshanCore
import QingshanModel

/// The root object every template receives: the site, the page's metadata and its content.
public struct PageView: MustacheParent, Sendable {
    public var site: SiteView
    public var meta: PageMeta
    public var content: PageContent
    /// The site header and footer, rendered once per navigation state (ChromeParts).
    var headerHTML = ""
    var footerHTML = ""

    public func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return meta
        case "headerHTML": return headerHTML
        case "footerHTML": return footerHTML
        case "home", "list", "tags", "tag", "hasTags", "ledger", "bulletins", "hasBulletins", "bulletin",
            "campaigns", "campaign", "data", "report", "factSheet", "envday":
            return content.child(named: name)
        default: return nil
        }
    }
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

    func child(named name: String) -> Any? {
        switch (self, name) {
        case (.home(let view), "home"): return view
        case (.list(let view), "list"): return view
        case (.tags(let views), "tags"): return views
        case (.tags(let views), "hasTags"): return !views.isEmpty
        case (.tag(let view), "tag"): return view
        case (.ledger(let view), "ledger"): return view
        case (.bulletins(let items), "bulletins"): return items
        case (.bulletins(let items), "hasBulletins"): return !items.isEmpty
        case (.bulletin(let view), "bulletin"): return view
        case (.campaigns(let view), "campaigns"): return view
        case (.campaign(let view), "campaign"): return view
        case (.data(let view), "data"): return view
        case (.report(let view), "report"): return view
        case (.factSheet(let view), "factSheet"): return view
        case (.envday(let view), "envday"): return view
        default: return nil
        }
    }
}

/// Title, column and the gov.cn meta tags (docs/RULES.md, Government-site page rules).
public struct PageMeta: MustacheParent, Sendable {
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

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "documentTitle": return text(documentTitle)
        case "description": return text(description)
        case "columnName": return text(columnName)
        case "columnDescription": return text(columnDescription)
        case "columnType": return text(columnType)
        case "canonical": return text(canonical)
        case "asOfISO": return asOf.iso
        case "asOfText": return asOf.chinese
        case "breadcrumb": return breadcrumb
        case "hasBreadcrumb": return !breadcrumb.isEmpty
        case "article": return article
        case "internal": return isInternal
        case "printLayout": return printLayout ?? false
        case "isSearch": return isSearch
        default: return nil
        }
    }
}

/// One entry of a list of articles.
public struct ItemView: MustacheParent, Sendable {
    public var title: String
    public var href: String
    public var date: Day
    public var summary: String
    public var showSummary: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "href": return text(href)
        case "dateISO": return date.iso
        case "dateText": return date.chinese
        case "summary": return text(summary)
        case "showSummary": return showSummary && !summary.isEmpty
        default: return nil
        }
    }
}

public struct HomeView: MustacheParent, Sendable {
    public struct Column: MustacheParent, Sendable {
        public var key: String
        public var title: String
        public var href: String
        public var items: [ItemView]

        public func child(named name: String) -> Any? {
            switch name {
            case "key": return text(key)
            case "title": return text(title)
            case "href": return text(href)
            case "items": return items
            case "hasItems": return !items.isEmpty
            default: return nil
            }
        }
    }

    public var asOf: Day
    public var columns: [Column]
    public var highlights: HomeHighlights

    public func child(named name: String) -> Any? {
        switch name {
        case "asOfISO": return asOf.iso
        case "asOfText": return asOf.chinese
        case "columns": return columns
        case "figures": return highlights.figures
        case "hasFigures": return !highlights.figures.isEmpty
        case "figuresHref": return highlights.figuresHref.map { text($0) as Any } ?? false
        case "campaigns": return highlights.campaigns
        case "hasCampaigns": return !highlights.campaigns.isEmpty
        case "campaignsHref": return highlights.campaignsHref.map { text($0) as Any } ?? false
        default: return nil
        }
    }
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

public struct PaginationView: MustacheParent, Sendable {
    public var number: Int
    public var total: Int
    public var previous: String?
    public var next: String?
    public var pages: [LinkView]

    public func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "total": return total
        case "previous": return text(previous)
        case "next": return text(next)
        case "pages": return pages
        default: return nil
        }
    }
}

public struct ListView: MustacheParent, Sendable {
    public var title: String
    public var description: String
    public var items: [ItemView]
    public var pagination: PaginationView?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "description": return description.isEmpty ? nil : text(description)
        case "items": return items
        case "hasItems": return !items.isEmpty
        case "pagination": return pagination
        default: return nil
        }
    }
}

public struct TagView: MustacheParent, Sendable {
    public var name: String
    public var href: String
    public var count: Int
    public var items: [ItemView]
    public var pagination: PaginationView?

    public func child(named name: String) -> Any? {
        switch name {
        case "name": return text(self.name)
        case "href": return text(href)
        case "count": return count
        case "items": return items
        case "pagination": return pagination
        default: return nil
        }
    }
}

public struct ArticleView: MustacheParent, Sendable {
    public struct Neighbour: MustacheParent, Sendable {
        public var title: String
        public var href: String

        public func child(named name: String) -> Any? {
            switch name {
            case "title": return text(title)
            case "href": return text(href)
            default: return nil
            }
        }
    }

    public var title: String
    public var url: String
    public var date: Timestamp
    public var summary: String
    public var source: String?
    public var docNo: String?
    public var html: String
    public var readingMinutes: Int
    public var tags: [TagLink]
    public var attachments: [LinkView]
    public var keywords: String
    public var contentSource: String
    public var newer: Neighbour?
    public var older: Neighbour?

    public struct TagLink: MustacheParent, Sendable {
        public var name: String
        public var href: String

        public func child(named name: String) -> Any? {
            switch name {
            case "name": return text(self.name)
            case "href": return text(href)
            default: return nil
            }
        }
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "url": return text(url)
        case "pubDate": return date.display
        case "dateISO": return date.day.iso
        case "dateText": return date.day.chinese
        case "summary": return text(summary)
        case "source": return text(source)
        case "docNo": return text(docNo)
        case "html": return html
        case "readingMinutes": return readingMinutes
        case "tags": return tags
        case "hasTags": return !tags.isEmpty
        case "attachments": return attachments
        case "hasAttachments": return !attachments.isEmpty
        case "keywords": return text(keywords)
        case "contentSource": return text(contentSource)
        case "newer": return newer
        case "older": return older
        case "showNeighbours": return newer != nil || older != nil
        default: return nil
        }
    }
}
