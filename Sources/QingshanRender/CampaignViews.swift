import QingshanCampaigns
import QingshanCore

/// A campaign in a list (/campaigns/, the home page, bulletins): status, progress, deadline.
public struct CampaignItemView: Sendable {
    public var title: String
    public var href: String
    public var group: String
    public var departments: [String]
    public var status: CampaignStatus
    public var progress: Double?
    public var deadline: String
    /// 剩余 12 天 / 逾期 3 天 / 长期坚持.
    public var timing: String
}

public struct CampaignGroupView: Sendable {
    public var name: String
    public var campaigns: [CampaignItemView]
}

/// /campaigns/: every campaign by group, and the responsibility matrix.
public struct CampaignsIndexView: Sendable {
    public var asOf: Day
    public var groups: [CampaignGroupView]
    public var matrix: TableView
    public var counts: [FigureView]
}

/// /campaigns/ID/.
public struct CampaignPageView: Sendable {
    public struct MilestoneView: Sendable {
        public var title: String
        public var due: Day?
        public var done: Day?
        public var late: Bool
    }

    public struct MetricView: Sendable {
        public var name: String
        public var unit: String
        public var target: Double?
        public var actual: Double?

        func number(_ value: Double?) -> String {
            guard let value else { return "—" }
            return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
    }

    public struct UpdateView: Sendable {
        public var date: Day
        public var html: TrustedHTML
    }

    public var item: CampaignItemView
    public var requirement: String
    public var summaryHTML: String
    public var milestones: [MilestoneView]
    public var tasks: TableView?
    public var streets: TableView?
    public var metrics: [MetricView]
    public var updates: [UpdateView]
    public var news: [ItemView]
}
