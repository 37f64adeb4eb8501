import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanModel

/// Stage 4 for the special campaigns: /campaigns/ (groups, status, the responsibility
/// matrix) and /campaigns/ID/ (requirement, progress, milestones, tasks, metrics, updates,
/// related news), as of the as-of day.
public struct CampaignPages: Sendable {
    let chrome: PageChrome
    let campaigns: [DerivedCampaign]
    /// Articles whose front matter names the campaign, newest first.
    let news: [String: [Article]]
    /// Every article that names a campaign, in the site's order.
    let shown: [Article]

    public init(chrome: PageChrome, campaigns: [Campaign], articles: [Article]) {
        self.chrome = chrome
        shown = articles.filter { $0.front.campaign != nil }
        self.campaigns = campaigns.map { CampaignRules.derive($0, asOf: chrome.asOf) }
        var news: [String: [Article]] = [:]
        for article in articles {
            if let id = article.front.campaign { news[id, default: []].append(article) }
        }
        self.news = news
    }

    var links: LinkBuilder { chrome.links }

    static func path(_ id: String) -> SitePath { Route.campaign(id) }

    public func renderAll() -> [OutputFile] {
        guard !campaigns.isEmpty else { return [] }
        return [index()] + Parallel.map(campaigns) { page($0) }
    }

    /// The list entry of a campaign (also used by the home page).
    func item(_ c: DerivedCampaign) -> CampaignItemView {
        let timing: String
        if c.campaign.ongoing {
            timing = "长期坚持"
        } else if c.status == .done {
            timing = "已完成"
        } else if let days = c.daysLeft {
            timing = daysLeft(days)
        } else {
            timing = "—"
        }
        return CampaignItemView(
            title: c.campaign.title, href: links.link(Self.path(c.id)), group: c.campaign.group.rawValue,
            departments: c.campaign.departments, status: c.status, progress: c.progress,
            deadline: c.campaign.ongoing ? "长期坚持" : c.campaign.deadline.map { "\($0.chinese)前" } ?? "—",
            timing: timing)
    }

    public var items: [CampaignItemView] { campaigns.map(item) }

    func index() -> OutputFile {
        let groups = CampaignGroup.allCases.compactMap { group -> CampaignGroupView? in
            let members = campaigns.filter { $0.campaign.group == group }
            return members.isEmpty ? nil : CampaignGroupView(name: group.rawValue, campaigns: members.map(item))
        }
        let departments =
            chrome.config.organization.departments.isEmpty
            ? Array(Set(campaigns.flatMap(\.campaign.departments))).sorted()
            : chrome.config.organization.departments
        let matrix = TableView(
            caption: "责任分工（● 为责任科室）", head: ["专项行动"] + departments,
            rows: campaigns.map { c in
                [TableView.Cell(c.campaign.title, href: links.link(Self.path(c.id)))]
                    + departments.map { d in
                        c.campaign.departments.contains(d)
                            ? .init("●", className: "mark") : .init("", className: "mark")
                    }
            })
        let counts = CampaignStatus.allCases.map { status in
            FigureView(status.label, "\(campaigns.filter { $0.status == status }.count)项")
        }
        let view = CampaignsIndexView(asOf: chrome.asOf, groups: groups, matrix: matrix, counts: counts)
        let path = Route.campaigns
        let meta = chrome.meta(
            title: "专项行动", path: path, column: .campaigns, columnDescription: "“满意环保”专项攻坚、服务提升和宣传引导行动的进展",
            columnType: "列表页", breadcrumb: [LinkView(title: Column.campaigns.title, href: nil)])
        return chrome.page(
            path, template: .campaigns, meta: meta, content: .campaigns(view), column: .campaigns,
            origin: "content/data/campaigns.yaml")
    }

