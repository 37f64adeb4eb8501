import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanLedger
import QingshanModel
import QingshanMonitoring
import QingshanRatings

/// The figures an article may cite as `{{NAME}}` (docs/RULES.md, Figures in text), as of a day, taken by the
/// same rules and written the same way as the pages and panels that show them: counts as
/// integers, rates as percentages with one decimal (`79.2%`).
public final class FigureBook: Sendable {
    /// What a name gives as of a day.
    public enum Answer: Equatable, Sendable {
        case value(String)
        /// No such figure: a misspelt name, a campaign, department or metric that does not exist.
        case unknown
        /// The figure exists but has no value that day (say why).
        case unavailable(String)
    }

    let content: SiteContent
    let derivations: LedgerDerivations
    private let ledgerStats = Memo<Day, LedgerStats>()
    private let campaignsMemo = Memo<Day, [DerivedCampaign]>()

    public init(content: SiteContent, derivations: LedgerDerivations) {
        self.content = content
        self.derivations = derivations
    }

    public func answer(_ name: String, asOf d: Day) -> Answer {
        let head = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        let rest = String(name.dropFirst(head.count + 1))
        switch head {
        case "ledger": return ledger(rest, asOf: d)
        case "campaigns": return campaigns(rest, asOf: d)
        case "campaign": return campaign(rest, asOf: d)
        case "air": return air(rest, asOf: d)
        case "water": return water(rest, asOf: d)
        case "rank": return rank(rest, asOf: d)
        default: return .unknown
        }
    }

    /// The families of names, for a hint under an unknown one.
    public static let families =
        "ledger.received / handled / closed / handled_rate / green_rate / green / yellow / red / pending / graded / "
        + "supervised / overdue / rebound / category.类别 / department.科室 / street.街道；campaigns.count / done / "
        + "on_track / overdue；campaign.ID.progress / tasks / tasks_done / metric.指标 / target.指标；"
        + "air.days / good_days / good_rate / pm25_mean；water.sections / meeting_target；"
        + "rank.latest / total / target / score"

    // MARK: - Ledger

