import Foundation
import QingshanCore
import QingshanModel
import QingshanMonitoring

/// /data/air.json, water.json, noise.json and the matching CSV files (docs/RULES.md, Open
/// data files).
public enum MonitoringOpenData {
    public static func files(_ data: MonitoringData, asOf d: Day) -> [OutputFile] {
        var files: [OutputFile] = []
        if !data.air.isEmpty { files += air(AirReport(data.air, asOf: d)) }
        if !data.water.isEmpty { files += water(WaterReport(data.water, asOf: d)) }
        if !data.noise.isEmpty { files += noise(NoiseReport(data.noise, asOf: d)) }
        return files
    }

    static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
    static func cell(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func air(_ report: AirReport) -> [OutputFile] {
        let days: [JSONValue] = report.days.map { entry in
            let r = entry.result
            let s = entry.record.sample
            return .object([
                ("date", .string(entry.record.date.iso)),
                ("station", .string(entry.record.station)),
                ("aqi", r.aqi.map(JSONValue.int) ?? .null),
                ("level", r.level.map { .int($0.rawValue) } ?? .null),
                ("category", r.level.map { .string($0.category) } ?? .null),
                ("primary", .array(r.primary.map { .string($0.rawValue) })),
                ("standard", .string(r.standard.rawValue)),
                (
                    "iaqi",
                    .object(Pollutant.allCases.compactMap { p in r.iaqi[p].map { (p.rawValue, JSONValue.int($0)) } })
                ),
                ("so2", number(s.so2)), ("no2", number(s.no2)), ("pm10", number(s.pm10)), ("co", number(s.co)),
                ("o3_8h", number(s.o3_8h)), ("pm25", number(s.pm25)), ("o3_1h", number(s.o3_1h)),
            ])
        }
        func period(_ p: AirPeriod, _ key: String) -> JSONValue {
            .object([
                (key, .string(p.label)), ("station", .string(p.station)), ("days", .int(p.days)),
                ("good_days", .int(p.goodDays)), ("good_ratio", .optional(p.goodRatio)),
                ("pm25_mean", .optional(p.pm25Mean)),
            ])
        }
        let json = JSONValue.object([
            ("days", .array(days)),
            ("months", .array(report.months.map { period($0.period, "month") })),
            ("year_to_date", .array(report.yearToDate.map { period($0, "year") })),
        ])
        let csv = CSVTable.render(
            header: [
                "日期", "站点", "AQI", "级别", "类别", "首要污染物", "标准", "SO2", "NO2", "PM10", "CO", "O3_8h", "PM2.5", "O3_1h",
            ],
            rows: report.days.map { entry in
                let r = entry.result
                let s = entry.record.sample
                return [
                    entry.record.date.iso, entry.record.station, r.aqi.map(String.init) ?? "NA",
                    r.level.map { String($0.rawValue) } ?? "", r.level?.category ?? "",
                    r.primary.map(\.rawValue).joined(separator: "、"), r.standard.rawValue, cell(s.so2), cell(s.no2),
                    cell(s.pm10), cell(s.co), cell(s.o3_8h), cell(s.pm25), cell(s.o3_1h),
                ]
            })
        return [
            OutputFile(path: "data/air.json", data: Data(json.bytes(pretty: true)), origin: "content/data/air.csv"),
            OutputFile(path: "data/air.csv", data: csv, origin: "content/data/air.csv"),
        ]
    }

    static func water(_ report: WaterReport) -> [OutputFile] {
        let json = JSONValue.object([
            (
                "records",
                .array(
                    report.records.map { item in
                        let r = item.record
                        return .object(
                            [
                                ("month", .string(r.month.iso)),
                                ("section", .string(r.section)),
                                ("river", .string(r.river)),
                                ("class", item.waterClass.map { .int($0.rawValue) } ?? .null),
                                ("class_label", item.waterClass.map { .string($0.label) } ?? .null),
                                ("target", r.target.map { .int($0.rawValue) } ?? .null),
                                ("meets_target", item.meetsTarget.map(JSONValue.bool) ?? .null),
                                ("main_pollutants", .array(item.mainPollutants.map { .string($0.name) })),
                                ("main_pollutant_codes", .array(item.mainPollutants.map { .string($0.rawValue) })),
                            ] + WaterParameter.allCases.map { ($0.rawValue, number(r.sample.values[$0])) })
                    })
            )
        ])
        let csv = CSVTable.render(
            header: ["月份", "断面", "河流", "水质类别", "目标类别", "是否达标", "主要污染指标"] + WaterParameter.allCases.map(\.name),
            rows: report.records.map { item in
                let r = item.record
                return [
                    r.month.iso, r.section, r.river, item.waterClass?.label ?? "", r.target?.label ?? "",
                    item.meetsTarget.map { $0 ? "是" : "否" } ?? "",
                    item.mainPollutants.map(\.name).joined(separator: "、"),
                ] + WaterParameter.allCases.map { cell(r.sample.values[$0]) }
            })
        return [
            OutputFile(path: "data/water.json", data: Data(json.bytes(pretty: true)), origin: "content/data/water.csv"),
            OutputFile(path: "data/water.csv", data: csv, origin: "content/data/water.csv"),
        ]
    }

    static func noise(_ report: NoiseReport) -> [OutputFile] {
        let json = JSONValue.object([
            (
                "records",
                .array(
                    report.records.map { r in
                        .object([
                            ("date", .string(r.date.iso)),
                            ("site", .string(r.site)),
                            ("zone", .string(r.zone.rawValue)),
                            ("day", number(r.day)),
                            ("night", number(r.night)),
                            ("day_limit", .double(r.zone.limits.day)),
                            ("night_limit", .double(r.zone.limits.night)),
                            ("day_ok", r.day.map { .bool(r.zone.meets(day: $0)) } ?? .null),
                            ("night_ok", r.night.map { .bool(r.zone.meets(night: $0)) } ?? .null),
                        ])
                    })
            )
        ])
        let csv = CSVTable.render(
            header: ["日期", "点位", "功能区", "昼间", "夜间", "昼间限值", "夜间限值", "昼间达标", "夜间达标"],
            rows: report.records.map { r in
                [
                    r.date.iso, r.site, r.zone.rawValue, cell(r.day), cell(r.night), cell(r.zone.limits.day),
                    cell(r.zone.limits.night), r.day.map { r.zone.meets(day: $0) ? "是" : "否" } ?? "",
                    r.night.map { r.zone.meets(night: $0) ? "是" : "否" } ?? "",
                ]
            })
        return [
            OutputFile(path: "data/noise.json", data: Data(json.bytes(pretty: true)), origin: "content/data/noise.csv"),
            OutputFile(path: "data/noise.csv", data: csv, origin: "content/data/noise.csv"),
        ]
    }
}
