import Foundation
import QingshanCore

/// The pollutants of the daily air quality report.
public enum Pollutant: String, CaseIterable, Sendable {
    case so2 = "SO2"
    case no2 = "NO2"
    case pm10 = "PM10"
    case co = "CO"
    case o3 = "O3"
    case pm25 = "PM2.5"
}

/// Which HJ 633 applies: 2012 for days before 2026-03-01, 2026 from that day on (HJ 633-2026 is in force from
/// 2026-03-01).
public enum AQIStandard: String, Sendable {
    case hj2012 = "HJ 633-2012"
    case hj2026 = "HJ 633-2026"

    /// HJ 633-2026 is in force from 2026-03-01.
    public static func forDay(_ day: Day) -> AQIStandard {
        day < Day(year: 2026, month: 3, day: 1)! ? .hj2012 : .hj2026
    }
}

/// A day's concentrations at one station: µg/m³, CO in mg/m³; nil = not measured.
public struct AirSample: Sendable, Equatable {
    public var so2: Double?
    public var no2: Double?
    public var pm10: Double?
    public var co: Double?
    public var o3_8h: Double?
    public var pm25: Double?
    /// Daily maximum 1-hour O3; used by the 2012 daily report only.
    public var o3_1h: Double?

    public init(
        so2: Double? = nil, no2: Double? = nil, pm10: Double? = nil, co: Double? = nil, o3_8h: Double? = nil,
        pm25: Double? = nil, o3_1h: Double? = nil
    ) {
        self.so2 = so2
        self.no2 = no2
        self.pm10 = pm10
        self.co = co
        self.o3_8h = o3_8h
        self.pm25 = pm25
        self.o3_1h = o3_1h
    }
}

/// The daily AQI of a sample (HJ 633 §4–§5).
public struct AQIResult: Sendable, Equatable {
    /// nil is "NA": a pollutant is missing and the AQI of the rest is ≤ 100.
    public let aqi: Int?
    public let standard: AQIStandard
    /// IAQI of each pollutant that was measured.
    public let iaqi: [Pollutant: Int]
    /// 首要污染物: the pollutants with the highest IAQI when AQI > 50; ties all listed.
    public let primary: [Pollutant]
    /// Pollutants that were measured but whose IAQI the standard does not let us compute:
    /// O3 when the 8-h value is above 800 µg/m³ and no 1-h value is given (HJ 633-2012 表1
    /// 注3). The AQI is then NA — a clean AQI from the other pollutants would hide the O3.
    public let undetermined: [Pollutant]

    public var level: AQILevel? { aqi.map(AQILevel.init(aqi:)) }
}

/// 表2 / 附录A of HJ 633: levels, categories and the official colours.
public enum AQILevel: Int, CaseIterable, Sendable {
    case one = 1
    case two, three, four, five, six

    /// HJ 633 表2: 0–50 一级, 51–100 二级, 101–150 三级, 151–200 四级, 201–300 五级, >300 六级.
    public init(aqi: Int) {
        switch aqi {
        case ...50: self = .one
        case 51...100: self = .two
        case 101...150: self = .three
        case 151...200: self = .four
        case 201...300: self = .five
        default: self = .six
        }
    }

    public var category: String {
        ["优", "良", "轻度污染", "中度污染", "重度污染", "严重污染"][rawValue - 1]
    }

    public var levelName: String { ["一级", "二级", "三级", "四级", "五级", "六级"][rawValue - 1] }

    /// 附录A 表A.1 colours (not the US EPA ones).
    public var color: String { ["#00E400", "#FFFF00", "#FF7E00", "#FF0000", "#99004C", "#7E0023"][rawValue - 1] }

    /// Text colour readable on `color`.
    public var textColor: String { rawValue <= 4 ? "#000000" : "#FFFFFF" }
}

/// IAQI and AQI per HJ 633-2012 and HJ 633-2026 (式1, 式2), as pure functions.
public enum AQI {
    /// IAQI levels of the breakpoint rows (表1 of 2012, 表3 of 2026).
    static let levels: [Double] = [0, 50, 100, 150, 200, 300, 400, 500]

    // Breakpoints, µg/m³ (CO mg/m³): HJ 633-2012 表1, HJ 633-2026 表3.
    static let so2_24h: [Double] = [0, 50, 150, 475, 800, 1600, 2100, 2620]
    static let so2_1h: [Double] = [0, 150, 500, 650, 800]
    static let no2_24h: [Double] = [0, 40, 80, 180, 280, 565, 750, 940]
    static let no2_1h: [Double] = [0, 100, 200, 700, 1200, 2340, 3090, 3840]
    static let pm10_2012: [Double] = [0, 50, 150, 250, 350, 420, 500, 600]
    static let pm10_2026: [Double] = [0, 50, 120, 250, 350, 420, 500, 600]
    static let co_24h: [Double] = [0, 2, 4, 14, 24, 36, 48, 60]
    static let co_1h: [Double] = [0, 5, 10, 35, 60, 90, 120, 150]
    static let o3_1h: [Double] = [0, 160, 200, 300, 400, 800, 1000, 1200]
    static let o3_8h: [Double] = [0, 100, 160, 215, 265, 800]
    static let pm25_2012: [Double] = [0, 35, 75, 115, 150, 250, 350, 500]
    static let pm25_2026: [Double] = [0, 35, 60, 115, 150, 250, 350, 500]

