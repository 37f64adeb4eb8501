import QingshanCore

/// Surface-water classes of GB 3838-2002: Ⅰ–Ⅴ, and 劣Ⅴ (worse than Ⅴ) as class 6.
public enum WaterClass: Int, CaseIterable, Sendable, Comparable {
    case one = 1
    case two, three, four, five, worseThanFive

    public static func < (a: WaterClass, b: WaterClass) -> Bool { a.rawValue < b.rawValue }

    /// `Ⅲ类`, `劣Ⅴ类`.
    public var label: String { ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"][rawValue - 1] }
    public var numeral: String { ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"][rawValue - 1] }

    /// 《地表水环境质量评价办法（试行）》: Ⅰ–Ⅱ 优, Ⅲ 良好, Ⅳ 轻度污染, Ⅴ 中度污染, 劣Ⅴ 重度污染.
    public var quality: String { ["优", "优", "良好", "轻度污染", "中度污染", "重度污染"][rawValue - 1] }

    /// Map colours (劣Ⅴ red per the 办法; the others common practice).
    public var color: String { ["#2e6fd8", "#2e6fd8", "#1b7f3b", "#f2c500", "#e07b00", "#c0151a"][rawValue - 1] }
    public var textColor: String { rawValue == 4 || rawValue == 5 ? "#000000" : "#FFFFFF" }

    /// Reads a target class written `3`, `Ⅲ`, `III` or `Ⅲ类`.
    public init?(target text: String) {
        var t = text.trimmingSpaces()
        if t.hasSuffix("类") { t.removeLast() }
        let map: [String: Int] = [
            "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3,
            "IV": 4, "V": 5,
        ]
        guard let value = map[t.uppercased()] ?? map[t], let c = WaterClass(rawValue: value) else { return nil }
        self = c
    }
}

/// The assessed parameters of a river section (GB 3838-2002 表1, river TP limits).
public enum WaterParameter: String, CaseIterable, Sendable {
    case ph
    case dissolvedOxygen = "do"
    case codMn = "codmn"
    case cod, bod5
    case ammonia = "nh3n"
    case phosphorus = "tp"

    public var name: String {
        switch self {
        case .ph: return "pH"
        case .dissolvedOxygen: return "溶解氧"
        case .codMn: return "高锰酸盐指数"
        case .cod: return "化学需氧量"
        case .bod5: return "五日生化需氧量"
        case .ammonia: return "氨氮"
        case .phosphorus: return "总磷"
        }
    }

    /// GB 3838-2002 表1 limits for Ⅰ…Ⅴ (mg/L): DO is a minimum, the others maxima.
    var limits: [Double] {
        switch self {
        case .ph: return []
        case .dissolvedOxygen: return [7.5, 6, 5, 3, 2]
        case .codMn: return [2, 4, 6, 10, 15]
        case .cod: return [15, 15, 20, 30, 40]
        case .bod5: return [3, 3, 4, 6, 10]
        case .ammonia: return [0.15, 0.5, 1.0, 1.5, 2.0]
        case .phosphorus: return [0.02, 0.1, 0.2, 0.3, 0.4]
        }
    }
}

/// One month's measurements at a section.
public struct WaterSample: Sendable, Equatable {
    public var values: [WaterParameter: Double]

    public init(_ values: [WaterParameter: Double]) { self.values = values }
}

/// Single-factor assessment per GB 3838-2002 and 环办〔2011〕22号.
public enum WaterQuality {
    /// GB 3838-2002 表1: the class of one parameter value. pH 6–9 meets every class; DO is
    /// compared ≥ the limit, the others ≤; failing Ⅴ is 劣Ⅴ.
    public static func parameterClass(_ parameter: WaterParameter, _ value: Double) -> WaterClass {
        if parameter == .ph { return (6...9).contains(value) ? .one : .worseThanFive }
        for (i, limit) in parameter.limits.enumerated() {
            let meets = parameter == .dissolvedOxygen ? value >= limit : value <= limit
            if meets { return WaterClass(rawValue: i + 1) ?? .worseThanFive }
        }
        return .worseThanFive
    }

    /// 环办〔2011〕22号: the section takes the worst class of its assessed parameters; nil
    /// when nothing was measured.
    public static func sectionClass(_ sample: WaterSample) -> WaterClass? {
        sample.values.map { parameterClass($0.key, $0.value) }.max()
    }

    /// 超标倍数 over the Ⅲ limit, (C − Cs) / Cs; not defined for pH and DO (环办〔2011〕22号).
    public static func exceedance(_ parameter: WaterParameter, _ value: Double) -> Double? {
        guard parameter != .ph, parameter != .dissolvedOxygen else { return nil }
        let limit = parameter.limits[2]
        return (value - limit) / limit
    }

    /// 主要污染指标: when the section is worse than Ⅲ, up to the three worst parameters worse
    /// than Ⅲ, by class, then by 超标倍数 over the Ⅲ limit (环办〔2011〕22号).
    public static func mainPollutants(_ sample: WaterSample) -> [WaterParameter] {
        guard let section = sectionClass(sample), section > .three else { return [] }
        let worse = sample.values.compactMap { entry -> (WaterParameter, WaterClass, Double)? in
            let c = parameterClass(entry.key, entry.value)
            return c > .three ? (entry.key, c, exceedance(entry.key, entry.value) ?? 0) : nil
        }
        return worse.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if a.2 != b.2 { return a.2 > b.2 }
            return (WaterParameter.allCases.firstIndex(of: a.0) ?? 0)
                < (WaterParameter.allCases.firstIndex(of: b.0) ?? 0)
        }.prefix(3).map(\.0)
    }
}
