import Foundation
import QingshanCore
import QingshanLedger
import QingshanModel

/// Stage 4 for the ledger: /ledger/ — figures, charts and the de-identified records, 50 a
/// page. Nothing here reads `owner` or `private:`.
public struct LedgerPages: Sendable {
    public static let recordsPerPage = 50

    let chrome: PageChrome
    let report: LedgerReport

    public init(chrome: PageChrome, report: LedgerReport) {
        self.chrome = chrome
        self.report = report
        facets = LedgerFacet.all(report.records)
    }

    /// The ways to narrow the records, worked out once (every page links them all).
    let facets: [LedgerFacet]

    var links: LinkBuilder { chrome.links }

    public func renderAll() -> [OutputFile] {
        // Every page of the whole ledger, then every page of each facet value.
        var jobs: [(records: [DerivedRecord], number: Int, total: Int, facet: (LedgerFacet, LedgerFacet.Value)?)] = []
        func paginate(_ records: [DerivedRecord], _ facet: (LedgerFacet, LedgerFacet.Value)?) {
            let total = max(1, (records.count + Self.recordsPerPage - 1) / Self.recordsPerPage)
            jobs += (1...total).map { (records, $0, total, facet) }
        }
        paginate(report.records, nil)
        for facet in facets {
            for value in facet.values { paginate(report.records.filter(value.test), (facet, value)) }
        }
        return Parallel.map(jobs) { ledgerPage($0.records, number: $0.number, of: $0.total, facet: $0.facet) }
    }

    /// The filter links of a page: 全部 and every value of every facet, the shown one current.
    func filters(current: (LedgerFacet, LedgerFacet.Value)?) -> [FilterView] {
        let all = LinkView(title: "全部", href: links.link(Route.ledger), current: current == nil)
        return facets.enumerated().map { i, facet in
            FilterView(
                title: facet.title,
                links: (i == 0 ? [all] : [])
                    + facet.values.map { value in
                        LinkView(
                            title: value.label, href: links.link(facet.path(value)),
                            current: current.map { $0.0.key == facet.key && $0.1.label == value.label } ?? false)
                    })
        }
    }

    static func ledgerPath(_ page: Int) -> SitePath {
        Route.ledgerPage(page)
    }

    // MARK: - /ledger/

    func ledgerPage(
        _ records: [DerivedRecord], number: Int, of total: Int, facet: (LedgerFacet, LedgerFacet.Value)?
    ) -> OutputFile {
        let stats = report.stats
        let start = (number - 1) * Self.recordsPerPage
        let slice = records[start..<min(records.count, start + Self.recordsPerPage)]
        let path = { (page: Int) in facet.map { $0.0.path($0.1, page: page) } ?? Self.ledgerPath(page) }
        let overview = number == 1 && facet == nil
        var view = LedgerPageView(
            asOf: report.asOf, figures: figures(stats), charts: overview ? charts() : [],
            tables: overview ? breakdownTables(stats) : [],
            analysis: overview
                ? [
                    Self.units("按责任科室", "责任科室", stats.byDepartment), Self.units("按街道", "街道", stats.byStreet),
                ] : [],
            progress: overview ? progressTables() : [], records: recordsTable(Array(slice)),
            pagination: chrome.pagination(current: number, total: total, path: path), isFirstPage: overview)
        view.filters = filters(current: facet)
        var heading = "问题台账"
        var description = "截至\(report.asOf.chinese)，累计受理群众反映问题\(stats.total)件。"
        if let (group, value) = facet {
            heading += "：\(value.label)"
            description = "截至\(report.asOf.chinese)，\(group.title)为“\(value.label)”的群众反映问题\(records.count)件。"
        }
        view.heading = heading
        let title = number > 1 ? "\(heading)（第\(number)页）" : heading
        let meta = chrome.meta(
            title: title, path: path(number), column: .ledger,
            columnDescription: "群众反映生态环境问题的受理、办理、回访与销号情况（已去除个人信息）", columnType: "数据页",
            description: description,
            breadcrumb: facet == nil
                ? [LinkView(title: Column.ledger.title, href: nil)]
                : [
                    LinkView(title: Column.ledger.title, href: links.link(Route.ledger)),
                    LinkView(title: facet.map { $0.1.label } ?? "", href: nil),
                ])
        return chrome.page(
            path(number), template: .ledger, meta: meta, content: .ledger(view), column: .ledger,
            origin: "content/data/ledger")
    }

