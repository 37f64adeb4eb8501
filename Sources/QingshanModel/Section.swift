import QingshanCore

/// The article sections of content/ (README, "Articles").
public enum Section: String, CaseIterable, Sendable, Comparable {
    case news
    case notices
    case science
    case press
    case pages
    /// Narratives of the monthly progress bulletins, `content/bulletins/YYYY-MM.md`.
    case bulletins
    /// June 5 Environment Day: `content/envday/YYYY/index.md` and its materials.
    case envday

    /// 栏目名称, as the navigation and the ColumnName meta tag print it.
    public var title: String {
        switch self {
        case .news: return "工作动态"
        case .notices: return "通知公告"
        case .science: return "科普知识"
        case .press: return "新闻发布"
        case .pages: return "单页"
        case .bulletins: return "工作通报"
        case .envday: return "六五环境日"
        }
    }

    public var columnDescription: String {
        switch self {
        case .news: return "生态环境保护工作动态"
        case .notices: return "通知、公告与政策文件"
        case .science: return "生态环境科普知识"
        case .press: return "新闻发布会与情况通报"
        case .pages: return ""
        case .bulletins: return "“满意环保”月度工作进展通报"
        case .envday: return "六五环境日主题宣传活动与宣传材料"
        }
    }

    /// Sections with a dated list page; `pages` are single pages at /SLUG/.
    public var isListed: Bool { self != .pages && self != .bulletins && self != .envday }

    /// Sections whose files PageRenderer turns into article pages; bulletin narratives are
    /// merged into the month's bulletin, Environment Day and press pages have renderers of
    /// their own.
    public var hasArticlePages: Bool { self != .bulletins && self != .envday && self != .press }

    public var listPath: SitePath { SitePath.folder(rawValue) }

    public func listPath(page: Int) -> SitePath {
        page <= 1 ? listPath : SitePath.folder(rawValue, "page", String(page))
    }

    /// `/news/SLUG/`, `/SLUG/` for single pages; Environment Day slugs carry their year
    /// (`2023` for the year's index.md, `2023/quiz` for a material).
    public func articlePath(slug: String) -> SitePath {
        switch self {
        case .pages: return SitePath.folder(slug)
        case .envday: return SitePath.folder([rawValue] + slug.split(separator: "/").map(String.init))
        default: return SitePath.folder(rawValue, slug)
        }
    }

    public static func < (a: Section, b: Section) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
