import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanLedger
import QingshanModel
import QingshanMonitoring
import QingshanRatings

/// The site's figures as of a given day, as report parts: what press fact sheets (`panels:`),
/// the monthly dynamics and the Environment Day poster show. Every figure is taken at the
/// day asked for, never at the build's as-of day.
public struct DataPanels: Sendable {
    let derivations: LedgerDerivations
    var ledger: [LedgerRecord] { derivations.records }
    let campaigns: [Campaign]
    let monitoring: MonitoringData
    let links: LinkBuilder
    /// The satisfaction-survey results and the plan's target place (the ledger panel's rank).
    let ratings: [SatisfactionRating]
    let target: Int?
    /// Panels already made, by name and day: many fact sheets of one day cost one derivation.
    private let made = Memo<String, ReportView.Part?>()

    /// `derivations` is the ledger's, shared with the report and bulletins (one derivation a day).
    public init(
        derivations: LedgerDerivations, campaigns: [Campaign], monitoring: MonitoringData, links: LinkBuilder,
        ratings: [SatisfactionRating] = [], target: Int? = nil
    ) {
        self.ratings = ratings
        self.target = target
        self.derivations = derivations
        self.campaigns = campaigns
        self.monitoring = monitoring
        self.links = links
    }

    /// The panels named in a fact sheet's front matter, in the order given.
    public func parts(_ panels: [Panel], asOf d: Day) -> [ReportView.Part] {
        panels.compactMap { panel in
            made.value(for: panel.rawValue + "@" + d.iso) {
                switch panel {
                case .ledger: return ledgerPart(asOf: d)
                case .campaigns: return campaignPart(asOf: d)
                case .air: return airPart(asOf: d)
                case .water: return waterPart(asOf: d)
                case .noise: return noisePart(asOf: d)
                }
            }
        }
    }

    func ledgerPart(asOf d: Day) -> ReportView.Part? {
        let derived = derivations.derived(asOf: d)
        guard !derived.isEmpty else { return nil }
        let stats = LedgerStats(derived)
        let done = (stats.byStatus[.handled] ?? 0) + (stats.byStatus[.closed] ?? 0)
        let rating = RatingRules.latest(ratings, asOf: d)
        return ReportView.Part(
            heading: "问题台账办理情况",
            paragraphs: [
                "截至\(d.chinese)，累计受理群众反映问题\(stats.total)件，已办结\(done)件，办结率\(percent(stats.completionRate))；"
                    + "回访\(stats.calledBack)件，一次办理满意率\(percent(stats.firstTimeSatisfactionRate))。"
            ] + (rating.map { [RatingPages.standing($0, target: target)] } ?? []),
            tables: [
                TableView(
                    caption: "按问题类别（截至\(d.chinese)）", head: ["类别", "受理", "已办结"],
                    rows: Category.allCases.map { c in
                        let items = derived.filter { $0.record.category == c }
                        return [
                            .init(c.rawValue), .init(String(items.count), className: "num"),
                            .init(String(items.filter { !$0.status.isOpen }.count), className: "num"),
                        ]
                    })
            ],
            figures: [
                FigureView("累计受理", "\(stats.total)件"), FigureView("办结率", percent(stats.completionRate)),
                FigureView("回访满意率", percent(stats.satisfactionRate)),
                FigureView(
                    "绿 / 黄 / 红",
                    "\(stats.byGrade[.green] ?? 0) / \(stats.byGrade[.yellow] ?? 0) / \(stats.byGrade[.red] ?? 0)"),
            ] + (rating.map { [FigureView("全省测评排名", "第\($0.rank)位", note: $0.period)] } ?? []),
            more: LinkView(title: Column.ledger.title, href: links.link(Route.ledger)))
    }

    func campaignPart(asOf d: Day) -> ReportView.Part? {
        guard !campaigns.isEmpty else { return nil }
        let derived = campaigns.map { CampaignRules.derive($0, asOf: d) }
        return ReportView.Part(
            heading: "专项行动进展",
            paragraphs: [
                "截至\(d.chinese)，\(derived.count)项行动中已完成\(derived.filter { $0.status == .done }.count)项，"
                    + "长期坚持\(derived.filter { $0.status == .ongoing }.count)项，逾期\(derived.filter { $0.status == .overdue }.count)项。"
            ],
            tables: [
                TableView(
                    caption: "专项行动进度（截至\(d.chinese)）", head: ["专项行动", "时限", "进度", "状态"],
                    rows: derived.map { c in
                        [
                            .init(c.campaign.title, href: links.link(Route.campaign(c.id))),
                            .init(c.campaign.ongoing ? "长期坚持" : c.campaign.deadline?.iso ?? "—", className: "nowrap"),
                            .init(c.progress.map { percent($0) } ?? "—", className: "num"),
                            .init(c.status.label, className: "nowrap"),
                        ]
                    })
            ],
            more: LinkView(title: "全部专项行动", href: links.link(Route.campaigns)))
    }

