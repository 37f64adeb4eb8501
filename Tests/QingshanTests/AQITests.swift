import QingshanCore
import XCTest

@testable import QingshanMonitoring

/// HJ 633 with the test vectors of docs/RULES.md (Air quality) and every breakpoint of both tables.
final class AQITests: XCTestCase {
    let day2012 = Day(iso: "2025-12-31")!
    let day2026 = Day(iso: "2026-03-01")!

    func testTheReferenceVectors() {
        XCTAssertEqual(AQI.iaqiPM25(55, .hj2012), 75)
        XCTAssertEqual(AQI.iaqiPM25(55, .hj2026), 90)
        XCTAssertEqual(AQI.iaqiPM25(75, .hj2012), 100)
        XCTAssertEqual(AQI.iaqiPM25(75, .hj2026), 114)
        XCTAssertEqual(AQI.iaqiPM25(35.01, .hj2012), 51)
        XCTAssertEqual(AQI.iaqiPM25(35.01, .hj2026), 51)
        XCTAssertEqual(AQI.iaqiPM10(100, .hj2012), 75)
        XCTAssertEqual(AQI.iaqiPM10(100, .hj2026), 86)
        XCTAssertEqual(AQI.iaqiPM10(150, .hj2012), 100)
        XCTAssertEqual(AQI.iaqiPM10(150, .hj2026), 112)
        XCTAssertEqual(AQI.iaqiNO2_1h(350), 115)
        XCTAssertEqual(AQI.iaqiO3_8h(180, o3_1h: nil, .hj2012), 119)
        XCTAssertEqual(AQI.iaqiO3_8h(180, o3_1h: nil, .hj2026), 119)
        XCTAssertEqual(AQI.iaqiCO_24h(7.5), 118)
        XCTAssertEqual(AQI.iaqiSO2_24h(80), 65)
    }

    /// HJ 633-2012 表1 and HJ 633-2026 表3 as printed (µg/m³, CO mg/m³; nil: no breakpoint at
    /// that level). Columns: IAQI, SO2 24h, SO2 1h, NO2 24h, NO2 1h, PM10 2012, PM10 2026,
    /// CO 24h, CO 1h, O3 1h, O3 8h, PM2.5 2012, PM2.5 2026.
    static let standardTable: [[Double?]] = [
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [50, 50, 150, 40, 100, 50, 50, 2, 5, 160, 100, 35, 35],
        [100, 150, 500, 80, 200, 150, 120, 4, 10, 200, 160, 75, 60],
        [150, 475, 650, 180, 700, 250, 250, 14, 35, 300, 215, 115, 115],
        [200, 800, 800, 280, 1200, 350, 350, 24, 60, 400, 265, 150, 150],
        [300, 1600, nil, 565, 2340, 420, 420, 36, 90, 800, 800, 250, 250],
        [400, 2100, nil, 750, 3090, 500, 500, 48, 120, 1000, nil, 350, 350],
        [500, 2620, nil, 940, 3840, 600, 600, 60, 150, 1200, nil, 500, 500],
    ]

    /// One column of the standard's table: the (IAQI, concentration) rows it defines.
    static func column(_ k: Int) -> [(level: Int, c: Double)] {
        standardTable.compactMap { row in row[k].flatMap { c in row[0].map { (Int($0), c) } } }
    }