    func page(_ c: DerivedCampaign) -> OutputFile {
        let asOf = chrome.asOf
        let campaign = c.campaign
        let milestones = campaign.milestones.map { m in
            let done = m.done.flatMap { $0 <= asOf ? $0 : nil }
            return CampaignPageView.MilestoneView(
                title: m.title, due: m.due, done: done,
                late: (done.map { d in m.due.map { d > $0 } ?? false } ?? (m.due.map { asOf > $0 } ?? false)))
        }
        var tasks: TableView? = nil
        var streets: TableView? = nil
        if !campaign.tasks.isEmpty {
            tasks = TableView(
                caption: "任务清单（共\(campaign.tasks.count)项，已完成\(c.tasksDone)项）", head: ["任务", "街道", "完成日期"],
                rows: campaign.tasks.map { task in
                    let done = task.done.flatMap { $0 <= asOf ? $0 : nil }
                    return [
                        .init(task.name), .init(task.street ?? "—", className: "street"),
                        .init(done?.chinese ?? "未完成", className: done == nil ? "pending" : "nowrap"),
                    ]
                })
            let byStreet = Dictionary(grouping: campaign.tasks) { $0.street ?? "—" }
            streets = TableView(
                caption: "按街道汇总", head: ["街道", "任务", "已完成", "完成率"],
                rows: byStreet.keys.sorted().map { street in
                    let all = byStreet[street] ?? []
                    let done = all.filter { ($0.done.map { $0 <= asOf }) == true }.count
                    return [
                        .init(street), .init(String(all.count), className: "num"),
                        .init(String(done), className: "num"),
                        .init(percent(Double(done) / Double(max(all.count, 1))), className: "num"),
                    ]
                })
        }
        let view = CampaignPageView(
            item: item(c), requirement: campaign.requirement, summaryHTML: campaign.summaryHTML, milestones: milestones,
            tasks: tasks, streets: streets,
            metrics: c.metrics.map {
                CampaignPageView.MetricView(
                    name: $0.metric.name, unit: $0.metric.unit, target: $0.metric.target, actual: $0.actual)
            },
            updates: c.updates.map { CampaignPageView.UpdateView(date: $0.date, html: $0.html) },
            news: (news[c.id] ?? []).filter { $0.date.day <= asOf }.sorted { $0.date > $1.date }.map { article in
                ItemView(
                    title: article.title, href: links.link(article.path), date: article.date.day,
                    summary: article.summary, showSummary: false)
            })
        let path = Self.path(c.id)
        let meta = chrome.meta(
            title: campaign.title, path: path, column: .campaigns, columnDescription: campaign.group.rawValue,
            columnType: "文章页",
            description: "\(campaign.title)：\(c.status.label)，进度\(c.progress.map { percent($0) } ?? "—")。",
            breadcrumb: [
                LinkView(title: Column.campaigns.title, href: links.link(Route.campaigns)),
                LinkView(title: campaign.title, href: nil),
            ])
        return chrome.page(
            path, template: .campaign, meta: meta, content: .campaign(view), column: .campaigns,
            origin: "content/data/campaigns.yaml")
    }
}

/// /data/campaigns.json and .csv (docs/RULES.md, Open data files).
public enum CampaignOpenData {
    public static func files(_ campaigns: [Campaign], asOf d: Day) -> [OutputFile] {
        let derived = campaigns.map { CampaignRules.derive($0, asOf: d) }
        let json = JSONValue.object([
            ("as_of", .string(d.iso)),
            (
                "campaigns",
                .array(
                    derived.map { c in
                        .object([
                            ("id", .string(c.id)),
                            ("title", .string(c.campaign.title)),
                            ("group", .string(c.campaign.group.rawValue)),
                            ("departments", .array(c.campaign.departments.map(JSONValue.string))),
                            ("requirement", .string(c.campaign.requirement)),
                            ("deadline", .optional(c.campaign.deadline)),
                            ("ongoing", .bool(c.campaign.ongoing)),
                            ("progress", .optional(c.progress)),
                            ("status", .string(c.status.rawValue)),
                            ("tasks_total", .int(c.campaign.tasks.count)),
                            ("tasks_done", .int(c.tasksDone)),
                            ("milestones_total", .int(c.campaign.milestones.count)),
                            ("milestones_done", .int(c.milestonesDone)),
                            (
                                "metrics",
                                .array(
                                    c.campaign.metrics.map { metric in
                                        .object([
                                            ("name", .string(metric.name)), ("unit", .string(metric.unit)),
                                            ("target", .optional(metric.target)),
                                            ("actual", .optional(CampaignRules.value(metric, asOf: d))),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
        let csv = CSVTable.render(
            header: ["编号", "专项行动", "分组", "责任科室", "工作要求", "时限", "长期坚持", "进度", "状态"],
            rows: derived.map { c in
                [
                    c.id, c.campaign.title, c.campaign.group.rawValue, c.campaign.departments.joined(separator: "、"),
                    c.campaign.requirement, c.campaign.deadline?.iso ?? "", c.campaign.ongoing ? "是" : "否",
                    c.progress.map { String(format: "%.4f", $0) } ?? "", c.status.label,
                ]
            })
        return [
            OutputFile(
                path: "data/campaigns.json", data: Data(json.bytes(pretty: true)), origin: "content/data/campaigns.yaml"
            ),
            OutputFile(path: "data/campaigns.csv", data: csv, origin: "content/data/campaigns.yaml"),
        ]
    }
}
