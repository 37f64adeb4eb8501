import QingshanCore
import QingshanModel

/// A link with a label, for navigation, breadcrumbs and footers.
public struct LinkView: Sendable {
    public var title: String
    public var href: String?
    public var current: Bool = false
}

/// What every page shows of the site: name, navigation, footer.
public struct SiteView: Sendable {
    public var title: String
    public var language: String
    public var domain: String
    public var home: String
    public var stylesheet: String
    public var favicon: String
    public var script: String
    /// The search page, when the site has one.
    public var search: String?
    public var searchIndex: String = ""
    public var searchScript: String = ""
    public var feed: String
    public var nav: [LinkView]
    public var footerPages: [LinkView]
    public var footer: FooterView

    /// `dataColumns` (问题台账, 工作通报 …) join the navigation after 通知公告.
    public init(config: SiteConfig, pages: [Article], dataColumns: [(column: Column, path: SitePath)] = []) {
        let links = config.links
        title = config.title
        language = config.language
        domain = links.origin.components(separatedBy: "://").last ?? links.origin
        home = links.link(SitePath("/"))
        stylesheet = links.link(SitePath("/assets/qingshan.css"))
        favicon = links.link(SitePath("/assets/favicon.svg"))
        script = links.link(SitePath("/assets/qingshan.js"))
        searchIndex = links.link(SitePath("/search-index.json"))
        searchScript = links.link(SitePath("/assets/search.js"))
        feed = links.link(SitePath("/feed.xml"))
        var entries: [(Column, String)] = [(.home, home)]
        for section in Section.allCases where section.isListed {
            entries.append((.section(section), links.link(section.listPath)))
            if section == .notices {
                entries += dataColumns.map { ($0.column, links.link($0.path)) }
            }
        }
        nav = []
        navColumns = []
        footerPages = pages.sorted { $0.slug < $1.slug }.map { LinkView(title: $0.title, href: links.link($0.path)) }
        footer = FooterView(config.footer)
        setNavigation(entries)
    }

    /// The column of each navigation entry, in order.
    var navColumns: [Column]

    /// The navigation: each column's entry, titled by the column, with its link.
    mutating func setNavigation(_ entries: [(Column, String)]) {
        nav = entries.map { LinkView(title: $0.0.title, href: $0.1) }
        navColumns = entries.map(\.0)
    }

    /// The navigation with the entry for `column` marked current.
    public func marking(_ column: Column?) -> SiteView {
        var copy = self
        for i in copy.nav.indices { copy.nav[i].current = navColumns[i] == column }
        return copy
    }
}

public struct FooterView: Sendable {
    public var sponsor, siteCode, icp, police, phone, address, email, errorReportURL: String

    init(_ footer: Footer) {
        sponsor = footer.sponsor
        siteCode = footer.siteCode
        icp = footer.icp
        police = footer.police
        phone = footer.phone
        address = footer.address
        email = footer.email
        errorReportURL = footer.errorReportURL
    }
}
