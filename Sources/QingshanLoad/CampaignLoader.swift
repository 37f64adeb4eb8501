import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanMarkdown
import QingshanModel
import Yams

/// Reads content/data/campaigns.yaml (docs/RULES.md, Campaigns) and reports every rule it
/// breaks with the file and line of the offending key.
public struct CampaignLoader: Sendable {
    public static let file = "content/data/campaigns.yaml"

    public let siteRoot: String
    public let organization: Organization
    public let renderer: MarkdownRenderer

    public init(siteRoot: String, organization: Organization, renderer: MarkdownRenderer) {
        self.siteRoot = siteRoot
        self.organization = organization
        self.renderer = renderer
    }

    static let keys: Set<String> = [
        "id", "title", "group", "departments", "requirement", "deadline", "ongoing", "summary", "milestones", "tasks",
        "metrics", "updates",
    ]

    public func load(diagnostics: Diagnostics) -> [Campaign] {
        guard let data = FileManager.default.contents(atPath: siteRoot + "/" + Self.file) else { return [] }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error(
                .firstInvalidUTF8(in: data, file: Self.file), "无法以 UTF-8 读取专项行动文件", hint: "请另存为 UTF-8")
            return []
        }
        return parse(text.replacingOccurrences(of: "\r\n", with: "\n"), diagnostics: diagnostics)
    }

    public func parse(_ text: String, file: String = CampaignLoader.file, diagnostics: Diagnostics) -> [Campaign] {
        guard let root = YAMLReader.compose(text, file: file, diagnostics: diagnostics) else { return [] }
        guard let items = root.sequence else {
            diagnostics.error(
                MappingReader.location(root, file: file, lineOffset: 0), "专项行动文件应为列表（每项以 - id: 开头）")
            return []
        }
        let campaigns = items.compactMap { campaign($0, file: file, diagnostics: diagnostics) }
        var first: [String: Campaign] = [:]
        for campaign in campaigns {
            if let earlier = first[campaign.id] {
                diagnostics.error(campaign.location, "专项行动编号 \(campaign.id) 重复，已在 \(earlier.location) 使用")
            } else {
                first[campaign.id] = campaign
            }
        }
        return campaigns
    }

    func campaign(_ node: YAMLNode, file: String, diagnostics: Diagnostics) -> Campaign? {
        /// Campaign text is Markdown: a script link is not published, with a warning at its key.
        func markdown(_ text: String, at location: SourceLocation) -> TrustedHTML {
            if let problem = MarkdownLimits.check(text) {
                diagnostics.error(location, problem.message)
                return .empty
            }
            let rendered = renderer.render(text)
            for blocked in rendered.blockedLinks {
                diagnostics.warning(location, "链接目标“\(blocked.target)”可能执行脚本或打开文档，未作为链接发布")
            }
            return rendered.html
        }
        guard let map = MappingReader(node, file: file, diagnostics: diagnostics, what: "专项行动") else { return nil }
        map.warnUnknownKeys(allowed: Self.keys, context: "专项行动")
        let id = map.requireString("id", what: "编号，也是网址 /campaigns/ID/")
        if let id, !Slug.isValidSegment(id) {
            diagnostics.error(map.location(ofKey: "id"), "专项行动编号“\(id)”不能含有空格、/、?、#、%")
        }
        let title = map.requireString("title", what: "名称")
        var group: CampaignGroup? = nil
        if let raw = map.requireString("group", what: "分组") {
            group = CampaignGroup(rawValue: raw)
            if group == nil {
                diagnostics.error(
                    map.location(map.value("group") ?? map.node), "未知分组“\(raw)”",
                    hint: "可用：" + CampaignGroup.allCases.map(\.rawValue).joined(separator: "、"))
            }
        }
        let departments = map.stringList("departments") ?? []
        for department in departments { map.checkDepartment(department, key: "departments", in: organization) }
        let deadline = map.day("deadline")
        let ongoing = map.bool("ongoing") ?? false
        if map.value("deadline") == nil && !ongoing {
            diagnostics.error(
                map.location(ofKey: "id"), "专项行动需要 deadline（工作要求的时限）或 ongoing: true（长期坚持）")
        }
        if map.value("deadline") != nil && ongoing {
            diagnostics.error(map.location(ofKey: "ongoing"), "deadline 与 ongoing: true 只能二选一")
        }
        let summary = map.string("summary").map { markdown($0, at: map.location(ofKey: "summary")).string } ?? ""
        let milestones: [Milestone] = list(map, "milestones", what: "节点") { entry in
            entry.warnUnknownKeys(allowed: ["title", "due", "done"], context: "节点")
            guard let title = entry.requireString("title", what: "节点名称") else { return nil }
            return Milestone(title: title, due: entry.day("due"), done: entry.day("done"))
        }
        let tasks: [CampaignTask] = list(map, "tasks", what: "任务") { entry in
            entry.warnUnknownKeys(allowed: ["name", "street", "done"], context: "任务")
            let street = entry.string("street")
            entry.checkStreet(street, in: organization)
            guard let name = entry.requireString("name", what: "任务名称") else { return nil }
            return CampaignTask(name: name, street: street, done: entry.day("done"))
        }
        let metrics: [Metric] = list(map, "metrics", what: "指标") { entry in
            entry.warnUnknownKeys(allowed: ["name", "unit", "target", "actual", "history"], context: "指标")
            guard let name = entry.requireString("name", what: "指标名称") else { return nil }
            let history = self.history(entry)
            let actual = number(entry, "actual")
            if actual != nil, entry.value("history") != nil {
                diagnostics.error(
                    entry.location(ofKey: "actual"), "指标“\(name)”同时写了 actual 和 history",
                    hint: "完成值写在 history 中，每条带日期")
            } else if actual != nil {
                diagnostics.warning(
                    entry.location(ofKey: "actual"), "指标“\(name)”的完成值没有日期，任何截至日期都显示为该值",
                    hint: "写作 history: [{date: 2023-06-30, actual: 87}]，按截至日期显示当时的完成值")
            }
            return Metric(
                name: name, unit: entry.string("unit") ?? "", target: number(entry, "target"), history: history,
                actual: actual)
        }
        let updates: [CampaignUpdate] = list(map, "updates", what: "进展") { entry in
            entry.warnUnknownKeys(allowed: ["date", "text"], context: "进展")
            guard entry.value("date") != nil else {
                diagnostics.error(entry.location(ofKey: "date"), "进展缺少日期 date")
                return nil
            }
            guard let date = entry.day("date") else { return nil }
            return CampaignUpdate(
                date: date, html: markdown(entry.string("text") ?? "", at: entry.location(ofKey: "text")))
        }
        guard let id, let title, let group else { return nil }
        return Campaign(
            id: id, title: title, group: group, departments: departments, requirement: map.string("requirement") ?? "",
            deadline: deadline, ongoing: ongoing, summaryHTML: summary, milestones: milestones, tasks: tasks,
            metrics: metrics, updates: updates, location: map.location(ofKey: "id"))
    }

    func list<T>(_ map: MappingReader, _ key: String, what: String, _ read: (MappingReader) -> T?) -> [T] {
        (map.list(key, what: what) ?? []).compactMap(read)
    }

    /// A metric's dated values, oldest first, each with a date and a number.
    func history(_ entry: MappingReader) -> [MetricValue] {
        var out: [MetricValue] = []
        for item in list(entry, "history", what: "指标完成值", { $0 }) {
            item.warnUnknownKeys(allowed: ["date", "actual"], context: "指标完成值")
            guard item.value("date") != nil else {
                item.diagnostics.error(item.location(ofKey: "date"), "指标完成值缺少日期 date")
                continue
            }
            guard item.value("actual") != nil else {
                item.diagnostics.error(item.location(ofKey: "actual"), "指标完成值缺少 actual")
                continue
            }
            guard let date = item.day("date"), let actual = number(item, "actual") else { continue }
            if let previous = out.last, date <= previous.date {
                item.diagnostics.error(
                    item.location(ofKey: "date"), "指标完成值应按日期先后排列：\(date.iso) 不晚于上一条的 \(previous.date.iso)")
            }
            out.append(MetricValue(date: date, actual: actual))
        }
        return out
    }

    func number(_ map: MappingReader, _ key: String) -> Double? {
        guard let raw = map.string(key) else { return nil }
        // A plain decimal only (DecimalNumber): not 0x10, 1e3, nan or inf.
        guard let value = DecimalNumber.parse(raw), value >= 0 else {
            map.diagnostics.error(
                map.location(ofKey: key), "“\(key)”应为不小于 0 的数字，而不是“\(raw)”", hint: "写普通小数，如 120 或 87.5")
            return nil
        }
        return value
    }
}