    /// Exactly on every breakpoint of the standard's table the IAQI is the row's level; just
    /// above it, one more. The code's own tables are not consulted.
    func testEveryBreakpointExactlyAndJustAbove() {
        let functions: [(String, Int, (Double) -> Int)] = [
            ("SO2 24h", 1, AQI.iaqiSO2_24h), ("NO2 24h", 3, AQI.iaqiNO2_24h), ("NO2 1h", 4, AQI.iaqiNO2_1h),
            ("PM10 2012", 5, { AQI.iaqiPM10($0, .hj2012) }), ("PM10 2026", 6, { AQI.iaqiPM10($0, .hj2026) }),
            ("CO 24h", 7, AQI.iaqiCO_24h), ("CO 1h", 8, AQI.iaqiCO_1h), ("O3 1h", 9, AQI.iaqiO3_1h),
            ("O3 8h", 10, { AQI.iaqiO3_8h($0, o3_1h: nil, .hj2026) ?? -1 }),
            ("PM2.5 2012", 11, { AQI.iaqiPM25($0, .hj2012) }), ("PM2.5 2026", 12, { AQI.iaqiPM25($0, .hj2026) }),
            ("SO2 1h", 2, { AQI.iaqiSO2_1h($0, so2_24h: nil, .hj2012) ?? -1 }),
        ]
        for (name, k, f) in functions {
            let rows = Self.column(k)
            XCTAssertGreaterThanOrEqual(rows.count, 5, name)
            for (i, row) in rows.enumerated() {
                XCTAssertEqual(f(row.c), row.level, "\(name) at \(row.c)")
                if i + 1 < rows.count {
                    XCTAssertEqual(f(row.c + 0.001), row.level + 1, "\(name) just above \(row.c)")
                }
            }
        }
        XCTAssertEqual(AQI.iaqiPM25(600, .hj2012), 500, "capped above the table")
    }

    func testAboveTableRules() {
        XCTAssertEqual(AQI.iaqiO3_8h(801, o3_1h: 900, .hj2012), AQI.iaqiO3_1h(900))
        XCTAssertNil(AQI.iaqiO3_8h(801, o3_1h: nil, .hj2012))
        XCTAssertEqual(AQI.iaqiO3_8h(801, o3_1h: nil, .hj2026), 300)
        XCTAssertEqual(AQI.iaqiSO2_1h(900, so2_24h: 100, .hj2012), 75, "the 24-h IAQI instead")
        XCTAssertEqual(AQI.iaqiSO2_1h(900, so2_24h: 100, .hj2026), 200)
        XCTAssertEqual(AQI.iaqiSO2_1h(500, so2_24h: nil, .hj2026), 100)
    }

    /// HJ 633-2012 表1 注3: above 800 µg/m³ the O3 8-h sub-index is not computed and O3 is
    /// reported from the 1-h value. Without a 1-h value the O3 sub-index is unknown, so the day
    /// is NA — not AQI 29 优 from the other pollutants. HJ 633-2026 reports 300.
    func testO3EightHourAbove800() {
        let noOneHour = AQI.daily(sample(o3_8h: 900), on: day2012)
        XCTAssertNil(noOneHour.aqi)
        XCTAssertNil(noOneHour.level)
        XCTAssertEqual(noOneHour.undetermined, [.o3])
        XCTAssertNil(noOneHour.iaqi[.o3])
        XCTAssertEqual(noOneHour.primary, [])
        // Even when the rest is above 100: the O3 IAQI is missing, not small.
        XCTAssertNil(AQI.daily(sample(o3_8h: 801, pm10: 300), on: day2012).aqi)
        // With the 1-h value: O3 1h 1000 µg/m³ is IAQI 400 (表1 O3 1h column, 800→300, 1000→400).
        let withOneHour = AQI.daily(sample(o3_8h: 900, o3_1h: 1000), on: day2012)
        XCTAssertEqual(withOneHour.aqi, 400)
        XCTAssertEqual(withOneHour.primary, [.o3])
        XCTAssertEqual(withOneHour.undetermined, [])
        // O3 1h 900 → 300 + 100 × (900 − 800) / (1000 − 800) = 350.
        XCTAssertEqual(AQI.daily(sample(o3_8h: 850, o3_1h: 900), on: day2012).aqi, 350)
        // At exactly 800 the 8-h table still applies: IAQI 300.
        XCTAssertEqual(AQI.daily(sample(o3_8h: 800), on: day2012).aqi, 300)
        // HJ 633-2026: O3 8-h above 800 is reported as 300, 1-h values are not used.
        let y2026 = AQI.daily(sample(o3_8h: 900), on: day2026)
        XCTAssertEqual(y2026.aqi, 300)
        XCTAssertEqual(y2026.undetermined, [])
        XCTAssertEqual(AQI.daily(sample(o3_8h: 900, o3_1h: 1000), on: day2026).aqi, 300)
    }

