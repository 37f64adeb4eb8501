import Mustache
import QingshanCampaigns
import QingshanCore

/// A campaign in a list (/campaigns/, the home page, bulletins): status, progress, deadline.
public struct CampaignItemView: MustacheParent, Sendable {
    public var title: String
    public var href: String
    public var group: String
    public var departments: [String]
    public var status: CampaignStatus
    public var progress: Double?
    public var deadline: String
    /// 剩余 12 天 / 逾期 3 天 / 长期坚持.
    public var timing: String

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "href": return text(href)
        case "group": return text(group)
        case "departments": return text(departments.joined(separator: "、"))
        case "statusLabel": return status.label
        case "statusKey": return status.rawValue
        case "hasProgress": return progress != nil
        case "progressPercent": return progress.map { Int(($0 * 100).rounded()) } ?? 0
        case "progressText": return progress.map { percent($0) } ?? "—"
        case "deadline": return text(deadline)
        case "timing": return text(timing)
        default: return nil
        }
    }
}

public struct CampaignGroupView: MustacheParent, Sendable {
    public var name: String
    public var campaigns: [CampaignItemView]

    public func child(named name: String) -> Any? {
        switch name {
        case "name": return text(self.name)
        case "campaigns": return campaigns
        default: return nil
        }
    }
}

/// /campaigns/: every campaign by group, and the responsibility matrix.
public struct CampaignsIndexView: MustacheParent, Sendable {
    public var asOf: Day
    public var groups: [CampaignGroupView]
    public var matrix: TableView
    public var counts: [FigureView]

    public func child(named name: String) -> Any? {
        switch name {
        case "asOfISO": return asOf.iso
        case "asOfText": return asOf.chinese
        case "groups": return groups
        case "matrix": return matrix
        case "counts": return counts
        default: return nil
        }
    }
}

/// /campaigns/ID/.
public struct CampaignPageView: MustacheParent, Sendable {
    public struct MilestoneView: MustacheParent, Sendable {
        public var title: String
        public var due: Day?
        public var done: Day?
        public var late: Bool

        public func child(named name: String) -> Any? {
            switch name {
            case "title": return text(title)
            case "dueText": return due.map { $0.chinese as Any } ?? false
            case "doneText": return done.map { $0.chinese as Any } ?? false
            case "doneISO": return done?.iso ?? ""
            case "isDone": return done != nil
            case "late": return late
            default: return nil
            }
        }
    }

    public struct MetricView: MustacheParent, Sendable {
        public var name: String
        public var unit: String
        public var target: Double?
        public var actual: Double?

        func number(_ value: Double?) -> String {
            guard let value else { return "—" }
            return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }

        public func child(named name: String) -> Any? {
            switch name {
            case "name": return text(self.name)
            case "unit": return text(unit)
            case "target": return number(target)
            case "actual": return number(actual)
            case "hasShare": return target.map { $0 > 0 } == true && actual != nil
            case "share":
                guard let target, target > 0, let actual else { return 0 }
                return Int(min(100, (actual / target * 100).rounded()))
            default: return nil
            }
        }
    }

    public struct UpdateView: MustacheParent, Sendable {
        public var date: Day
        public var html: String

        public func child(named name: String) -> Any? {
            switch name {
            case "dateISO": return date.iso
            case "dateText": return date.chinese
            case "html": return html
            default: return nil
            }
        }
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

    public func child(named name: String) -> Any? {
        switch name {
        case "item": return item
        case "requirement": return requirement.isEmpty ? false : text(requirement)
        case "summary": return summaryHTML.isEmpty ? false : summaryHTML
        case "milestones": return milestones
        case "hasMilestones": return !milestones.isEmpty
        case "tasks": return tasks ?? false
        case "streets": return streets ?? false
        case "metrics": return metrics
        case "hasMetrics": return !metrics.isEmpty
        case "updates": return updates
        case "hasUpdates": return !updates.isEmpty
        case "news": return news
        case "hasNews": return !news.isEmpty
        default: return nil
        }
    }
}
