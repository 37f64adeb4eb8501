import Foundation
import QingshanCore
import QingshanMonitoring

/// Reads content/data/air.csv, water.csv and noise.csv (contract §3.5): English or Chinese
/// headers, empty cell = not measured; a malformed row, a non-number or a physically
/// impossible value is an error naming the file, line and column.
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
            diagnostics.error(SourceLocation(file: file), "CSV 文件不是 UTF-8 编码", hint: "在 Excel 中另存为“CSV UTF-8”")
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

        /// A measured value; empty is nil; anything else must be a number in `range`.
        func number(
            _ row: CSVTableReader.Row, _ name: String, range: ClosedRange<Double>, what: String,
            diagnostics: Diagnostics
        ) -> (ok: Bool, value: Double?) {
            guard let (text, column) = cell(row, name) else { return (true, nil) }
            let location = SourceLocation(file: file, line: row.line, column: column)
            guard let value = Double(text), value.isFinite else {
                diagnostics.error(location, "\(what)“\(text)”不是数字", hint: "未监测请留空")
                return (false, nil)
            }
            guard range.contains(value) else {
                diagnostics.error(
                    location,
                    "\(what) \(text) 超出物理可能的范围（\(Columns.format(range.lowerBound))–\(Columns.format(range.upperBound))）"
                )
                return (false, nil)
            }
            return (true, value)
        }

        static func format(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
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
            guard columns.wellFormed(row, diagnostics: diagnostics),
                let date = day(columns, row, "date", diagnostics),
                let station = text(columns, row, "station", diagnostics)
            else { return nil }
            let key = "\(date.iso)|\(station)"
            if let earlier = seen[key] {
                diagnostics.error(
                    SourceLocation(file: file, line: row.line), "\(station) \(date.iso) 的数据重复，已在第 \(earlier) 行出现")
                return nil
            }
            seen[key] = row.line
            var ok = true
            func value(_ name: String, _ what: String, max: Double = 10000) -> Double? {
                let result = columns.number(row, name, range: 0...max, what: what, diagnostics: diagnostics)
                ok = ok && result.ok
                return result.value
            }
            let sample = AirSample(
                so2: value("so2", "SO2"), no2: value("no2", "NO2"), pm10: value("pm10", "PM10"),
                co: value("co", "CO", max: 1000), o3_8h: value("o3_8h", "O3_8h"), pm25: value("pm25", "PM2.5"),
                o3_1h: value("o3_1h", "O3_1h"))
            return ok ? AirRecord(date: date, station: station, sample: sample, line: row.line) : nil
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
            guard columns.wellFormed(row, diagnostics: diagnostics),
                let section = text(columns, row, "section", diagnostics)
            else { return nil }
            guard let (raw, column) = columns.cell(row, "month") else {
                diagnostics.error(SourceLocation(file: file, line: row.line), "缺少月份")
                return nil
            }
            guard let month = Month(iso: raw) ?? Day(iso: raw).map(Month.init) else {
                diagnostics.error(
                    SourceLocation(file: file, line: row.line, column: column), "月份“\(raw)”无效，应写作 YYYY-MM")
                return nil
            }
            let key = "\(month.iso)|\(section)"
            if let earlier = seen[key] {
                diagnostics.error(
                    SourceLocation(file: file, line: row.line), "\(section) \(month.iso) 的数据重复，已在第 \(earlier) 行出现")
                return nil
            }
            seen[key] = row.line
            var target: WaterClass? = nil
            var ok = true
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
                let range: ClosedRange<Double> = parameter == .ph ? 0...14 : 0...100000
                let result = columns.number(
                    row, parameter.rawValue, range: range, what: parameter.name, diagnostics: diagnostics)
                ok = ok && result.ok
                if let value = result.value { values[parameter] = value }
            }
            guard ok else { return nil }
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
            guard columns.wellFormed(row, diagnostics: diagnostics),
                let date = day(columns, row, "date", diagnostics), let site = text(columns, row, "site", diagnostics)
            else { return nil }
            guard let (raw, column) = columns.cell(row, "zone") else {
                diagnostics.error(SourceLocation(file: file, line: row.line), "缺少声环境功能区 zone")
                return nil
            }
            guard let zone = NoiseZone(text: raw) else {
                diagnostics.error(
                    SourceLocation(file: file, line: row.line, column: column), "声环境功能区“\(raw)”无效",
                    hint: "可用：0、1、2、3、4a、4b（GB 3096-2008）")
                return nil
            }
            let dayValue = columns.number(row, "day", range: 0...150, what: "昼间等效声级", diagnostics: diagnostics)
            let nightValue = columns.number(row, "night", range: 0...150, what: "夜间等效声级", diagnostics: diagnostics)
            guard dayValue.ok, nightValue.ok else { return nil }
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
