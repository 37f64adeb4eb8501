import QingshanCampaigns
import QingshanCore
import QingshanDerive
import QingshanLedger
import QingshanModel
import QingshanRatings
import QingshanRender

/// The data columns of the navigation (环境质量, 问题台账, 专项行动, 工作通报, 环保动态,
/// 六五环境日), each shown when the site has something for it.
enum DataColumns {
    static func columns(content: SiteContent, hasLedger: Bool, index: SiteIndex, dataMonths: Set<Month>)
        -> [(column: Column, path: SitePath)]
    {
        var columns: [(column: Column, path: SitePath)] = []
        if let first = MonitoringPages.columns(content.monitoring, asOf: index.asOf).first {
            columns.append((.monitoring, first.path))
        }
        if hasLedger { columns.append((.ledger, Route.ledger)) }
        if RatingRules.latest(content.ratings, asOf: index.asOf) != nil { columns.append((.ratings, Route.ratings)) }
        if !content.campaigns.isEmpty { columns.append((.campaigns, Route.campaigns)) }
        if hasLedger || !content.campaigns.isEmpty { columns.append((.bulletins, Route.bulletins)) }
        if !dataMonths.isEmpty || !index.articles.isEmpty { columns.append((.dynamics, Route.dynamics)) }
        if !(index.bySection[.envday] ?? []).isEmpty { columns.append((.envday, Route.envday)) }
        return columns
    }

    /// Months with ledger, campaign or monitoring activity up to the as-of day.
    static func dataMonths(_ content: SiteContent, asOf d: Day) -> Set<Month> {
        var months = Set(LedgerMonth.activeMonths(content.ledger, asOf: d))
        months.formUnion(CampaignRules.activeMonths(content.campaigns, asOf: d))
        months.formUnion(content.monitoring.air.filter { $0.date <= d }.map { Month($0.date) })
        months.formUnion(content.monitoring.water.map(\.month).filter { $0 <= Month(d) })
        months.formUnion(content.monitoring.noise.filter { $0.date <= d }.map { Month($0.date) })
        return months
    }
}