    /// The ledger's headline figures for the home page.
    public var homeFigures: [FigureView] {
        let stats = report.stats
        let done = (stats.byStatus[.handled] ?? 0) + (stats.byStatus[.closed] ?? 0)
        return [
            FigureView("问题台账累计受理", "\(stats.total)件"),
            FigureView("办结率", percent(stats.completionRate), note: "已办结 \(done) 件"),
            FigureView(
                "回访满意率", percent(stats.satisfactionRate), note: "一次办理满意率 " + percent(stats.firstTimeSatisfactionRate)),
            FigureView("重点督办", "\(stats.supervisionOpen)件", note: "逾期未办 \(stats.overdue) 件"),
        ]
    }

    func figures(_ stats: LedgerStats) -> [FigureView] {
        let done = (stats.byStatus[.handled] ?? 0) + (stats.byStatus[.closed] ?? 0)
        return [
            FigureView("累计受理", "\(stats.total)件"),
            FigureView("办结（含已销号）", "\(done)件", note: "办结率 " + percent(stats.completionRate)),
            FigureView("已销号", "\(stats.byStatus[.closed] ?? 0)件"),
            FigureView("逾期未办", "\(stats.overdue)件", note: "超期办结 \(stats.late) 件"),
            FigureView("重点督办", "\(stats.supervisionOpen)件", note: "累计列入 \(stats.supervised) 件"),
            FigureView("一次办理满意率", percent(stats.firstTimeSatisfactionRate), note: "已回访 \(stats.calledBack) 件"),
            FigureView("回访满意率", percent(stats.satisfactionRate), note: "以最近一次回访为准"),
            FigureView(
                "绿标 / 黄标 / 红标",
                "\(stats.byGrade[.green] ?? 0) / \(stats.byGrade[.yellow] ?? 0) / \(stats.byGrade[.red] ?? 0)"),
        ]
    }

    static let gradeColors: [Grade: String] = [
        .green: "#1b7f3b", .yellow: "#a67c00", .red: "#b3261e", .pending: "#6b7280",
    ]

    func charts() -> [ChartView] {
        let stats = report.stats
        let channels = Channel.allCases.map {
            SVGChart.Bar(label: $0.rawValue, value: Double(stats.byChannel[$0] ?? 0))
        }
        let channelText = Channel.allCases.map { "\($0.rawValue)\(stats.byChannel[$0] ?? 0)件" }.joined(separator: "，")
        // Grades of the records received each month, as they stand on the as-of day.
        let byMonth = Dictionary(grouping: report.records) { Month($0.record.received) }
        let receivedMonths = byMonth.keys.sorted()
        let gradeColumns = receivedMonths.map { month in
            SVGChart.Column(
                label: "\(month.month)月",
                segments: [Grade.green, .yellow, .red, .pending].map { grade in
                    SVGChart.Segment(
                        name: grade.label, value: Double(byMonth[month]?.filter { $0.grade == grade }.count ?? 0),
                        color: Self.gradeColors[grade] ?? "#6b7280")
                })
        }
        let gradeText = receivedMonths.map { month in
            let records = byMonth[month] ?? []
            return "\(month.chinese)受理\(records.count)件，其中绿标\(records.filter { $0.grade == .green }.count)件、"
                + "黄标\(records.filter { $0.grade == .yellow }.count)件、红标\(records.filter { $0.grade == .red }.count)件"
        }.joined(separator: "；")
        // Open and closed at each month's end.
        let flowColumns = report.months.map { month in
            SVGChart.Column(
                label: "\(month.month.month)月",
                segments: [
                    SVGChart.Segment(name: "在办", value: Double(month.openAtEnd), color: "#b3261e"),
                    SVGChart.Segment(
                        name: "已办结或销号", value: Double(month.cumulative.total - month.openAtEnd), color: "#0b5394"),
                ])
        }
        let flowText = report.months.map {
            "\($0.month.chinese)末在办\($0.openAtEnd)件、已办结或销号\($0.cumulative.total - $0.openAtEnd)件"
        }.joined(separator: "；")
        return [
            ChartView(
                title: "按来源渠道",
                svg: SVGChart.bars(id: "chart-channel", title: "问题来源渠道", description: channelText, bars: channels)),
            ChartView(
                title: "各月受理问题的回访分级",
                svg: SVGChart.stackedColumns(
                    id: "chart-grade", title: "各月受理问题的回访分级", description: gradeText, columns: gradeColumns)),
            ChartView(
                title: "各月末在办与已办结问题",
                svg: SVGChart.stackedColumns(
                    id: "chart-flow", title: "各月末在办与已办结问题", description: flowText, columns: flowColumns)),
        ]
    }

