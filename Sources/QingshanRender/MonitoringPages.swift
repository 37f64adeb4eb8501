import Foundation
import QingshanCore
import QingshanModel
import QingshanMonitoring

/// Stage 4 for environmental quality: /data/air/, /data/water/, /data/noise/ with charts
/// drawn at build time, and their open data (docs/RULES.md, Open data files).
public struct MonitoringPages: Sendable {
    let chrome: PageChrome
    let air: AirReport
    let water: WaterReport
    let noise: NoiseReport
    /// Science articles, for the "延伸阅读" links.
    let science: [Article]

    public init(chrome: PageChrome, data: MonitoringData, science: [Article]) {
        self.chrome = chrome
        air = AirReport(data.air, asOf: chrome.asOf)
        water = WaterReport(data.water, asOf: chrome.asOf)
        noise = NoiseReport(data.noise, asOf: chrome.asOf)
        self.science = science
    }

    var links: LinkBuilder { chrome.links }

    public func renderAll() -> [OutputFile] {
        var files: [OutputFile] = []
        if !air.days.isEmpty { files.append(airPage()) }
        if !water.records.isEmpty { files.append(waterPage()) }
        if !noise.records.isEmpty { files.append(noisePage()) }
        return files
    }

    /// The data pages a site gets from its monitoring files as of the as-of day.
    public static func columns(_ data: MonitoringData, asOf d: Day) -> [(title: String, path: SitePath)] {
        columns(
            air: data.air.contains { $0.date <= d }, water: data.water.contains { $0.month <= Month(d) },
            noise: data.noise.contains { $0.date <= d })
    }

    static func columns(air: Bool, water: Bool, noise: Bool) -> [(title: String, path: SitePath)] {
        var out: [(String, SitePath)] = []
        if air { out.append(("空气质量", Route.data("air"))) }
        if water { out.append(("水环境", Route.data("water"))) }
        if noise { out.append(("声环境", Route.data("noise"))) }
        return out
    }

    var columns: [(title: String, path: SitePath)] {
        Self.columns(air: !air.days.isEmpty, water: !water.records.isEmpty, noise: !noise.records.isEmpty)
    }

    func related(_ keywords: [String]) -> [LinkView] {
        science.filter { article in keywords.contains { article.title.contains($0) } }
            .map { LinkView(title: $0.title, href: links.link($0.path)) }
    }

    func page(_ path: SitePath, title: String, description: String, view: DataPageView) -> OutputFile {
        var view = view
        view.siblings = columns.map { LinkView(title: $0.title, href: links.link($0.path), current: $0.path == path) }
        let meta = chrome.meta(
            title: title, path: path, column: .monitoring, columnDescription: "环境空气、地表水和声环境监测数据", columnType: "数据页",
            description: description,
            breadcrumb: [LinkView(title: Column.monitoring.title, href: nil), LinkView(title: title, href: nil)])
        return chrome.page(
            path, template: .data, meta: meta, content: .data(view), column: .monitoring, origin: "content/data")
    }

    func downloads(_ name: String) -> [LinkView] {
        [
            LinkView(title: "\(name).json", href: links.link(SitePath("/data/\(name).json"))),
            LinkView(title: "\(name).csv", href: links.link(SitePath("/data/\(name).csv"))),
        ]
    }

    // MARK: - Air

    /// Weekday of a day, Monday 0 (1970-01-01 was a Thursday).
    static func weekday(_ day: Day) -> Int { ((day.ordinal % 7) + 10) % 7 }

