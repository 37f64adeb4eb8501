import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanLedger
import QingshanModel

/// The internal edition (docs/RULES.md, Internal edition): 月调度表, 双月会 brief,
/// 重要问题督办台账 and the quarterly spot-check list, with owners and complainant contacts.
/// Written only to the internal output folder; every page carries 内部资料 and noindex.
public struct InternalPages: Sendable {
    let chrome: PageChrome
    let records: [LedgerRecord]
    let campaigns: [Campaign]
    /// The quarters' frozen samples, by quarter.
    let spotChecks: [Quarter: SpotCheckFile]

    public init(
        chrome: PageChrome, records: [LedgerRecord], campaigns: [Campaign], spotChecks: [SpotCheckFile] = []
    ) {
        self.chrome = chrome
        self.records = records
        self.campaigns = campaigns
        self.spotChecks = Dictionary(spotChecks.map { ($0.quarter, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The internal navigation.
    public static let navigation: [(column: Column, path: SitePath)] = [
        (.dispatch, Route.dispatch), (.meetings, Route.meetings),
        (.supervision, Route.supervision), (.spotcheck, Route.spotcheck),
    ]

    var asOf: Day { chrome.asOf }
    var links: LinkBuilder { chrome.links }

    /// Months from the first ledger activity to the as-of month.
    var months: [Month] {
        guard let first = records.map(\.received).min(), first <= asOf else { return [] }
        return Month.range(Month(first), Month(asOf))
    }

    var meetingMonths: [Month] { months.filter { $0.month % 2 == 0 } }
    var quarters: [Quarter] {
        Set(SpotCheck.quarters(records, asOf: asOf) + spotChecks.keys.filter { $0.firstDay <= asOf }).sorted()
    }

    public func renderAll() -> [OutputFile] {
        enum Job: Sendable {
            case home, dispatchIndex
            case dispatch(Month)
            case meetingsIndex
            case meeting(Month)
            case supervision, spotIndex
            case
                spot(Quarter)
        }
        let jobs: [Job] =
            [.home, .dispatchIndex, .meetingsIndex, .supervision, .spotIndex] + months.map(Job.dispatch)
            + meetingMonths.map(Job.meeting) + quarters.map(Job.spot)
        return Parallel.map(jobs) { job in
            switch job {
            case .home: return home()
            case .dispatchIndex:
                return index(
                    .dispatch, path: Route.dispatch,
                    items: months.reversed().map { ("\($0.chinese)月调度表", Route.dispatch($0.iso)) })
            case .dispatch(let month): return dispatch(month)
            case .meetingsIndex:
                return index(
                    .meetings, path: Route.meetings,
                    items: meetingMonths.reversed().map {
                        ("\($0.chinese)双月推进会材料", Route.meetings($0.iso))
                    })
            case .meeting(let month): return meeting(month)
            case .supervision: return supervision()
            case .spotIndex:
                return index(
                    .spotcheck, path: Route.spotcheck,
                    items: quarters.reversed().map { ("\($0.chinese)抽查回访清单", Route.spotcheck($0.label)) })
            case .spot(let quarter): return spotCheck(quarter)
            }
        }
    }

    func page(_ path: SitePath, title: String, view: ReportView, column: Column, landscape: Bool = false) -> OutputFile
    {
        var meta = chrome.meta(
            title: title, path: path, column: column, columnType: "内部资料",
            breadcrumb: column.title == title
                ? [LinkView(title: title, href: nil)]
                : [
                    LinkView(
                        title: column.title,
                        href: links.link(Self.navigation.first { $0.column == column }?.path ?? SitePath("/"))),
                    LinkView(title: title, href: nil),
                ])
        meta.printLayout = landscape ? "landscape" : nil
        return chrome.page(
            path, template: .report, meta: meta, content: .report(view), column: column, origin: "internal")
    }

    func index(_ column: Column, path: SitePath, items: [(String, SitePath)]) -> OutputFile {
        let title = column.title
        let view = ReportView(
            title: title, asOf: asOf, intro: items.isEmpty ? ["暂无。"] : [], figures: [], parts: [],
            links: items.map { LinkView(title: $0.0, href: links.link($0.1)) })
        return page(path, title: title, view: view, column: column)
    }

    func home() -> OutputFile {
        let derived = LedgerRules.derive(records, asOf: asOf)
        let stats = LedgerStats(derived)
        let view = ReportView(
            title: "“满意环保”内部工作平台", asOf: asOf,
            intro: ["本版本含责任人和投诉人联系方式，仅供局内月调度、双月会和季度督导使用，不得对外公开或转发。"],
            figures: [
                FigureView("在办问题", "\(derived.filter { $0.status.isOpen }.count)件"),
                FigureView("逾期未办", "\(stats.overdue)件"), FigureView("督办中", "\(stats.supervisionOpen)件"),
                FigureView("红标", "\(stats.byGrade[.red] ?? 0)件"),
            ],
            parts: [],
            links: Self.navigation.map { LinkView(title: $0.column.title, href: links.link($0.path)) })
        return page(SitePath("/"), title: "内部工作平台", view: view, column: .internalHome)
    }

    /// Days left (or overdue, negative) at `day`.
    static func timing(_ record: DerivedRecord, at day: Day) -> (text: String, days: Int) {
        let days = day.days(until: record.record.deadline)
        return (daysLeft(days), days)
    }

    func dispatch(_ month: Month) -> OutputFile {
        let end = min(month.lastDay, asOf)
        let derived = LedgerRules.derive(records, asOf: end)
        let open = derived.filter { $0.status.isOpen }.sorted { a, b in
            let ta = Self.timing(a, at: end).days
            let tb = Self.timing(b, at: end).days
            return ta != tb ? ta < tb : a.id < b.id
        }
        let closed = derived.filter { $0.closed.map(month.contains) == true }
        let openTable = TableView(
            caption: "\(month.chinese)末在办问题（按紧迫程度排列）",
            head: ["编号", "受理日期", "来源渠道", "问题摘要", "责任科室", "责任人", "整改时限", "剩余/逾期", "状态", "回访分级"],
            rows: open.map { item in
                let r = item.record
                let timing = Self.timing(item, at: end)
                return [
                    .init(r.id, className: "nowrap"), .init(r.received.iso, className: "nowrap"),
                    .init(r.channel.rawValue),
                    .init(r.summary), .init(r.department), .init(r.owner ?? "—"),
                    .init(r.deadline.iso, className: "nowrap"),
                    .init(timing.text, className: timing.days < 0 ? "nowrap due-overdue" : "nowrap"),
                    .init(item.status.rawValue, className: "nowrap"), .init(item.grade.label, className: "nowrap"),
                ]
            })
        let closedTable = TableView(
            caption: "\(month.chinese)销号问题", head: ["编号", "问题摘要", "责任科室", "责任人", "销号日期", "回访分级", "超期办结"],
            rows: closed.map { item in
                let r = item.record
                return [
                    .init(r.id, className: "nowrap"), .init(r.summary), .init(r.department), .init(r.owner ?? "—"),
                    .init(item.closed?.iso ?? "", className: "nowrap"), .init(item.grade.label),
                    .init(item.late ? "是" : "否"),
                ]
            })
        var parts = [
            ReportView.Part(
                heading: "一、在办问题",
                paragraphs: [
                    "截至\(end.chinese)，在办问题\(open.count)件，其中逾期未办\(open.filter(\.overdue).count)件。请责任科室和街道环保办按时限办结并及时回访。"
                ],
                tables: [openTable]),
            ReportView.Part(heading: "二、本月销号", paragraphs: ["本月销号\(closed.count)件。"], tables: [closedTable]),
        ]
        let stats = LedgerStats(derived)
        parts.append(
            ReportView.Part(
                heading: "三、按科室、街道分析",
                paragraphs: ["截至\(end.chinese)各责任科室、街道的受理、办理、逾期和回访分级情况（实施方案：对反馈及梳理问题分析研判）。"],
                tables: [
                    LedgerPages.units("按责任科室", "责任科室", stats.byDepartment),
                    LedgerPages.units("按街道", "街道", stats.byStreet),
                ]))
        if !campaigns.isEmpty {
            parts.append(ReportView.Part(heading: "四、专项行动进度", tables: [campaignTable(asOf: end)]))
        }
        let view = ReportView(
            title: "\(month.chinese)问题台账月调度表", asOf: end, intro: [], figures: [], parts: parts, links: [])
        return page(
            Route.dispatch(month.iso), title: "\(month.chinese)月调度表", view: view, column: .dispatch,
            landscape: true)
    }

    /// Every campaign's deadline, days left and progress as of `day`; a finished campaign reads
    /// 已完成, never days overdue.
    func campaignTable(asOf day: Day) -> TableView {
        TableView(
            caption: "专项行动进度与时限", head: ["专项行动", "责任科室", "时限", "剩余/逾期", "进度", "状态"],
            rows: campaigns.map { CampaignRules.derive($0, asOf: day) }.map { c in
                let days = c.daysLeft
                let timing: String
                if c.status == .done {
                    timing = "已完成"
                } else {
                    timing = days.map(daysLeft) ?? "—"
                }
                return [
                    .init(c.campaign.title), .init(c.campaign.departments.joined(separator: "、")),
                    .init(c.campaign.ongoing ? "长期坚持" : c.campaign.deadline?.iso ?? "—", className: "nowrap"),
                    .init(timing, className: (days ?? 0) < 0 && c.status != .done ? "due-overdue" : nil),
                    .init(c.progress.map { percent($0) } ?? "—", className: "num"),
                    .init(c.status.label),
                ]
            })
    }

    /// What is stuck at each 科室: open (not yet handled), overdue, yellow and red records, and
    /// those under supervision — from the ledger's figures by 科室.
    static func stuckByDepartment(_ figures: [String: UnitFigures]) -> TableView {
        TableView(
            caption: "各科室在办与滞留问题", head: ["责任科室", "在办", "逾期未办", "黄标", "红标", "督办中"],
            rows: figures.sorted { String.bytesPrecede($0.key, $1.key) }.map { name, unit in
                let counts = [
                    unit.received - unit.handled, unit.overdue, unit.byGrade[.yellow] ?? 0, unit.byGrade[.red] ?? 0,
                    unit.supervisionOpen,
                ]
                return [TableView.Cell(name)] + counts.map { TableView.Cell(String($0), className: "num") }
            })
    }

    func meeting(_ month: Month) -> OutputFile {
        let end = min(month.lastDay, asOf)
        let start =
            Month(year: month.month == 1 ? month.year - 1 : month.year, month: month.month == 1 ? 12 : month.month - 1)
            ?? month
        let period = [start, month]
        let now = LedgerRules.derive(records, asOf: end)
        let inPeriod = { (day: Day?) in day.map { d in period.contains { $0.contains(d) } } ?? false }
        let received = now.filter { inPeriod($0.record.received) }
        let closed = now.filter { inPeriod($0.closed) }
        let callbacks = now.flatMap(\.rounds).filter { inPeriod($0.callback) }
        let overdue = now.filter(\.overdue)
        let red = now.filter { $0.grade == .red && $0.status != .closed }
        let rebound = now.filter(\.rebound)
        let stats = LedgerStats(now)
        var decisions: [String] = []
        if !red.isEmpty { decisions.append("红标问题\(red.count)件：建议由分管负责同志牵头督办，明确专人盯办和办结时限。") }
        if !overdue.isEmpty { decisions.append("逾期问题\(overdue.count)件：请研究是否调整整改时限或协调相关部门联合处置。") }
        if !rebound.isEmpty { decisions.append("反弹问题\(rebound.count)件：建议对已销号问题开展复查，防止问题反弹。") }
        let campaignProgress = campaigns.map { CampaignRules.derive($0, asOf: end) }
        let lateCampaigns = campaignProgress.filter { $0.status == .overdue }
        if !lateCampaigns.isEmpty {
            decisions.append("专项行动\(lateCampaigns.map(\.campaign.title).joined(separator: "、"))已超过工作要求时限，请研究推进措施。")
        }
        if decisions.isEmpty { decisions.append("各项工作按计划推进，暂无需要会议研究的事项。") }
        func table(_ caption: String, _ items: [DerivedRecord]) -> TableView {
            TableView(
                caption: caption, head: ["编号", "问题摘要", "责任科室", "责任人", "整改时限", "状态", "回访分级"],
                rows: items.map { item in
                    let r = item.record
                    return [
                        .init(r.id, className: "nowrap"), .init(r.summary), .init(r.department), .init(r.owner ?? "—"),
                        .init(r.deadline.iso, className: "nowrap"), .init(item.status.rawValue),
                        .init(item.grade.label),
                    ]
                })
        }
        let problems = (overdue + red + rebound).reduce(into: [DerivedRecord]()) { list, item in
            if !list.contains(where: { $0.id == item.id }) { list.append(item) }
        }
        var parts = [
            ReportView.Part(
                heading: "一、两个月来的进展",
                paragraphs: [
                    "\(start.chinese)至\(month.month)月，共受理群众反映问题\(received.count)件，销号\(closed.count)件，开展回访\(callbacks.count)件次。截至\(end.chinese)，累计受理\(stats.total)件，在办\(now.filter { $0.status.isOpen }.count)件。"
                ]),
            ReportView.Part(
                heading: "二、存在的问题",
                paragraphs: ["逾期未办\(overdue.count)件，未销号的红标问题\(red.count)件，反弹\(rebound.count)件。"],
                tables: [table("逾期、红标和反弹问题", problems), Self.stuckByDepartment(stats.byDepartment)]),
        ]
        if !campaigns.isEmpty {
            parts.append(ReportView.Part(heading: "三、专项行动进度", tables: [campaignTable(asOf: end)]))
        }
        parts.append(
            ReportView.Part(heading: (campaigns.isEmpty ? "三" : "四") + "、提请会议研究的事项", bullets: decisions))
        let view = ReportView(
            title: "\(start.chinese)至\(month.month)月“满意环保”双月推进会材料", asOf: end, intro: [],
            figures: [
                FigureView("两月受理", "\(received.count)件"), FigureView("两月销号", "\(closed.count)件"),
                FigureView("两月回访", "\(callbacks.count)件次"),
                FigureView("累计回访满意率", percent(stats.satisfactionRate)),
            ],
            parts: parts, links: [])
        return page(Route.meetings(month.iso), title: "\(month.chinese)双月会", view: view, column: .meetings)
    }

    /// Chinese labels for the usual `private:` keys.
    static func label(_ key: String) -> String {
        let labels = [
            "complainant": "投诉人", "name": "姓名", "phone": "电话", "mobile": "手机", "address": "地址", "email": "邮箱",
            "wechat": "微信", "id_card": "身份证号",
        ]
        return labels[key] ?? key
    }

    /// The 重要问题督办台账 (docs/RULES.md, Ledger): every record that entered it, open ones first,
    /// with the day and reason it entered, who follows it up (专人盯办) and its history; closed
    /// entries stay as history.
    func supervision() -> OutputFile {
        let derived = LedgerRules.derive(records, asOf: asOf)
        let supervised = derived.filter(\.supervised).sorted { a, b in
            a.supervisionOpen != b.supervisionOpen ? a.supervisionOpen : a.id < b.id
        }
        let part = { (item: DerivedRecord) -> ReportView.Part in
            let r = item.record
            var history = [
                "受理：\(r.received.chinese)，\(r.channel.rawValue)（\(r.book.rawValue)台账），\(r.category.rawValue)。整改要求：\(r.requirement ?? "—")；时限 \(r.deadline.chinese)。"
            ]
            for event in item.supervision?.events ?? [] {
                history.append("\(event.day.chinese)列入督办：\(event.reason.rawValue)。")
            }
            for note in item.progress { history.append("\(note.date.chinese)阶段进展：\(note.text)。") }
            for (i, round) in item.rounds.enumerated() {
                var line = "第\(i + 1)轮：\(round.handled.chinese)办结，\(round.result.isEmpty ? "—" : round.result)"
                if let callback = round.callback {
                    line += "；\(callback.chinese)回访，" + (round.satisfied == true ? "满意" : "不满意")
                } else {
                    line += "；尚未回访"
                }
                history.append(line + "。")
            }
            if let closed = item.closed {
                history.append("\(closed.chinese)销号\(r.closeReason.map { "（\($0)）" } ?? "")。")
            }
            for recheck in item.rechecks {
                let afterClosing = item.closed.map { recheck.date >= $0 } ?? false
                let outcome = recheck.satisfied ? "满意" : afterClosing ? "不满意，问题反弹" : "不满意"
                history.append(
                    "\(recheck.date.chinese)\(afterClosing ? "销号后回访" : "抽查回访")：\(outcome)\(recheck.note.isEmpty ? "" : "，\(recheck.note)")。"
                )
            }
            if let repeatOf = r.repeatOf { history.append("重复反映，前次记录 \(repeatOf)\(item.rebound ? "（已销号后反弹）" : "")。") }
            let entry = item.supervision.map { "\($0.entered.chinese)因\($0.reason.rawValue)列入" } ?? "—"
            return ReportView.Part(
                heading: "\(r.id)　\(r.summary)",
                paragraphs: [
                    "\(item.supervisionOpen ? "督办中" : "已结束")；\(entry)；责任科室：\(r.department)；专人盯办：\(r.owner ?? "—")；街道：\(r.street ?? "—")；状态：\(item.status.rawValue)；回访分级：\(item.grade.label)。"
                ],
                bullets: history)
        }
        let openCount = supervised.filter(\.supervisionOpen).count
        let view = ReportView(
            title: "重要问题督办台账", asOf: asOf,
            intro: [
                "回访不满意、重复反映、逾期未办和销号后回访不满意的问题列入督办台账，明确科室、专人盯办（实施方案三（二））。累计列入\(supervised.count)件，其中督办中\(openCount)件；销号后的记录留作历史，销号后回访不满意的重新督办。"
            ],
            figures: [
                FigureView("督办中", "\(openCount)件"), FigureView("累计列入", "\(supervised.count)件"),
            ],
            parts: supervised.map(part), links: [])
        return page(Route.supervision, title: "督办台账", view: view, column: .supervision)
    }

    /// 季度抽查回访: the quarter's frozen sample (`qingshan spotcheck draw`) with who to call and
    /// the results entered so far; before it is drawn, a preview and the command that freezes it.
    func spotCheck(_ quarter: Quarter) -> OutputFile {
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pool = SpotCheck.pool(quarter, records, asOf: asOf)
        let file = spotChecks[quarter]
        let entries =
            file?.entries ?? SpotCheck.sample(quarter, from: pool).map { SpotCheckEntry(id: $0.id) }
        let called = entries.filter { $0.callback != nil && $0.satisfied != nil }
        let table = TableView(
            caption: "\(quarter.chinese)抽查回访清单（\(entries.count)件，本季度办结或销号\(pool.count)件）",
            head: ["编号", "问题摘要", "责任科室", "责任人", "办结/销号", "投诉人及联系方式", "回访日期", "回访结果", "备注"],
            rows: entries.map { entry in
                let r = byID[entry.id]
                let done = r.map { r in
                    r.closed.map { "销号 " + $0.iso } ?? r.rounds.last.map { "办结 " + $0.handled.iso } ?? ""
                }
                let result = entry.satisfied.map { $0 ? "满意" : "不满意" } ?? ""
                return [
                    .init(entry.id, className: "nowrap"), .init(r?.summary ?? "（台账中已无此记录）"),
                    .init(r?.department ?? "—"), .init(r?.owner ?? "—"), .init(done ?? "", className: "nowrap"),
                    .init(
                        r.map { r in
                            r.privateFields.isEmpty
                                ? "（台账未记录）"
                                : r.privateFields.map { "\(Self.label($0.key))：\($0.value)" }.joined(separator: "；")
                        } ?? "—"),
                    .init(entry.callback?.iso ?? "", className: entry.callback == nil ? "blank" : "nowrap"),
                    .init(result, className: entry.satisfied == nil ? "blank" : nil),
                    .init(entry.note, className: entry.note.isEmpty ? "blank" : nil),
                ]
            })
        let intro: [String]
        if file != nil {
            let unsatisfied = called.filter { $0.satisfied == false }.count
            intro = [
                "按“季督导”制度，从本季度办结或销号的问题中抽取不少于20%（至少5件，不足5件全部抽取），按责任科室分布，名单已固定在 \(SpotCheckFile.path(quarter))。",
                "已回访\(called.count)件，其中不满意\(unsatisfied)件；回访结果填入该文件后，计入对应记录的回访（最后一轮尚未回访时）或销号后回访。",
            ]
        } else {
            intro = [
                "本季度的抽查名单尚未固定，以下为按当前台账抽取的预览，台账变动后可能不同。",
                "请运行 qingshan spotcheck draw \(quarter.label) 固定名单（写入 \(SpotCheckFile.path(quarter))），再按名单回访并填写结果。",
            ]
        }
        let view = ReportView(
            title: "\(quarter.chinese)抽查回访清单", asOf: asOf, intro: intro,
            figures: [FigureView("抽查", "\(entries.count)件"), FigureView("已回访", "\(called.count)件")],
            parts: [ReportView.Part(heading: "抽查清单", tables: [table])], links: [])
        return page(
            Route.spotcheck(quarter.label), title: "\(quarter.chinese)抽查回访", view: view, column: .spotcheck,
            landscape: true)
    }
}