    func breakdownTables(_ stats: LedgerStats) -> [TableView] {
        func table<T: Hashable>(
            _ caption: String, _ head: String, _ keys: [T], _ label: (T) -> String, _ counts: [T: Int]
        )
            -> TableView
        {
            TableView(
                caption: caption, head: [head, "件数", "占比"],
                rows: keys.map { key in
                    let count = counts[key] ?? 0
                    return [
                        .init(label(key)), .init(String(count), className: "num"),
                        .init(percent(stats.total == 0 ? nil : Double(count) / Double(stats.total)), className: "num"),
                    ]
                })
        }
        return [
            table("按所属台账", "台账", LedgerBook.allCases, \.rawValue, stats.byBook),
            table("按来源渠道", "来源渠道", Channel.allCases, \.rawValue, stats.byChannel),
            table("按问题类别", "问题类别", Category.allCases, \.rawValue, stats.byCategory),
            table("按环境要素", "环境要素", Domain.allCases, \.rawValue, stats.byDomain),
            table("按办理状态", "办理状态", Status.allCases, \.rawValue, stats.byStatus),
            table("按回访分级", "回访分级", [Grade.green, .yellow, .red, .pending], \.label, stats.byGrade),
        ]
    }

    /// 阶段进展 of the rectifications still under way (the plan 三（二）: “对需要长期整改的定期跟踪
    /// 反馈阶段进展情况，避免信息不对称导致重复投诉”): each with its latest note.
    func progressTables() -> [TableView] {
        let ongoing = report.records.filter { !$0.progress.isEmpty && $0.status != .closed }
        guard !ongoing.isEmpty else { return [] }
        let ordered = ongoing.sorted { a, b in
            let (x, y) = (a.progress.last?.date ?? a.record.received, b.progress.last?.date ?? b.record.received)
            return x != y ? x > y : a.id < b.id
        }
        return [
            TableView(
                caption: "正在整改问题的阶段进展（截至\(report.asOf.chinese)）",
                head: ["编号", "问题摘要", "责任科室", "整改时限", "最新进展", "状态"],
                rows: ordered.map { item in
                    let note = item.progress.last
                    return [
                        .init(item.id, className: "nowrap"), .init(item.record.summary), .init(item.record.department),
                        .init(item.record.deadline.iso, className: "nowrap"),
                        .init(note.map { $0.date.iso + "　" + $0.text } ?? "—"),
                        .init(item.status.rawValue, className: "nowrap"),
                    ]
                })
        ]
    }

    /// The figures of each 科室 or 街道, for the analysis the plan asks of 月调度 and 双月会.
    static func units(_ caption: String, _ head: String, _ figures: [String: UnitFigures]) -> TableView {
        TableView(
            caption: caption, head: [head, "受理", "已办结", "已销号", "逾期未办", "绿标", "黄标", "红标", "待回访"],
            rows: figures.sorted { String.bytesPrecede($0.key, $1.key) }.map { name, unit in
                [.init(name)]
                    + [unit.received, unit.handled, unit.closed, unit.overdue].map {
                        .init(String($0), className: "num")
                    }
                    + [Grade.green, .yellow, .red, .pending].map {
                        .init(String(unit.byGrade[$0] ?? 0), className: "num")
                    }
            })
    }

    func recordsTable(_ records: [DerivedRecord]) -> TableView {
        TableView(
            caption: "问题台账（截至\(report.asOf.chinese)，已去除个人信息）",
            head: [
                "编号", "受理日期", "来源渠道", "类别", "要素", "街道", "问题摘要", "办理结果", "责任科室", "整改时限", "状态", "回访分级",
            ],
            madeRows: records.map { item in
                let r = item.record
                return TableView.Row(
                    [
                        .init(r.id, className: "nowrap"), .init(r.received.iso, className: "nowrap"),
                        .init(r.channel.rawValue), .init(r.category.rawValue, className: "nowrap"),
                        .init(r.domain?.rawValue ?? "—", className: "nowrap"),
                        .init(r.street ?? "—", className: "nowrap"), .init(r.summary),
                        .init(item.result ?? "—"), .init(r.department),
                        .init(r.deadline.iso, className: item.overdue ? "nowrap overdue" : "nowrap"),
                        .init(item.statusText),
                        .init(item.grade.label, className: "grade grade-\(item.grade.rawValue)"),
                    ], id: Self.anchor(r.id))
            })
    }

    /// The id of a record's row (`r-GX-2023-0008`): the search links to it.
    public static func anchor(_ id: String) -> String { "r-" + id }

    /// Where each record of the table stands: its page and row, with what the search shows.
    public var recordPlaces: [(record: DerivedRecord, path: SitePath, anchor: String)] {
        report.records.enumerated().map { i, item in
            (item, Self.ledgerPath(i / Self.recordsPerPage + 1), Self.anchor(item.record.id))
        }
    }
}