    func airPage() -> OutputFile {
        let latest = air.days.last
        var figures: [FigureView] = []
        if let latest {
            let r = latest.result
            figures.append(
                FigureView(
                    "最新日报 AQI（\(latest.record.date.chinese)）", r.aqi.map(String.init) ?? "NA",
                    note: (r.level.map { "\($0.levelName) \($0.category)" } ?? "数据不全")
                        + (r.primary.isEmpty ? "" : "，首要污染物 " + r.primary.map(\.rawValue).joined(separator: "、"))))
        }
        for period in air.yearToDate {
            figures.append(
                FigureView(
                    "\(period.label)年优良天数（\(period.station)）", "\(period.goodDays)天",
                    note: "优良率 \(percent(period.goodRatio))，有效天数 \(period.days)"))
            figures.append(FigureView("PM2.5 年均浓度", period.pm25Mean.map { String(format: "%.0f μg/m³", $0) } ?? "—"))
        }
        // Calendars for the main (first) station.
        let station = air.stations.first ?? ""
        let byMonth = Dictionary(grouping: air.days.filter { $0.record.station == station }) { Month($0.record.date) }
        let calendars = byMonth.keys.sorted().map { month in
            DataPanels.calendar(month, byMonth[month] ?? [], station: station, title: month.chinese)
        }
        let stationMonths = air.months.filter { $0.period.station == station }
        let ratioBars = stationMonths.map {
            SVGChart.Bar(
                label: "\($0.month.month)月", value: ($0.period.goodRatio ?? 0) * 100, text: percent($0.period.goodRatio)
            )
        }
        let pm25Points = stationMonths.compactMap { entry in
            entry.period.pm25Mean.map {
                SVGChart.Bar(label: "\(entry.month.month)月", value: $0, text: String(format: "%.0f", $0))
            }
        }
        let charts = [
            ChartView(
                title: "各月优良天数比例",
                svg: SVGChart.bars(
                    id: "chart-good", title: "各月优良天数比例",
                    description: stationMonths.map { "\($0.month.chinese)\(percent($0.period.goodRatio))" }.joined(
                        separator: "，"),
                    bars: ratioBars, color: "#1b7f3b")),
            ChartView(
                title: "PM2.5 月均浓度（μg/m³）",
                svg: SVGChart.line(
                    id: "chart-pm25", title: "PM2.5 月均浓度",
                    description: pm25Points.map { "\($0.label)\($0.text)" }.joined(separator: "，"),
                    points: pm25Points, unit: "μg/m³")),
        ]
        let monthTable = TableView(
            caption: "各月空气质量统计", head: ["月份", "站点", "有效天数", "优良天数", "优良率", "PM2.5 均值（μg/m³）", "轻度及以上污染天数"],
            rows: air.months.map { entry in
                let p = entry.period
                let polluted = [AQILevel.three, .four, .five, .six].reduce(0) { $0 + (p.levelCounts[$1] ?? 0) }
                return [
                    .init(entry.month.chinese, className: "nowrap"), .init(p.station),
                    .init(String(p.days), className: "num"),
                    .init(String(p.goodDays), className: "num"), .init(percent(p.goodRatio), className: "num"),
                    .init(p.pm25Mean.map { String(format: "%.1f", $0) } ?? "—", className: "num"),
                    .init(String(polluted), className: "num"),
                ]
            })
        let recent = air.days.suffix(14).reversed().map { entry -> [TableView.Cell] in
            let r = entry.result
            let s = entry.record.sample
            func v(_ x: Double?, _ format: String = "%.0f") -> String { x.map { String(format: format, $0) } ?? "—" }
            return [
                .init(entry.record.date.iso, className: "nowrap"), .init(entry.record.station),
                .init(r.aqi.map(String.init) ?? "NA", className: "aqi aqi-\(r.level?.rawValue ?? 0)"),
                .init(r.level?.category ?? "—"),
                .init(r.primary.isEmpty ? "—" : r.primary.map(\.rawValue).joined(separator: "、")),
                .init(v(s.pm25), className: "num"), .init(v(s.pm10), className: "num"),
                .init(v(s.o3_8h), className: "num"),
                .init(v(s.no2), className: "num"), .init(v(s.so2), className: "num"),
                .init(v(s.co, "%.1f"), className: "num"),
            ]
        }
        let recentTable = TableView(
            caption: "近 14 日空气质量日报（浓度 μg/m³，CO 为 mg/m³）",
            head: ["日期", "站点", "AQI", "类别", "首要污染物", "PM2.5", "PM10", "O3-8h", "NO2", "SO2", "CO"], rows: Array(recent))
        let view = DataPageView(
            title: "空气质量", asOf: chrome.asOf,
            intro: [
                "空气质量指数（AQI）按《环境空气质量指数（AQI）技术规定》计算：2026年3月1日前的数据执行 HJ 633—2012，此后执行 HJ 633—2026（PM2.5、PM10 的 IAQI 100 浓度限值由 75、150 μg/m³ 调整为 60、120 μg/m³）。",
                "AQI 0–50 为优、51–100 为良，AQI 不超过 100 的日子计为优良天。AQI 大于 50 时列出首要污染物；缺少某项污染物且 AQI 不超过 100 时，当日 AQI 记为 NA。",
            ],
            figures: figures,
            legend: AQILevel.allCases.map { .init(label: "\($0.category)（\($0.levelName)）", color: $0.color) }
                + [.init(label: "无数据（—）", color: "#e5e7eb")],
            charts: charts, calendars: calendars, tables: [monthTable, recentTable],
            related: related(["空气", "AQI"]), downloads: downloads("air"))
        return page(
            Route.data("air"), title: "空气质量",
            description: "\(chrome.config.title)环境空气质量日报、月报与优良天数统计（截至\(chrome.asOf.chinese)）。", view: view)
    }

