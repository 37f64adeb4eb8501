import QingshanCore

/// 专项行动的分组 (the plan 三（三）（四）（五）; docs/RULES.md, Campaigns).
public enum CampaignGroup: String, CaseIterable, Sendable {
    case special = "专项攻坚"
    case service = "服务提升"
    case publicity = "宣传引导"
}

public struct Milestone: Hashable, Sendable {
    public var title: String
    public var due: Day?
    public var done: Day?

    public init(title: String, due: Day? = nil, done: Day? = nil) {
        self.title = title
        self.due = due
        self.done = done
    }
}

/// One task of a campaign, e.g. one of the 34 villages of the rural-sewage campaign.
public struct CampaignTask: Hashable, Sendable {
    public var name: String
    public var street: String?
    public var done: Day?

    public init(name: String, street: String? = nil, done: Day? = nil) {
        self.name = name
        self.street = street
        self.done = done
    }
}

/// A metric's value on a day (`history` entries).
public struct MetricValue: Hashable, Sendable {
    public var date: Day
    public var actual: Double

    public init(date: Day, actual: Double) {
        self.date = date
        self.actual = actual
    }
}

/// A measured target: 排查企业 120 家, done 87 — as it stood on each day of its `history`.
public struct Metric: Hashable, Sendable {
    public var name: String
    public var unit: String
    public var target: Double?
    /// Dated values, oldest first.
    public var history: [MetricValue]
    /// An undated value (`actual:` without `history`): the same on every day, with a warning.
    public var actual: Double?

    public init(
        name: String, unit: String = "", target: Double? = nil, history: [MetricValue] = [], actual: Double? = nil
    ) {
        self.name = name
        self.unit = unit
        self.target = target
        self.history = history
        self.actual = actual
    }
}

/// A dated progress note; its Markdown is rendered at load time.
public struct CampaignUpdate: Hashable, Sendable {
    public var date: Day
    public var html: TrustedHTML

    public init(date: Day, html: TrustedHTML) {
        self.date = date
        self.html = html
    }
}

/// A special campaign (专项行动) as the bureau wrote it (docs/RULES.md, Campaigns).
public struct Campaign: Sendable {
    public var id: String
    public var title: String
    public var group: CampaignGroup
    public var departments: [String]
    public var requirement: String
    /// 工作要求 deadline; nil when the campaign is 长期坚持 (`ongoing`).
    public var deadline: Day?
    public var ongoing: Bool
    public var summaryHTML: String
    public var milestones: [Milestone]
    public var tasks: [CampaignTask]
    public var metrics: [Metric]
    public var updates: [CampaignUpdate]
    public var location: SourceLocation

    public init(
        id: String, title: String, group: CampaignGroup, departments: [String] = [], requirement: String = "",
        deadline: Day? = nil, ongoing: Bool = false, summaryHTML: String = "", milestones: [Milestone] = [],
        tasks: [CampaignTask] = [], metrics: [Metric] = [], updates: [CampaignUpdate] = [],
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.title = title
        self.group = group
        self.departments = departments
        self.requirement = requirement
        self.deadline = deadline
        self.ongoing = ongoing
        self.summaryHTML = summaryHTML
        self.milestones = milestones
        self.tasks = tasks
        self.metrics = metrics
        self.updates = updates
        self.location = location
    }
}