    func ledger(_ name: String, asOf d: Day) -> Answer {
        guard !content.ledger.isEmpty else { return .unavailable("站点没有问题台账（content/data/ledger.yaml）") }
        let stats = ledgerStats.value(for: d) { LedgerStats(derivations.derived(asOf: d)) }
        let green = stats.byGrade[.green] ?? 0
        let graded = green + (stats.byGrade[.yellow] ?? 0) + (stats.byGrade[.red] ?? 0)
        let handled = (stats.byStatus[.handled] ?? 0) + (stats.byStatus[.closed] ?? 0)
        switch name {
        case "received": return count(stats.total)
        case "handled": return count(handled)
        case "closed": return count(stats.byStatus[.closed] ?? 0)
        case "handled_rate": return rate(handled, of: stats.total, what: "受理")
        case "green_rate": return rate(green, of: graded, what: "回访评定")
        case "green": return count(green)
        case "yellow": return count(stats.byGrade[.yellow] ?? 0)
        case "red": return count(stats.byGrade[.red] ?? 0)
        case "pending": return count(stats.byGrade[.pending] ?? 0)
        case "graded": return count(graded)
        case "supervised": return count(stats.supervised)
        case "overdue": return count(stats.overdue)
        case "rebound": return count(stats.rebound)
        default: break
        }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return .unknown }
        let group = parts[1]
        switch parts[0] {
        case "category":
            guard let category = Category(rawValue: group) else { return .unknown }
            return count(stats.byCategory[category] ?? 0)
        case "department":
            guard content.config.organization.departments.contains(group) || stats.byDepartment[group] != nil
            else { return .unknown }
            return count(stats.byDepartment[group]?.received ?? 0)
        case "street":
            guard content.config.organization.streets.contains(group) || stats.byStreet[group] != nil
            else { return .unknown }
            return count(stats.byStreet[group]?.received ?? 0)
        default: return .unknown
        }
    }

    // MARK: - Campaigns

    func derivedCampaigns(asOf d: Day) -> [DerivedCampaign] {
        campaignsMemo.value(for: d) { content.campaigns.map { CampaignRules.derive($0, asOf: d) } }
    }

    func campaigns(_ name: String, asOf d: Day) -> Answer {
        let all = derivedCampaigns(asOf: d)
        switch name {
        case "count": return count(all.count)
        case "done": return count(all.filter { $0.status == .done }.count)
        case "on_track": return count(all.filter { $0.status == .onTrack }.count)
        case "overdue": return count(all.filter { $0.status == .overdue }.count)
        case "ongoing": return count(all.filter { $0.status == .ongoing }.count)
        default: return .unknown
        }
    }

    func campaign(_ name: String, asOf d: Day) -> Answer {
        // campaign.ID.FIGURE, or campaign.ID.metric.NAME / campaign.ID.target.NAME (a metric's
        // name may hold dots).
        let parts = name.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let derived = derivedCampaigns(asOf: d).first(where: { $0.id == parts[0] }) else {
            return .unknown
        }
        let campaign = derived.campaign
        if parts.count == 3 {
            guard parts[1] == "metric" || parts[1] == "target",
                let metric = campaign.metrics.first(where: { $0.name == parts[2] })
            else { return .unknown }
            if parts[1] == "target" {
                guard let target = metric.target else { return .unavailable("指标“\(metric.name)”没有目标值") }
                return .value(Self.decimal(target))
            }
            guard let value = CampaignRules.value(metric, asOf: d) else {
                return .unavailable("指标“\(metric.name)”在 \(d.iso) 之前没有数值")
            }
            return .value(Self.decimal(value))
        }
        switch parts[1] {
        case "progress":
            guard let progress = derived.progress else { return .unavailable("该行动没有任务或节点，无法计算进度") }
            return .value(FigureFormat.percent(progress))
        case "tasks": return count(campaign.tasks.count)
        case "tasks_done": return count(derived.tasksDone)
        default: return .unknown
        }
    }

    // MARK: - Monitoring

    func air(_ name: String, asOf d: Day) -> Answer {
        guard ["days", "good_days", "good_rate", "pm25_mean"].contains(name) else { return .unknown }
        guard let year = AirReport(content.monitoring.air, asOf: d).yearToDate.first, year.days > 0 else {
            return .unavailable("\(d.year)年截至 \(d.iso) 没有空气质量数据")
        }
        switch name {
        case "days": return count(year.days)
        case "good_days": return count(year.goodDays)
        case "good_rate": return rate(year.goodDays, of: year.days, what: "有效监测天")
        default:
            guard let mean = year.pm25Mean else { return .unavailable("\(d.year)年没有 PM2.5 数据") }
            return .value(String(format: "%.1f", mean))
        }
    }

    func water(_ name: String, asOf d: Day) -> Answer {
        guard name == "sections" || name == "meeting_target" else { return .unknown }
        let report = WaterReport(content.monitoring.water, asOf: d)
        guard let month = report.months.last else { return .unavailable("截至 \(d.iso) 没有水质数据") }
        let records = report.records.filter { $0.record.month == month }
        return count(name == "sections" ? records.count : records.filter { $0.meetsTarget == true }.count)
    }

    // MARK: - Ratings

    func rank(_ name: String, asOf d: Day) -> Answer {
        guard ["latest", "total", "target", "score"].contains(name) else { return .unknown }
        if name == "target" {
            guard let target = content.config.targetRank else {
                return .unavailable("site.yaml 没有设置 targets: {rank: …}")
            }
            return count(target)
        }
        guard let latest = RatingRules.latest(content.ratings, asOf: d) else {
            return .unavailable("截至 \(d.iso) 还没有公布的满意度测评结果（content/data/ratings.csv）")
        }
        switch name {
        case "latest": return count(latest.rank)
        case "total": return count(latest.total)
        default:
            guard let score = latest.score else { return .unavailable("\(latest.period) 没有公布得分") }
            return .value(Self.decimal(score))
        }
    }

    // MARK: - Writing

    func count(_ n: Int) -> Answer { .value(String(n)) }

    func rate(_ part: Int, of whole: Int, what: String) -> Answer {
        guard whole > 0 else { return .unavailable("没有\(what)的件数，无法计算比率") }
        return .value(FigureFormat.percent(Double(part) / Double(whole)))
    }

    /// A value as the data gives it: `63`, `86.4`.
    public static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
