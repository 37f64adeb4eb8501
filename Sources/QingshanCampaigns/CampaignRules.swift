import QingshanCore

/// Status of a campaign on a day (docs/RULES.md, Campaigns).
public enum CampaignStatus: String, CaseIterable, Sendable {
    case done
    case ongoing
    case onTrack = "on_track"
    case overdue

    /// 已完成, 长期坚持, 按期推进, 已逾期.
    public var label: String {
        switch self {
        case .done: return "已完成"
        case .ongoing: return "长期坚持"
        case .onTrack: return "按期推进"
        case .overdue: return "已逾期"
        }
    }
}

/// A campaign as it stood on the as-of day.
public struct DerivedCampaign: Sendable {
    public let campaign: Campaign
    /// Share of tasks done by D, else of milestones done by D, else nil.
    public let progress: Double?
    public let status: CampaignStatus
    public let tasksDone: Int
    public let milestonesDone: Int
    /// Days from D to the deadline (negative once past); nil for 长期坚持.
    public let daysLeft: Int?
    /// Updates dated up to D, newest first.
    public let updates: [CampaignUpdate]
    /// The metrics with a value by D, each with that value.
    public let metrics: [(metric: Metric, actual: Double)]

    public var id: String { campaign.id }
}

/// The derivation rules of docs/RULES.md (Campaigns) as pure functions of a campaign and the
/// as-of day D.
public enum CampaignRules {
    /// docs/RULES.md, Campaigns: share of tasks done by D, else of milestones done by D, else nil.
    public static func progress(_ campaign: Campaign, asOf d: Day) -> Double? {
        if !campaign.tasks.isEmpty {
            return Double(campaign.tasks.filter { isDone($0.done, d) }.count) / Double(campaign.tasks.count)
        }
        if !campaign.milestones.isEmpty {
            return Double(campaign.milestones.filter { isDone($0.done, d) }.count) / Double(campaign.milestones.count)
        }
        return nil
    }

    /// docs/RULES.md, Campaigns: 长期坚持 is ongoing whatever its milestones say (it never ends);
    /// otherwise done at 100 %, on_track until the deadline has passed (D ≤ deadline), overdue after it.
    public static func status(_ campaign: Campaign, progress: Double?, asOf d: Day) -> CampaignStatus {
        if campaign.ongoing { return .ongoing }
        if let progress, progress >= 1 { return .done }
        guard let deadline = campaign.deadline else { return .ongoing }
        return d <= deadline ? .onTrack : .overdue
    }

    /// docs/RULES.md, Campaigns: a metric's value as of D is its latest history entry dated on or
    /// before D (nil before the first: not shown); an undated `actual` is the value on every day.
    public static func value(_ metric: Metric, asOf d: Day) -> Double? {
        guard !metric.history.isEmpty else { return metric.actual }
        return metric.history.last { $0.date <= d }?.actual
    }

    static func isDone(_ done: Day?, _ d: Day) -> Bool {
        guard let done else { return false }
        return done <= d
    }

    public static func derive(_ campaign: Campaign, asOf d: Day) -> DerivedCampaign {
        let progress = progress(campaign, asOf: d)
        return DerivedCampaign(
            campaign: campaign, progress: progress, status: status(campaign, progress: progress, asOf: d),
            tasksDone: campaign.tasks.filter { isDone($0.done, d) }.count,
            milestonesDone: campaign.milestones.filter { isDone($0.done, d) }.count,
            daysLeft: campaign.ongoing ? nil : campaign.deadline.map { d.days(until: $0) },
            updates: campaign.updates.filter { $0.date <= d }.sorted { $0.date > $1.date },
            metrics: campaign.metrics.compactMap { metric in value(metric, asOf: d).map { (metric, $0) } })
    }

    /// Months in which a campaign recorded progress (a task or milestone done, an update) up to D.
    public static func activeMonths(_ campaigns: [Campaign], asOf d: Day) -> Set<Month> {
        var months = Set<Month>()
        for campaign in campaigns {
            for day in campaign.tasks.compactMap(\.done) + campaign.milestones.compactMap(\.done)
                + campaign.updates.map(\.date) where day <= d
            {
                months.insert(Month(day))
            }
        }
        return months
    }
}
