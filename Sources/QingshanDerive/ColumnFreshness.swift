import QingshanCore
import QingshanModel

/// 政府网站与政务新媒体检查指标 (国办秘函〔2019〕19号; docs/RULES.md, Column freshness): a
/// dynamic column (工作动态) not updated in the 2 weeks before the check, a notice column
/// (通知公告) not updated in 6 months, and blank columns count against the site.
public enum ColumnFreshness {
    public enum Finding: Equatable, Sendable {
        case empty(Section)
        case stale(Section, latest: Day, limitDays: Int)
    }

    /// 动态类栏目: 14 days; 通知公告/政策文件类栏目: 6 months (counted as 183 days).
    public static func limit(_ section: Section) -> Int? {
        switch section {
        case .news: return 14
        case .notices: return 183
        default: return nil
        }
    }

    /// The findings for the listed sections as of D.
    public static func check(_ index: SiteIndex) -> [Finding] {
        Section.allCases.filter(\.isListed).compactMap { section in
            guard let latest = index.bySection[section]?.first?.date.day else { return .empty(section) }
            guard let limit = limit(section), latest.days(until: index.asOf) > limit else { return nil }
            return .stale(section, latest: latest, limitDays: limit)
        }
    }

    public static func message(_ finding: Finding) -> String {
        switch finding {
        case .empty(let section):
            return "栏目“\(section.title)”没有任何内容（空白栏目是政府网站检查的扣分项）"
        case .stale(let section, let latest, let limit):
            return "栏目“\(section.title)”最近一次更新是 \(latest.chinese)，已超过 \(limit == 14 ? "2 周" : "6 个月")未更新"
        }
    }
}
