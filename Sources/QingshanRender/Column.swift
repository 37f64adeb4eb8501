import QingshanModel

/// A column (栏目) of the portal. A page names the column it belongs to: its meta tags say the
/// column's title, and the header marks the column's navigation entry as current. The titles
/// live here once, instead of string literals that had to match the navigation's.
public enum Column: Hashable, Sendable {
    case home
    /// An article section (工作动态, 通知公告 …).
    case section(Section)
    case monitoring
    case ledger
    /// 满意度测评 (/ratings/).
    case ratings
    case campaigns
    case bulletins
    case dynamics
    case envday
    case tags
    case search
    case notFound
    /// A single page (机构职能, 联系我们): its own title; it is not in the navigation.
    case page(String)
    /// The internal edition's columns.
    case internalHome
    case dispatch
    case meetings
    case supervision
    case spotcheck

    public var title: String {
        switch self {
        case .home: return "首页"
        case .section(let section): return section.title
        case .monitoring: return "环境质量"
        case .ledger: return "问题台账"
        case .ratings: return "满意度测评"
        case .campaigns: return "专项行动"
        case .bulletins: return "工作通报"
        case .dynamics: return "环保动态"
        case .envday: return "六五环境日"
        case .tags: return "标签"
        case .search: return "搜索"
        case .notFound: return "404"
        case .page(let title): return title
        case .internalHome: return "内部首页"
        case .dispatch: return "月调度"
        case .meetings: return "双月会"
        case .supervision: return "督办台账"
        case .spotcheck: return "季度抽查"
        }
    }
}

/// The templates pages are rendered with (templates/NAME.mustache): a name the theme lacks is
/// an error when the theme loads, never an empty page.
public enum TemplateName: String, CaseIterable, Sendable {
    case home
    case list
    case article
    case page
    case tags
    case tag
    case notFound = "404"
    case search
    case ledger
    case campaigns
    case campaign
    case data
    case bulletins
    case bulletin
    case report
    case factsheet
    case envday
    case poster
    case header = "partials/header"
    case footer = "partials/footer"
}