    func airPart(asOf d: Day, month: Month? = nil) -> ReportView.Part? {
        let report = AirReport(monitoring.air, asOf: d)
        guard !report.days.isEmpty else { return nil }
        var figures: [FigureView] = []
        if let month, let entry = report.months.first(where: { $0.month == month }) {
            figures.append(
                FigureView(
                    "\(month.chinese)优良天数", "\(entry.period.goodDays)天", note: "优良率 \(percent(entry.period.goodRatio))")
            )
            figures.append(
                FigureView("PM2.5 月均", entry.period.pm25Mean.map { String(format: "%.0f μg/m³", $0) } ?? "—"))
        }
        for period in report.yearToDate {
            figures.append(
                FigureView("\(period.label)年累计优良天数", "\(period.goodDays)天", note: "优良率 \(percent(period.goodRatio))"))
        }
        var charts: [ChartView] = []
        if let month {
            let days = report.days.filter {
                month.contains($0.record.date) && $0.record.station == report.stations.first
            }
            if !days.isEmpty {
                charts.append(Self.calendar(month, days))
            }
        }
        return ReportView.Part(
            heading: "空气质量", figures: figures, charts: charts,
            more: LinkView(title: "空气质量数据", href: links.link(Route.data("air"))))
    }

    /// A month of one station's AQI as a calendar: each day's square in its level's colour
    /// with its AQI written in it (readable on paper), grey without data.
    static func calendar(_ month: Month, _ days: [AirDay], station: String = "", title: String? = nil) -> ChartView {
        var squares: [SVGChart.CalendarDay] = []
        var next = 1
        for entry in days.sorted(by: { $0.record.date < $1.record.date }) {
            while next < entry.record.date.day {
                squares.append(.init(day: next, color: "#e5e7eb", textColor: "#000000", label: "—"))
                next += 1
            }
            let level = entry.result.level
            squares.append(
                .init(
                    day: entry.record.date.day, color: level?.color ?? "#e5e7eb",
                    textColor: level?.textColor ?? "#000000", label: entry.result.aqi.map(String.init) ?? "NA"))
            next = entry.record.date.day + 1
        }
        let summary = AQILevel.allCases.map { level in
            "\(level.category)\(days.filter { $0.result.level == level }.count)天"
        }
        let name = "\(month.chinese)空气质量日历"
        return ChartView(
            title: title ?? name,
            svg: SVGChart.calendar(
                id: "cal-\(month.iso)", title: name,
                description: "\(month.chinese)\(station)空气质量：" + summary.joined(separator: "、") + "。",
                firstWeekday: MonitoringPages.weekday(month.firstDay), days: squares))
    }

    func waterPart(asOf d: Day, month: Month? = nil) -> ReportView.Part? {
        let report = WaterReport(monitoring.water, asOf: d)
        guard let latest = month ?? report.months.last else { return nil }
        let records = report.records.filter { $0.record.month == latest }
        guard !records.isEmpty else { return nil }
        return ReportView.Part(
            heading: "水环境",
            tables: [
                TableView(
                    caption: "\(latest.chinese)断面水质", head: ["断面", "水质类别", "目标", "达标", "主要污染指标"],
                    rows: records.map { item in
                        [
                            .init(item.record.section), .init(item.waterClass?.label ?? "—"),
                            .init(item.record.target?.label ?? "—"),
                            .init(item.meetsTarget.map { $0 ? "是" : "否" } ?? "—"),
                            .init(
                                item.mainPollutants.isEmpty
                                    ? "—" : item.mainPollutants.map(\.name).joined(separator: "、")),
                        ]
                    })
            ],
            more: LinkView(title: "水环境数据", href: links.link(Route.data("water"))))
    }

    func noisePart(asOf d: Day, month: Month? = nil) -> ReportView.Part? {
        let report = NoiseReport(monitoring.noise, asOf: d)
        let records =
            month.map { m in report.records.filter { m.contains($0.date) } }
            ?? report.records.filter { $0.date == report.records.last?.date }
        guard !records.isEmpty else { return nil }
        func level(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "—" }
        return ReportView.Part(
            heading: "声环境",
            tables: [
                TableView(
                    caption: "声环境监测（dB(A)）", head: ["日期", "点位", "功能区", "昼间/限值", "夜间/限值"],
                    rows: records.map { r in
                        [
                            .init(r.date.iso, className: "nowrap"), .init(r.site), .init(r.zone.label),
                            .init("\(level(r.day)) / \(level(r.zone.limits.day))", className: "nowrap"),
                            .init("\(level(r.night)) / \(level(r.zone.limits.night))", className: "nowrap"),
                        ]
                    })
            ],
            more: LinkView(title: "声环境数据", href: links.link(Route.data("noise"))))
    }

    /// Key figures for the Environment Day poster: air good days this year, water sections
    /// meeting their target, ledger callbacks, campaigns done.
    func posterFigures(asOf d: Day) -> [FigureView] {
        var out: [FigureView] = []
        if let year = AirReport(monitoring.air, asOf: d).yearToDate.first {
            out.append(FigureView("今年以来空气优良天数", "\(year.goodDays)天", note: "优良率 \(percent(year.goodRatio))"))
        }
        let water = WaterReport(monitoring.water, asOf: d)
        if let month = water.months.last {
            let records = water.records.filter { $0.record.month == month }
            out.append(FigureView("重点断面达标", "\(records.filter { $0.meetsTarget == true }.count) / \(records.count)"))
        }
        if !ledger.isEmpty {
            let stats = LedgerStats(derivations.derived(asOf: d))
            out.append(FigureView("群众反映问题办结率", percent(stats.completionRate), note: "累计受理 \(stats.total) 件"))
        }
        if !campaigns.isEmpty {
            let derived = campaigns.map { CampaignRules.derive($0, asOf: d) }
            out.append(
                FigureView("专项行动", "\(derived.count)项", note: "已完成 \(derived.filter { $0.status == .done }.count) 项"))
        }
        return Array(out.prefix(4))
    }
}
