/// What a monitoring value says about itself before any assessment.
public enum Plausibility: Sendable, Equatable {
    /// Inside the plausible range.
    case plausible
    /// Possible but very unlikely as a measurement here: most likely a unit or typing error.
    /// Published as given, with a warning naming the cell.
    case implausible
    /// Not a measurement at all (a negative concentration, pH outside 0–14): an error, the
    /// row is not published (docs/RULES.md, Monitoring data checks: a value out of physical
    /// range is an error).
    case impossible
}

/// The ranges of one monitoring column.
public struct ValueBounds: Sendable {
    /// Name in messages (`CO`, `溶解氧`, `昼间等效声级`).
    public let name: String
    public let unit: String
    /// Outside: `.impossible`.
    public let physical: ClosedRange<Double>
    /// Outside (but physical): `.implausible`.
    public let plausible: ClosedRange<Double>
    /// Why the plausible range ends where it does, and what the likely mistake is; printed
    /// with the warning.
    public let reason: String

    public func assess(_ value: Double) -> Plausibility {
        if !physical.contains(value) { return .impossible }
        return plausible.contains(value) ? .plausible : .implausible
    }
}

/// Physical and plausible ranges of every number read from air.csv, water.csv and noise.csv,
/// in one table keyed by the canonical column name.
///
/// Air: the plausible maximum is the top breakpoint (IAQI 500) of the HJ 633-2012 表1 column of
/// that averaging period, identical in HJ 633-2026 表3 for these columns. Above it the standard
/// defines no sub-index (the IAQI is capped at 500; O3 8-h above 800 µg/m³ is not computed at
/// all, 表1 注3), so such a value is either an extreme event worth confirming or a unit error —
/// CO above 60 mg/m³ is almost always a µg/m³ figure in the mg/m³ column.
/// Water: above the concentration of untreated municipal sewage a river section is not
/// plausible (µg/L in a mg/L column, or a slipped decimal point); dissolved oxygen saturates at
/// about 14.6 mg/L at 0 ℃ and even supersaturated water rarely exceeds 20 mg/L (a % saturation
/// figure in the mg/L column); pH of surface water outside 4–11 (GB 3838-2002 表1 asks 6–9).
/// Noise: an environmental LAeq below 20 dB(A) is under the measuring range of sound level
/// meters and quieter than any outdoor site, above 120 dB(A) is at the threshold of pain and
/// no functional-zone site averages that over a day or night period (GB 3096-2008).
public enum MonitoringBounds {
    static let airPhysical: ClosedRange<Double> = 0...10000

    static func air(_ name: String, _ breakpoints: [Double], note: String) -> ValueBounds {
        let top = breakpoints.last ?? 0
        return ValueBounds(
            name: name, unit: "µg/m³", physical: airPhysical, plausible: 0...top,
            reason: "\(note)最高一档浓度限值为 \(MonitoringBounds.format(top)) µg/m³（IAQI 500），更高的浓度分指数只按 500 计；请核对数值和单位")
    }

    static let waterReason = "高于未经处理的城镇污水的常见浓度，河流断面不会出现；可能是 µg/L 填进了 mg/L 列，或小数点错位"

    static func water(_ parameter: WaterParameter, max: Double) -> ValueBounds {
        ValueBounds(name: parameter.name, unit: "mg/L", physical: 0...100000, plausible: 0...max, reason: waterReason)
    }

    static func noise(_ name: String) -> ValueBounds {
        ValueBounds(
            name: name, unit: "dB(A)", physical: 0...150, plausible: 20...120,
            reason: "低于 20 dB(A) 已在声级计测量范围之下，高于 120 dB(A) 已近痛阈，功能区监测点位的昼间或夜间等效声级不会出现；请核对（如小数点错位）")
    }

    /// The table: canonical CSV column → its bounds.
    public static let table: [String: ValueBounds] = [
        "so2": air("SO2", AQI.so2_24h, note: "HJ 633-2012 表1 SO2 24小时平均"),
        "no2": air("NO2", AQI.no2_24h, note: "HJ 633-2012 表1 NO2 24小时平均"),
        "pm10": air("PM10", AQI.pm10_2012, note: "HJ 633-2012 表1 PM10 24小时平均"),
        "pm25": air("PM2.5", AQI.pm25_2012, note: "HJ 633-2012 表1 PM2.5 24小时平均"),
        "o3_1h": air("O3_1h", AQI.o3_1h, note: "HJ 633-2012 表1 O3 1小时平均"),
        "o3_8h": ValueBounds(
            name: "O3_8h", unit: "µg/m³", physical: airPhysical, plausible: 0...(AQI.o3_8h.last ?? 0),
            reason: "HJ 633-2012 表1 注3：O3 8小时平均浓度高于 800 µg/m³ 的，不再计算其分指数，按 1 小时平均浓度计算的分指数报告"
                + "（HJ 633-2026 按 300 报告）；请核对数值和单位"),
        "co": ValueBounds(
            name: "CO", unit: "mg/m³", physical: 0...1000, plausible: 0...(AQI.co_24h.last ?? 0),
            reason: "HJ 633-2012 表1 CO 24小时平均最高一档浓度限值为 60 mg/m³（IAQI 500）；CO 以 mg/m³ 填报，"
                + "更大的数多半是 µg/m³ 数值（应除以 1000）"),
        "ph": ValueBounds(
            name: WaterParameter.ph.name, unit: "", physical: 0...14, plausible: 4...11,
            reason: "地表水 pH 一般在 6–9（GB 3838-2002 表1），4 以下或 11 以上只在严重污染事故中出现；请核对"),
        "do": ValueBounds(
            name: WaterParameter.dissolvedOxygen.name, unit: "mg/L", physical: 0...100000, plausible: 0...20,
            reason: "0 ℃ 时饱和溶解氧约 14.6 mg/L，过饱和也很少超过 20 mg/L；可能把饱和度（%）填进了 mg/L 列"),
        "codmn": water(.codMn, max: 100),
        "cod": water(.cod, max: 500),
        "bod5": water(.bod5, max: 300),
        "nh3n": water(.ammonia, max: 50),
        "tp": water(.phosphorus, max: 10),
        "day": noise("昼间等效声级"),
        "night": noise("夜间等效声级"),
    ]

    /// The daily maximum 1-hour O3 cannot be below the daily maximum 8-hour running mean of the
    /// same day (each 8-hour window of HJ 663-2013 lies within the day's hours, and a mean never
    /// exceeds its largest hour): true when the two columns contradict each other.
    public static func o3OneHourBelowEightHour(_ sample: AirSample) -> Bool {
        guard let oneHour = sample.o3_1h, let eightHour = sample.o3_8h else { return false }
        return oneHour < eightHour
    }

    /// `60`, `0.5`.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