    // MARK: - Water

    func waterPage() -> OutputFile {
        let months = water.months
        let byKey = Dictionary(
            water.records.map { ("\($0.record.section)|\($0.record.month.iso)", $0) }, uniquingKeysWith: { a, _ in a })
        let grid = TableView(
            caption: "各断面逐月水质类别（粗框为未达到目标类别）",
            head: ["断面", "河流", "目标"] + months.map { "\($0.month)月" },
            rows: water.sections.map { section in
                let any = water.records.first { $0.record.section == section }
                return [
                    .init(section, className: "nowrap"), .init(any?.record.river ?? ""),
                    .init(any?.record.target?.numeral ?? "—"),
                ]
                    + months.map { month in
                        guard let item = byKey["\(section)|\(month.iso)"], let c = item.waterClass else {
                            return .init("—")
                        }
                        return .init(
                            c.numeral, className: "wq wq-\(c.rawValue)" + (item.meetsTarget == false ? " miss" : ""))
                    }
            })
        let latestMonth = months.last
        let latest = water.records.filter { $0.record.month == latestMonth }
        var figures: [FigureView] = []
        if let latestMonth {
            let meeting = latest.filter { $0.meetsTarget == true }.count
            figures.append(FigureView("\(latestMonth.chinese)达标断面", "\(meeting) / \(latest.count)"))
            for item in latest {
                figures.append(
                    FigureView(
                        item.record.section, item.waterClass?.label ?? "—",
                        note: item.waterClass.map { "水质\($0.quality)" + (item.meetsTarget == false ? "，未达目标" : "") }))
            }
        }
        let detail = TableView(
            caption: "断面监测结果（mg/L，pH 无量纲）",
            head: ["月份", "断面", "类别", "目标", "达标", "主要污染指标"] + WaterParameter.allCases.map(\.name),
            rows: water.records.reversed().map { item in
                let r = item.record
                return [
                    .init(r.month.iso, className: "nowrap"), .init(r.section, className: "nowrap"),
                    .init(item.waterClass?.label ?? "—"), .init(r.target?.label ?? "—"),
                    .init(
                        item.meetsTarget.map { $0 ? "是" : "否" } ?? "—",
                        className: item.meetsTarget == false ? "bad" : nil),
                    .init(item.mainPollutants.isEmpty ? "—" : item.mainPollutants.map(\.name).joined(separator: "、")),
                ]
                    + WaterParameter.allCases.map { p in
                        .init(
                            r.sample.values[p].map {
                                String(format: p == .phosphorus || p == .ammonia ? "%.2f" : "%.1f", $0)
                            } ?? "—", className: "num")
                    }
            })
        let view = DataPageView(
            title: "水环境", asOf: chrome.asOf,
            intro: [
                "地表水水质按《地表水环境质量标准》（GB 3838—2002）单因子评价：断面水质类别取参评指标中最差的一项。Ⅰ、Ⅱ类水质为优，Ⅲ类为良好，Ⅳ类为轻度污染，Ⅴ类为中度污染，劣Ⅴ类为重度污染。",
                "断面劣于Ⅲ类时列出主要污染指标（按类别和超标倍数取最差的三项）。",
            ],
            figures: figures,
            legend: Self.waterLegend,
            charts: [], calendars: [], tables: [grid, detail], related: related(["水"]), downloads: downloads("water"))
        return page(
            Route.data("water"), title: "水环境",
            description: "\(chrome.config.title)重点断面地表水水质类别与达标情况（截至\(chrome.asOf.chinese)）。", view: view)
    }

    static let waterLegend: [DataPageView.LegendItem] = [WaterClass.one, .three, .four, .five, .worseThanFive].map {
        c in
        DataPageView.LegendItem(label: c == .one ? "Ⅰ–Ⅱ类（优）" : "\(c.label)（\(c.quality)）", color: c.color)
    }

    // MARK: - Noise