    /// HJ 633 式1: linear interpolation between the breakpoints around `c`, rounded up
    /// (HJ 633-2026 §4.2.6 向上进位取整; values within 1e-9 of an integer are snapped first).
    /// Above the last breakpoint the IAQI is capped at 500 (the tables end at IAQI 500).
    static func iaqi(_ c: Double, _ breakpoints: [Double]) -> Int {
        guard c > 0 else { return 0 }
        for i in 1..<breakpoints.count where c <= breakpoints[i] {
            let lo = breakpoints[i - 1]
            let hi = breakpoints[i]
            let value = (levels[i] - levels[i - 1]) / (hi - lo) * (c - lo) + levels[i - 1]
            return roundUp(value)
        }
        return 500
    }

    static func roundUp(_ value: Double) -> Int {
        let nearest = value.rounded()
        if abs(value - nearest) < 1e-9 { return Int(nearest) }
        return Int(value.rounded(.up))
    }

    public static func iaqiSO2_24h(_ c: Double) -> Int { iaqi(c, so2_24h) }
    public static func iaqiNO2_24h(_ c: Double) -> Int { iaqi(c, no2_24h) }
    public static func iaqiNO2_1h(_ c: Double) -> Int { iaqi(c, no2_1h) }
    public static func iaqiCO_24h(_ c: Double) -> Int { iaqi(c, co_24h) }
    public static func iaqiCO_1h(_ c: Double) -> Int { iaqi(c, co_1h) }
    public static func iaqiO3_1h(_ c: Double) -> Int { iaqi(c, o3_1h) }

    /// PM10 24-h: IAQI 100 at 150 µg/m³ (2012) or 120 µg/m³ (2026) (HJ 633-2012 表1,
    /// HJ 633-2026 表3).
    public static func iaqiPM10(_ c: Double, _ standard: AQIStandard) -> Int {
        iaqi(c, standard == .hj2012 ? pm10_2012 : pm10_2026)
    }

    /// PM2.5 24-h: IAQI 100 at 75 µg/m³ (2012) or 60 µg/m³ (2026).
    public static func iaqiPM25(_ c: Double, _ standard: AQIStandard) -> Int {
        iaqi(c, standard == .hj2012 ? pm25_2012 : pm25_2026)
    }

    /// SO2 1-h above 800 µg/m³: 2012 reports the 24-h IAQI instead (表1 注2), 2026 reports 200
    /// (HJ 633-2026 表3 注b). Nil for 2012 when no 24-h value is given.
    public static func iaqiSO2_1h(_ c: Double, so2_24h: Double?, _ standard: AQIStandard) -> Int? {
        guard c > 800 else { return iaqi(c, so2_1h) }
        switch standard {
        case .hj2012: return so2_24h.map(iaqiSO2_24h)
        case .hj2026: return 200
        }
    }

    /// O3 8-h above 800 µg/m³: 2012 reports the 1-h IAQI instead (表1 注3), 2026 reports 300
    /// (HJ 633-2026 表3 notes). Nil for 2012 when no 1-h value is given.
    public static func iaqiO3_8h(_ c: Double, o3_1h: Double?, _ standard: AQIStandard) -> Int? {
        guard c > 800 else { return iaqi(c, o3_8h) }
        switch standard {
        case .hj2012: return o3_1h.map(iaqiO3_1h)
        case .hj2026: return 300
        }
    }

    /// The daily AQI (日报): SO2, NO2, PM10, CO, PM2.5 24-h means and O3 — the
    /// daily maximum 8-h mean, and in 2012 also the daily maximum 1-h value when given (表1
    /// 注1 keeps O3 1-h in the daily report; 2026 注a does not). AQI = max IAQI (式2).
    public static func daily(_ sample: AirSample, on day: Day) -> AQIResult {
        let standard = AQIStandard.forDay(day)
        var iaqi: [Pollutant: Int] = [:]
        if let c = sample.so2 { iaqi[.so2] = iaqiSO2_24h(c) }
        if let c = sample.no2 { iaqi[.no2] = iaqiNO2_24h(c) }
        if let c = sample.pm10 { iaqi[.pm10] = iaqiPM10(c, standard) }
        if let c = sample.co { iaqi[.co] = iaqiCO_24h(c) }
        if let c = sample.pm25 { iaqi[.pm25] = iaqiPM25(c, standard) }
        var o3: Int? = nil
        var undetermined: [Pollutant] = []
        if let c = sample.o3_8h {
            // HJ 633-2012 表1 注3: above 800 µg/m³ the 8-h value has no IAQI and O3 is reported
            // from the 1-h value; with none given the O3 IAQI is unknown (2026 reports 300).
            o3 = iaqiO3_8h(c, o3_1h: sample.o3_1h, standard)
            if o3 == nil { undetermined.append(.o3) }
        }
        if standard == .hj2012, let c = sample.o3_1h {
            o3 = max(o3 ?? 0, iaqiO3_1h(c))
        }
        if let o3 { iaqi[.o3] = o3 }
        // O3 counts as measured when the 8-h value is there (or, in 2012, the 1-h value).
        let o3Measured = sample.o3_8h != nil || (standard == .hj2012 && sample.o3_1h != nil)
        let complete =
            sample.so2 != nil && sample.no2 != nil && sample.pm10 != nil && sample.co != nil && o3Measured
            && sample.pm25 != nil
        let highest = iaqi.values.max()
        // HJ 633-2026 §5.3.1: with a pollutant missing, publish AQI only when it exceeds 100.
        // A measured pollutant without an IAQI (undetermined) leaves the AQI unknown: NA.
        let aqi: Int? =
            !undetermined.isEmpty
            ? nil : complete ? (highest ?? 0) : (highest.flatMap { $0 > 100 ? $0 : nil })
        var primary: [Pollutant] = []
        if let aqi, aqi > 50 {
            primary = Pollutant.allCases.filter { iaqi[$0] == aqi }
        }
        return AQIResult(aqi: aqi, standard: standard, iaqi: iaqi, primary: primary, undetermined: undetermined)
    }
}
