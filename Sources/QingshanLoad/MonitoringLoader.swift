import Foundation
import QingshanCore
import QingshanMonitoring

/// Reads content/data/air.csv, water.csv and noise.csv (docs/RULES.md, Monitoring data
/// checks): English or Chinese headers, empty cell = not measured; a malformed row, a cell
/// that is not a plain decimal (`DecimalNumber`) or a physically impossible value is an error
/// naming the file, line and column, and every bad cell of a row is reported; a value outside
/// its plausible range (`MonitoringBounds.table`) is a warning.
public struct MonitoringLoader: Sendable {
    public let siteRoot: String

    public init(siteRoot: String) {
        self.siteRoot = siteRoot
    }

    public func load(diagnostics: Diagnostics) -> MonitoringData {
        MonitoringData(
            air: read("content/data/air.csv", diagnostics) { parseAir($0, file: $1, diagnostics: diagnostics) } ?? [],
            water: read("content/data/water.csv", diagnostics) { parseWater($0, file: $1, diagnostics: diagnostics) }
                ?? [],
            noise: read("content/data/noise.csv", diagnostics) { parseNoise($0, file: $1, diagnostics: diagnostics) }
                ?? [])
    }

    func read<T>(_ file: String, _ diagnostics: Diagnostics, _ parse: (CSVTableReader, String) -> [T]) -> [T]? {
        guard let data = FileManager.default.contents(atPath: siteRoot + "/" + file) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error(
                .firstInvalidUTF8(in: data, file: file), "CSV 文件不是 UTF-8 编码", hint: "在 Excel 中另存为“CSV UTF-8”")
            return nil
        }
        guard let table = CSVTableReader(text, file: file, diagnostics: diagnostics) else { return nil }
        return parse(table, file)
    }

    /// Column positions by canonical name, from English or Chinese headers.
    struct Columns {
        let index: [String: Int]
        let file: String
        let table: CSVTableReader

        init?(
            _ table: CSVTableReader, file: String, aliases: [String: String], required: [String],
            diagnostics: Diagnostics
        ) {
            self.table = table
            self.file = file
            var index: [String: Int] = [:]
            for (i, raw) in table.header.enumerated() {
                let key = Columns.normalize(raw)
                guard let name = aliases[key] else {
                    if !raw.isEmpty {
                        diagnostics.warning(
                            SourceLocation(file: file, line: 1, column: i + 1), "未知的列“\(raw)”，已忽略",
                            hint: "可用的列：" + Set(aliases.values).sorted().joined(separator: ", "))
                    }
                    continue
                }
                index[name] = i
            }
            let missing = required.filter { index[$0] == nil }
            if !missing.isEmpty {
                diagnostics.error(SourceLocation(file: file, line: 1), "表头缺少列：" + missing.joined(separator: ", "))
                return nil
            }
            self.index = index
        }

        static func normalize(_ header: String) -> String {
            header.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ".", with: "")
                .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: "₂", with: "2")
                .replacingOccurrences(of: "₃", with: "3").replacingOccurrences(of: "（", with: "(")
                .replacingOccurrences(of: "）", with: ")")
        }

        func cell(_ row: CSVTableReader.Row, _ name: String) -> (text: String, column: Int)? {
            guard let i = index[name], i < row.cells.count else { return nil }
            let text = row.cells[i]
            return text.isEmpty ? nil : (text, i + 1)
        }

        /// A measured value; empty is nil; anything else must be a plain decimal
        /// (`DecimalNumber.parse`) inside the column's physical range (else an error, `ok` false)
        /// and is warned about outside its plausible range (`MonitoringBounds.table`).
        func number(_ row: CSVTableReader.Row, _ name: String, diagnostics: Diagnostics) -> (ok: Bool, value: Double?) {
            guard let (text, column) = cell(row, name) else { return (true, nil) }
            let location = SourceLocation(file: file, line: row.line, column: column)
            guard let bounds = MonitoringBounds.table[name] else { return (true, nil) }
            guard let value = DecimalNumber.parse(text) else {
                diagnostics.error(
                    location, "\(bounds.name)“\(text)”不是数字",
                    hint: "写普通小数，如 12 或 0.85（不用科学计数法、十六进制、千分位逗号、nan 或 inf）；未监测请留空")
                return (false, nil)
            }
            let unit = bounds.unit.isEmpty ? "" : " " + bounds.unit
            switch bounds.assess(value) {
            case .plausible:
                break
            case .impossible:
                diagnostics.error(
                    location,
                    "\(bounds.name) \(text) 超出物理可能的范围（\(range(bounds.physical))\(unit)）")
                return (false, nil)
            case .implausible:
                diagnostics.warning(
                    location, "\(bounds.name) \(text)\(unit) 超出可信范围（\(range(bounds.plausible))\(unit)），仍按此值发布",
                    hint: bounds.reason)
            }
            return (true, value)
        }

        func range(_ range: ClosedRange<Double>) -> String {
            MonitoringBounds.format(range.lowerBound) + "–" + MonitoringBounds.format(range.upperBound)
        }

        /// Rows must have exactly as many cells as the header.
        func wellFormed(_ row: CSVTableReader.Row, diagnostics: Diagnostics) -> Bool {
            guard row.cells.count == table.header.count else {
                diagnostics.error(
                    SourceLocation(file: file, line: row.line),
                    "这一行有 \(row.cells.count) 个单元格，表头有 \(table.header.count) 列", hint: "检查多余或缺少的逗号")
                return false
            }
            return true
        }
    }

    static let airAliases: [String: String] = [
        "date": "date", "日期": "date", "station": "station", "站点": "station", "so2": "so2", "二氧化硫": "so2",
        "no2": "no2", "二氧化氮": "no2", "pm10": "pm10", "可吸入颗粒物": "pm10", "co": "co", "一氧化碳": "co",
        "o3_8h": "o3_8h", "o38h": "o3_8h", "臭氧8小时": "o3_8h", "o3_1h": "o3_1h", "o31h": "o3_1h", "臭氧1小时": "o3_1h",
        "pm25": "pm25", "细颗粒物": "pm25",
    ]

    func parseAir(_ table: CSVTableReader, file: String, diagnostics: Diagnostics) -> [AirRecord] {
        guard
            let columns = Columns(
                table, file: file, aliases: Self.airAliases,
                required: ["date", "station", "so2", "no2", "pm10", "co", "o3_8h", "pm25"], diagnostics: diagnostics)
        else { return [] }
        var seen: [String: Int] = [:]
        return table.rows.compactMap { row in
            guard columns.wellFormed(row, diagnostics: diagnostics) else { return nil }
            // Every cell is checked, so a row with several problems reports them all.
            let date = day(columns, row, "date", diagnostics)
            let station = text(columns, row, "station", diagnostics)
            var ok = date != nil && station != nil
            if let date, let station {
                let key = "\(date.iso)|\(station)"
                if let earlier = seen[key] {
                    diagnostics.error(
                        SourceLocation(file: file, line: row.line), "\(station) \(date.iso) 的数据重复，已在第 \(earlier) 行出现")
                    ok = false
                } else {
                    seen[key] = row.line
                }
            }
            func value(_ name: String) -> Double? {
                let result = columns.number(row, name, diagnostics: diagnostics)
                ok = ok && result.ok
                return result.value
            }
            let sample = AirSample(
                so2: value("so2"), no2: value("no2"), pm10: value("pm10"), co: value("co"), o3_8h: value("o3_8h"),
                pm25: value("pm25"), o3_1h: value("o3_1h"))
            guard ok, let date, let station else { return nil }
            airNotes(sample, date: date, row: row, columns: columns, diagnostics: diagnostics)
            return AirRecord(date: date, station: station, sample: sample, line: row.line)
        }
    }

    /// Warnings about a day's air values taken together: O3 1-h below O3 8-h, and an O3
    /// sub-index the standard leaves uncomputed (HJ 633-2012 表1 注3), which makes the AQI NA.
    func airNotes(
        _ sample: AirSample, date: Day, row: CSVTableReader.Row, columns: Columns, diagnostics: Diagnostics
    ) {
        func location(_ name: String) -> SourceLocation {
            SourceLocation(file: columns.file, line: row.line, column: columns.cell(row, name)?.column)
        }
        if MonitoringBounds.o3OneHourBelowEightHour(sample) {
            diagnostics.warning(
                location("o3_1h"), "O3_1h 低于同一天的 O3_8h：日最大 1 小时浓度不可能低于日最大 8 小时滑动平均",
                hint: "核对两列是否填反")
        }
        let result = AQI.daily(sample, on: date)
        if result.undetermined.contains(.o3) {
            diagnostics.warning(
                location("o3_8h"),
                "O3_8h 高于 800 µg/m³ 且没有 O3_1h：按 \(result.standard.rawValue) 表1 注3 不计算 O3 8 小时分指数，"
                    + "O3 分指数应按 1 小时平均浓度计算；当天 AQI 记为 NA",
                hint: "填写 o3_1h 列（日最大 1 小时平均），或核对 O3_8h 的数值和单位")
        }
    }

    static let waterAliases: [String: String] = [
        "month": "month", "月份": "month", "section": "section", "断面": "section", "river": "river", "河流": "river",
        "target": "target", "目标类别": "target", "目标": "target", "ph": "ph", "do": "do", "溶解氧": "do",
        "codmn": "codmn", "高锰酸盐指数": "codmn", "cod": "cod", "化学需氧量": "cod", "bod5": "bod5",
        "五日生化需氧量": "bod5", "nh3n": "nh3n", "nh3_n": "nh3n", "氨氮": "nh3n", "tp": "tp", "总磷": "tp",
    ]

    func parseWater(_ table: CSVTableReader, file: String, diagnostics: Diagnostics) -> [WaterRecord] {
        guard
            let columns = Columns(
                table, file: file, aliases: Self.waterAliases, required: ["month", "section"], diagnostics: diagnostics)
        else { return [] }
        var seen: [String: Int] = [:]
        return table.rows.compactMap { row in
            guard columns.wellFormed(row, diagnostics: diagnostics) else { return nil }
            // Every cell is checked, so a row with several problems reports them all.
            let section = text(columns, row, "section", diagnostics)
            var month: Month? = nil
            if let (raw, column) = columns.cell(row, "month") {
                month = Month(iso: raw) ?? Day(iso: raw).map(Month.init)
                if month == nil {
                    diagnostics.error(
                        SourceLocation(file: file, line: row.line, column: column), "月份“\(raw)”无效，应写作 YYYY-MM")
                }
            } else {
                diagnostics.error(SourceLocation(file: file, line: row.line), "缺少月份")
            }
            var ok = month != nil && section != nil
            if let month, let section {
                let key = "\(month.iso)|\(section)"
                if let earlier = seen[key] {
                    diagnostics.error(
                        SourceLocation(file: file, line: row.line), "\(section) \(month.iso) 的数据重复，已在第 \(earlier) 行出现")
                    ok = false
                } else {
                    seen[key] = row.line
                }
            }
            var target: WaterClass? = nil
            if let (raw, column) = columns.cell(row, "target") {
                target = WaterClass(target: raw)
                if target == nil {
                    diagnostics.error(
                        SourceLocation(file: file, line: row.line, column: column), "目标类别“\(raw)”无效",
                        hint: "写作 1–5 或 Ⅰ–Ⅴ")
                    ok = false
                }
            }
            var values: [WaterParameter: Double] = [:]
            for parameter in WaterParameter.allCases {
                let result = columns.number(row, parameter.rawValue, diagnostics: diagnostics)
                ok = ok && result.ok
                if let value = result.value { values[parameter] = value }
            }
            guard ok, let month, let section else { return nil }
            return WaterRecord(
                month: month, section: section, river: columns.cell(row, "river")?.text ?? "", target: target,
                sample: WaterSample(values), line: row.line)
        }
    }

    static let noiseAliases: [String: String] = [
        "date": "date", "日期": "date", "site": "site", "点位": "site", "zone": "zone", "功能区": "zone", "day": "day",
        "昼间": "day", "night": "night", "夜间": "night",
    ]

    func parseNoise(_ table: CSVTableReader, file: String, diagnostics: Diagnostics) -> [NoiseRecord] {
        guard
            let columns = Columns(
                table, file: file, aliases: Self.noiseAliases, required: ["date", "site", "zone", "day", "night"],
                diagnostics: diagnostics)
        else { return [] }
        return table.rows.compactMap { row in
            guard columns.wellFormed(row, diagnostics: diagnostics) else { return nil }
            // Every cell is checked, so a row with several problems reports them all.
            let date = day(columns, row, "date", diagnostics)
            let site = text(columns, row, "site", diagnostics)
            var zone: NoiseZone? = nil
            if let (raw, column) = columns.cell(row, "zone") {
                zone = NoiseZone(text: raw)
                if zone == nil {
                    diagnostics.error(
                        SourceLocation(file: file, line: row.line, column: column), "声环境功能区“\(raw)”无效",
                        hint: "可用：0、1、2、3、4a、4b（GB 3096-2008）")
                }
            } else {
                diagnostics.error(SourceLocation(file: file, line: row.line), "缺少声环境功能区 zone")
            }
            let dayValue = columns.number(row, "day", diagnostics: diagnostics)
            let nightValue = columns.number(row, "night", diagnostics: diagnostics)
            guard dayValue.ok, nightValue.ok, let date, let site, let zone else { return nil }
            return NoiseRecord(
                date: date, site: site, zone: zone, day: dayValue.value, night: nightValue.value, line: row.line)
        }
    }

    func day(_ columns: Columns, _ row: CSVTableReader.Row, _ name: String, _ diagnostics: Diagnostics) -> Day? {
        guard let (raw, column) = columns.cell(row, name) else {
            diagnostics.error(SourceLocation(file: columns.file, line: row.line), "缺少日期")
            return nil
        }
        guard let day = Day(iso: raw) else {
            diagnostics.error(
                SourceLocation(file: columns.file, line: row.line, column: column), "日期“\(raw)”无效，应写作 YYYY-MM-DD")
            return nil
        }
        return day
    }

    func text(_ columns: Columns, _ row: CSVTableReader.Row, _ name: String, _ diagnostics: Diagnostics) -> String? {
        guard let (value, _) = columns.cell(row, name) else {
            diagnostics.error(SourceLocation(file: columns.file, line: row.line), "缺少“\(name)”")
            return nil
        }
        return value
    }
}