    func noisePage() -> OutputFile {
        func level(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }
        let table = TableView(
            caption: "声环境监测结果（LAeq，dB(A)）", head: ["日期", "点位", "功能区", "昼间", "昼间限值", "夜间", "夜间限值", "达标情况"],
            rows: noise.records.reversed().map { r in
                let dayOK = r.day.map(r.zone.meets(day:))
                let nightOK = r.night.map(r.zone.meets(night:))
                let verdict =
                    (dayOK == false || nightOK == false)
                    ? [dayOK == false ? "昼间超标" : nil, nightOK == false ? "夜间超标" : nil].compactMap { $0 }.joined(
                        separator: "、")
                    : (dayOK == nil && nightOK == nil ? "—" : "达标")
                return [
                    .init(r.date.iso, className: "nowrap"), .init(r.site), .init(r.zone.label),
                    .init(level(r.day), className: "num"),
                    .init(level(r.zone.limits.day), className: "num"), .init(level(r.night), className: "num"),
                    .init(level(r.zone.limits.night), className: "num"),
                    .init(verdict, className: verdict == "达标" || verdict == "—" ? nil : "bad"),
                ]
            })
        let latestDate = noise.records.last?.date
        let latest = noise.records.filter { $0.date == latestDate }
        /// A period's bar: its level and limit, red and marked 超标 above the limit (GB 3096).
        func bar(_ label: String, _ value: Double?, limit: Double, ok: Bool) -> SVGChart.Bar {
            SVGChart.Bar(
                label: label, value: value ?? 0, text: "\(level(value))\(ok ? "" : " 超标")（限值 \(level(limit))）",
                color: ok ? nil : "#b3261e")
        }
        let bars = latest.flatMap { r in
            [
                bar("\(r.site) 昼", r.day, limit: r.zone.limits.day, ok: r.day.map { r.zone.meets(day: $0) } ?? true),
                bar(
                    "\(r.site) 夜", r.night, limit: r.zone.limits.night,
                    ok: r.night.map { r.zone.meets(night: $0) } ?? true),
            ]
        }
        let exceed = noise.records.filter { r in
            r.day.map { !r.zone.meets(day: $0) } == true || r.night.map { !r.zone.meets(night: $0) } == true
        }
        let view = DataPageView(
            title: "声环境", asOf: chrome.asOf,
            intro: [
                "声环境质量按《声环境质量标准》（GB 3096—2008）评价：0类区昼间 50、夜间 40 dB(A)；1类区 55、45；2类区 60、50；3类区 65、55；4a类区 70、55；4b类区 70、60。昼间为 6:00–22:00，夜间为 22:00 至次日 6:00。"
            ],
            figures: [
                FigureView("监测点次", "\(noise.records.count)"),
                FigureView("超标点次", "\(exceed.count)", note: exceed.isEmpty ? "全部达标" : nil),
            ],
            legend: [],
            charts: latest.isEmpty
                ? []
                : [
                    ChartView(
                        title: "\(latestDate?.chinese ?? "")各点位昼夜等效声级",
                        svg: SVGChart.bars(
                            id: "chart-noise", title: "各点位昼夜等效声级",
                            description: bars.map { "\($0.label) \($0.text)" }.joined(separator: "；"), bars: bars,
                            color: "#4a5563"))
                ],
            calendars: [], tables: [table], related: related(["噪声", "声"]), downloads: downloads("noise"))
        return page(
            Route.data("noise"), title: "声环境",
            description: "\(chrome.config.title)声环境功能区监测结果（截至\(chrome.asOf.chinese)）。", view: view)
    }

    // MARK: - Home

    /// Latest air and water figures for the home page.
    public var homeFigures: [FigureView] {
        var out: [FigureView] = []
        if let latest = air.days.last {
            out.append(
                FigureView(
                    "空气质量（\(latest.record.date.month)月\(latest.record.date.day)日）",
                    latest.result.aqi.map { "AQI \($0)" } ?? "AQI NA", note: latest.result.level?.category))
        }
        if let year = air.yearToDate.first {
            out.append(FigureView("\(year.label)年优良率", percent(year.goodRatio), note: "优良 \(year.goodDays) 天"))
        }
        if let month = water.months.last {
            let latest = water.records.filter { $0.record.month == month }
            out.append(
                FigureView(
                    "\(month.month)月断面达标", "\(latest.filter { $0.meetsTarget == true }.count) / \(latest.count)",
                    note: "地表水"))
        }
        return out
    }
}