    /// HJ 633-2012 表1 注2: SO2 1-h above 800 µg/m³ is reported by its 24-h sub-index; without a
    /// 24-h value there is none. (The daily report does not read SO2 1-h; the function is exact.)
    func testSO2OneHourAbove800() {
        XCTAssertNil(AQI.iaqiSO2_1h(801, so2_24h: nil, .hj2012))
        XCTAssertEqual(AQI.iaqiSO2_1h(800, so2_24h: nil, .hj2012), 200)
        XCTAssertEqual(AQI.iaqiSO2_1h(801, so2_24h: 150, .hj2012), 100)
        XCTAssertEqual(AQI.iaqiSO2_1h(801, so2_24h: nil, .hj2026), 200)
    }

    func sample(pm25: Double? = 20, o3_8h: Double? = 80, o3_1h: Double? = nil, pm10: Double? = 40) -> AirSample {
        AirSample(so2: 10, no2: 20, pm10: pm10, co: 0.6, o3_8h: o3_8h, pm25: pm25, o3_1h: o3_1h)
    }

    func testDailyAQIAndPrimary() {
        var r = AQI.daily(sample(), on: day2012)
        XCTAssertEqual(r.aqi, 40)
        XCTAssertEqual(r.primary, [], "no primary pollutant at AQI ≤ 50")
        XCTAssertEqual(r.level, .one)
        r = AQI.daily(sample(pm25: 75), on: day2012)
        XCTAssertEqual(r.aqi, 100)
        XCTAssertEqual(r.primary, [.pm25])
        XCTAssertEqual(r.standard, .hj2012)
        r = AQI.daily(sample(pm25: 75), on: day2026)
        XCTAssertEqual(r.aqi, 114)
        XCTAssertEqual(r.level?.category, "轻度污染")
        XCTAssertEqual(r.standard, .hj2026)
    }

    func testTiesListAllPrimaries() {
        // PM2.5 55 and PM10 100 both give IAQI 75 under 2012.
        let r = AQI.daily(sample(pm25: 55, pm10: 100), on: day2012)
        XCTAssertEqual(r.aqi, 75)
        XCTAssertEqual(r.primary, [.pm10, .pm25])
    }

    func testO3OneHourCountsIn2012Only() {
        let s = sample(o3_8h: 100, o3_1h: 250)  // 8h → 50, 1h → 125
        XCTAssertEqual(AQI.daily(s, on: day2012).aqi, 125)
        XCTAssertEqual(AQI.daily(s, on: day2012).primary, [.o3])
        XCTAssertEqual(AQI.daily(s, on: day2026).aqi, 50)
    }

    func testMissingPollutantGivesNAUnlessAbove100() {
        XCTAssertNil(AQI.daily(sample(pm25: nil), on: day2012).aqi)
        let high = AQI.daily(sample(pm25: nil, pm10: 300), on: day2012)
        XCTAssertEqual(high.aqi, 175)
        XCTAssertEqual(high.primary, [.pm10])
        XCTAssertNil(AQI.daily(sample(o3_8h: nil), on: day2026).aqi)
        XCTAssertEqual(AQI.daily(sample(o3_8h: nil, o3_1h: 100), on: day2012).aqi, 40, "2012 accepts O3 1-h alone")
    }

    func testLevelsAndColours() {
        XCTAssertEqual(AQILevel(aqi: 50), .one)
        XCTAssertEqual(AQILevel(aqi: 51), .two)
        XCTAssertEqual(AQILevel(aqi: 300), .five)
        XCTAssertEqual(AQILevel(aqi: 301), .six)
        XCTAssertEqual(AQILevel.five.color, "#99004C")
        XCTAssertEqual(AQILevel.six.category, "严重污染")
    }

    func testStandardSwitchDay() {
        XCTAssertEqual(AQIStandard.forDay(Day(iso: "2026-02-28")!), .hj2012)
        XCTAssertEqual(AQIStandard.forDay(Day(iso: "2026-03-01")!), .hj2026)
    }
}
