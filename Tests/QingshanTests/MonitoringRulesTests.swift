import QingshanCore
import XCTest

@testable import QingshanMonitoring

/// HJ 633 with the test vectors of docs/RULES.md (Air quality) and every breakpoint of both tables.
final class AQITests: XCTestCase {
    let day2012 = Day(iso: "2025-12-31")!
    let day2026 = Day(iso: "2026-03-01")!

    func testDOMAINVectors() {
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

    /// Exactly on every breakpoint the IAQI is the row's level; just above it, one more.
    func testEveryBreakpointExactlyAndJustAbove() {
        let tables: [(String, [Double], (Double) -> Int)] = [
            ("SO2 24h", AQI.so2_24h, AQI.iaqiSO2_24h), ("NO2 24h", AQI.no2_24h, AQI.iaqiNO2_24h),
            ("NO2 1h", AQI.no2_1h, AQI.iaqiNO2_1h), ("CO 24h", AQI.co_24h, AQI.iaqiCO_24h),
            ("CO 1h", AQI.co_1h, AQI.iaqiCO_1h), ("O3 1h", AQI.o3_1h, AQI.iaqiO3_1h),
            ("PM10 2012", AQI.pm10_2012, { AQI.iaqiPM10($0, .hj2012) }),
            ("PM10 2026", AQI.pm10_2026, { AQI.iaqiPM10($0, .hj2026) }),
            ("PM2.5 2012", AQI.pm25_2012, { AQI.iaqiPM25($0, .hj2012) }),
            ("PM2.5 2026", AQI.pm25_2026, { AQI.iaqiPM25($0, .hj2026) }),
            ("O3 8h", AQI.o3_8h, { AQI.iaqiO3_8h($0, o3_1h: nil, .hj2026) ?? -1 }),
        ]
        for (name, breakpoints, f) in tables {
            for (i, c) in breakpoints.enumerated() {
                XCTAssertEqual(f(c), Int(AQI.levels[i]), "\(name) at \(c)")
                if i + 1 < breakpoints.count {
                    XCTAssertEqual(f(c + 0.001), Int(AQI.levels[i]) + 1, "\(name) just above \(c)")
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

/// GB 3838-2002 single-factor assessment at the class limits.
final class WaterQualityTests: XCTestCase {
    func testExactlyOnEachLimit() {
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 0.15), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 0.16), .two)
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 1.0), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 2.0), .five)
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 2.01), .worseThanFive)
        XCTAssertEqual(WaterQuality.parameterClass(.cod, 15), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.cod, 20), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.phosphorus, 0.2), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.phosphorus, 0.4), .five)
        XCTAssertEqual(WaterQuality.parameterClass(.codMn, 6), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.bod5, 3), .one)
    }

    func testDissolvedOxygenIsAMinimum() {
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 7.5), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 7.49), .two)
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 5), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 2), .five)
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 1.9), .worseThanFive)
    }

    func testPH() {
        XCTAssertEqual(WaterQuality.parameterClass(.ph, 6), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.ph, 9), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.ph, 9.1), .worseThanFive)
        XCTAssertEqual(WaterQuality.parameterClass(.ph, 5.9), .worseThanFive)
    }

    func testSectionClassAndMainPollutants() {
        let sample = WaterSample([
            .ph: 7.6, .dissolvedOxygen: 6.2, .codMn: 5, .cod: 25, .ammonia: 1.8, .phosphorus: 0.25,
        ])
        XCTAssertEqual(WaterQuality.sectionClass(sample), .five)
        // NH3-N Ⅴ first; then COD (Ⅳ, +25 %) and TP (Ⅳ, +25 %): tie broken by parameter order.
        XCTAssertEqual(WaterQuality.mainPollutants(sample), [.ammonia, .cod, .phosphorus])
        XCTAssertEqual(WaterQuality.mainPollutants(WaterSample([.cod: 20, .ammonia: 1.0])), [], "Ⅲ has none")
        // 劣Ⅴ first by 超标倍数 (BOD5 12: +200 %, TP 0.5: +150 %), then COD Ⅴ; NH3-N Ⅳ is fourth.
        XCTAssertEqual(
            WaterQuality.mainPollutants(WaterSample([.cod: 35, .ammonia: 1.4, .bod5: 12, .phosphorus: 0.5])),
            [.bod5, .phosphorus, .cod])
        XCTAssertNil(WaterQuality.sectionClass(WaterSample([:])))
    }

    func testTargets() {
        XCTAssertEqual(WaterClass(target: "3"), .three)
        XCTAssertEqual(WaterClass(target: "Ⅳ"), .four)
        XCTAssertEqual(WaterClass(target: "IV"), .four)
        XCTAssertEqual(WaterClass(target: "Ⅴ类"), .five)
        XCTAssertNil(WaterClass(target: "6"))
        XCTAssertEqual(WaterClass.worseThanFive.label, "劣Ⅴ类")
    }
}

/// GB 3096-2008 limits for every zone.
final class NoiseTests: XCTestCase {
    func testZoneLimits() {
        let expected: [(String, Double, Double)] = [
            ("0", 50, 40), ("1", 55, 45), ("2", 60, 50), ("3", 65, 55), ("4a", 70, 55), ("4b", 70, 60),
        ]
        for (zone, day, night) in expected {
            let z = NoiseZone(text: zone)
            XCTAssertEqual(z?.limits.day, day)
            XCTAssertEqual(z?.limits.night, night)
            XCTAssertEqual(z?.meets(day: day), true)
            XCTAssertEqual(z?.meets(day: day + 0.1), false)
            XCTAssertEqual(z?.meets(night: night), true)
            XCTAssertEqual(z?.meets(night: night + 0.1), false)
        }
        XCTAssertEqual(NoiseZone(text: "4A类"), .zone4a)
        XCTAssertNil(NoiseZone(text: "5"))
    }
}
