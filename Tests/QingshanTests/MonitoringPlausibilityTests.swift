import Foundation
import QingshanCore
import QingshanLoad
import XCTest

@testable import QingshanMonitoring

/// Values outside their plausible range are warned about (naming file, line and column),
/// cells that are not plain decimals are errors, and every bad cell of a row is reported.
final class MonitoringPlausibilityTests: XCTestCase {
    func diagnostics(_ file: String, _ text: String) throws -> (data: MonitoringData, all: [Diagnostic]) {
        let root = Fixture.temporaryFolder("qingshan-csv")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/data"), withIntermediateDirectories: true)
        try text.write(to: root.appendingPathComponent("content/data/" + file), atomically: true, encoding: .utf8)
        let diagnostics = Diagnostics()
        let data = MonitoringLoader(siteRoot: root.path).load(diagnostics: diagnostics)
        return (data, diagnostics.all)
    }

    func at(_ file: String, _ line: Int, _ column: Int? = nil) -> SourceLocation {
        SourceLocation(file: "content/data/" + file, line: line, column: column)
    }

    let airHeader = "date,station,so2,no2,pm10,co,o3_8h,pm25,o3_1h\n"

    // MARK: the table, against the standard's own numbers

    /// HJ 633-2012 表1, top row (IAQI 500): SO2 24h 2620, NO2 24h 940, PM10 24h 600, CO 24h 60
    /// mg/m³, O3 1h 1200, PM2.5 24h 500 µg/m³; O3 8h ends at 800 (注3).
    func testAirBoundsAreTheTopBreakpoints() {
        let top: [(String, Double)] = [
            ("so2", 2620), ("no2", 940), ("pm10", 600), ("co", 60), ("o3_1h", 1200), ("o3_8h", 800), ("pm25", 500),
        ]
        for (column, value) in top {
            let bounds = MonitoringBounds.table[column]
            XCTAssertNotNil(bounds, column)
            XCTAssertEqual(bounds?.plausible, 0...value, column)
            XCTAssertEqual(bounds?.assess(value), .plausible, column)
            XCTAssertEqual(bounds?.assess(value + 0.1), .implausible, column)
            XCTAssertEqual(bounds?.assess(-0.1), .impossible, column)
        }
        XCTAssertEqual(MonitoringBounds.table["co"]?.assess(900), .implausible, "µg/m³ in the mg/m³ column")
        XCTAssertEqual(MonitoringBounds.table["co"]?.assess(1001), .impossible)
    }

    func testWaterAndNoiseBounds() {
        let ph = MonitoringBounds.table["ph"]
        XCTAssertEqual(ph?.assess(7.5), .plausible)
        XCTAssertEqual(ph?.assess(3.9), .implausible)
        XCTAssertEqual(ph?.assess(14.5), .impossible)
        XCTAssertEqual(MonitoringBounds.table["do"]?.assess(14.6), .plausible)
        XCTAssertEqual(MonitoringBounds.table["do"]?.assess(95), .implausible, "% saturation in the mg/L column")
        XCTAssertEqual(MonitoringBounds.table["nh3n"]?.assess(2.03), .plausible)
        XCTAssertEqual(MonitoringBounds.table["nh3n"]?.assess(2030), .implausible, "µg/L in the mg/L column")
        XCTAssertEqual(MonitoringBounds.table["tp"]?.assess(0.405), .plausible)
        XCTAssertEqual(MonitoringBounds.table["tp"]?.assess(405), .implausible)
        for column in ["day", "night"] {
            let bounds = MonitoringBounds.table[column]
            XCTAssertEqual(bounds?.assess(20), .plausible)
            XCTAssertEqual(bounds?.assess(120), .plausible)
            XCTAssertEqual(bounds?.assess(19.9), .implausible)
            XCTAssertEqual(bounds?.assess(5.5), .implausible)
            XCTAssertEqual(bounds?.assess(120.1), .implausible)
            XCTAssertEqual(bounds?.assess(151), .impossible)
        }
    }

    // MARK: warnings through the loader

    /// The attack: CO 900 in the mg/m³ column was published as AQI 500 严重污染 without a word.
    func testCOInMicrogramsIsWarnedAboutWithItsCell() throws {
        let (data, all) = try diagnostics("air.csv", airHeader + "2023-01-01,甲,10,20,40,900,80,20,100\n")
        XCTAssertEqual(all.map(\.severity), [.warning])
        XCTAssertEqual(all.first?.location, at("air.csv", 2, 6))
        XCTAssertEqual(all.first?.location.description, "content/data/air.csv:2:6")
        XCTAssertTrue(all.first?.message.contains("CO 900") ?? false, all.first?.message ?? "")
        XCTAssertTrue(all.first?.hint?.contains("µg/m³") ?? false)
        XCTAssertEqual(data.air.count, 1, "still published, as given")
    }

    func testEveryAirColumnAboveItsTableIsWarned() throws {
        let (_, all) = try diagnostics("air.csv", airHeader + "2023-01-01,甲,2621,941,601,60.5,800,501,1201\n")
        XCTAssertEqual(
            all.filter { $0.severity == .warning }.map(\.location), [3, 4, 5, 6, 8, 9].map { at("air.csv", 2, $0) })
        XCTAssertEqual(all.filter { $0.severity == .error }, [])
    }

    func testWaterAndNoiseValuesAreWarned() throws {
        let water = try diagnostics(
            "water.csv", "month,section,ph,do,codmn,cod,bod5,nh3n,tp\n2023-01,甲,7.5,95,5,20,4,1500,0.2\n")
        XCTAssertEqual(water.all.map(\.severity), [.warning, .warning])
        XCTAssertEqual(water.all.map(\.location), [at("water.csv", 2, 4), at("water.csv", 2, 8)])
        let noise = try diagnostics(
            "noise.csv", "date,site,zone,day,night\n2023-01-01,甲,2,5.5,45\n2023-01-02,甲,2,55,130\n")
        XCTAssertEqual(noise.all.map(\.severity), [.warning, .warning])
        XCTAssertEqual(noise.all.map(\.location), [at("noise.csv", 2, 4), at("noise.csv", 3, 5)])
        XCTAssertEqual(noise.data.noise.count, 2)
    }

    func testPlausibleValuesAreQuiet() throws {
        XCTAssertEqual(try diagnostics("air.csv", airHeader + "2023-01-01,甲,14,37,118,1.3,74,80,86\n").all, [])
        XCTAssertEqual(
            try diagnostics(
                "water.csv",
                "month,section,river,target,ph,do,codmn,cod,bod5,nh3n,tp\n2023-01,甲,甲河,Ⅳ,8.0,4.6,9.2,35,6.3,2.03,0.405\n"
            ).all, [])
        XCTAssertEqual(try diagnostics("noise.csv", "date,site,zone,day,night\n2023-03-15,甲,1,53.3,44.3\n").all, [])
    }

    /// HJ 633-2012 表1 注3: O3 8-h above 800 µg/m³ has no sub-index; without a 1-h value the day
    /// is NA, and the loader says why, at the O3_8h cell.
    func testO3EightHourAbove800WithoutOneHourIsWarnedAndNA() throws {
        let (data, all) = try diagnostics("air.csv", airHeader + "2023-01-01,甲,10,20,40,0.6,900,20,\n")
        let warnings = all.filter { $0.severity == .warning }
        XCTAssertEqual(warnings.map(\.location), [at("air.csv", 2, 7), at("air.csv", 2, 7)])
        XCTAssertTrue(warnings.contains { $0.message.contains("NA") && $0.message.contains("注3") })
        let record = try XCTUnwrap(data.air.first)
        XCTAssertNil(AQI.daily(record.sample, on: record.date).aqi)
        // With the 1-h value the day has an AQI from it and only the range warning remains.
        let withOneHour = try diagnostics("air.csv", airHeader + "2023-01-01,甲,10,20,40,0.6,900,20,1000\n")
        XCTAssertEqual(withOneHour.all.map(\.location), [at("air.csv", 2, 7)])
    }

    func testO3OneHourBelowEightHourIsWarned() throws {
        let (_, all) = try diagnostics("air.csv", airHeader + "2023-01-01,甲,10,20,40,0.6,180,20,120\n")
        XCTAssertEqual(all.map(\.severity), [.warning])
        XCTAssertEqual(all.map(\.location), [at("air.csv", 2, 9)])
    }

    // MARK: strict numbers

    /// `Double("0x10")` is 16: a hex cell was published as 16. Each of these is now an error at
    /// its cell.
    func testCellsThatAreNotPlainDecimalsAreErrors() throws {
        for bad in ["0x10", "nan", "inf", "-inf", "infinity", "1e999", "1e2", ".5", "1,5", "１２"] {
            let cell = bad.contains(",") ? "\"\(bad)\"" : bad
            let (data, all) = try diagnostics("air.csv", airHeader + "2023-01-01,甲,10,20,\(cell),0.6,80,20,\n")
            XCTAssertEqual(all.map(\.severity), [.error], bad)
            XCTAssertEqual(all.map(\.location), [at("air.csv", 2, 5)], bad)
            XCTAssertTrue(data.air.isEmpty, bad)
        }
        let water = try diagnostics("water.csv", "month,section,ph\n2023-01,甲,0x7\n")
        XCTAssertEqual(water.all.map(\.location), [at("water.csv", 2, 3)])
        let noise = try diagnostics("noise.csv", "date,site,zone,day,night\n2023-01-01,甲,2,5.5e1,nan\n")
        XCTAssertEqual(noise.all.map(\.location), [at("noise.csv", 2, 4), at("noise.csv", 2, 5)])
    }

    // MARK: every bad cell

    func testEveryBadCellOfAnAirRowIsReported() throws {
        let (_, all) = try diagnostics("air.csv", airHeader + "2023-02-30,,abc,-1,3,0x1,5,6,\n")
        XCTAssertEqual(all.map(\.severity), [.error, .error, .error, .error, .error])
        XCTAssertEqual(
            all.map(\.location),
            [at("air.csv", 2), at("air.csv", 2, 1), at("air.csv", 2, 3), at("air.csv", 2, 4), at("air.csv", 2, 6)])
    }

    func testEveryBadCellOfAWaterRowIsReported() throws {
        let (_, all) = try diagnostics(
            "water.csv", "month,section,target,ph,do\n2023-13,,Ⅵ,15,abc\n")
        XCTAssertEqual(
            all.map(\.location),
            [
                at("water.csv", 2), at("water.csv", 2, 1), at("water.csv", 2, 3), at("water.csv", 2, 4),
                at("water.csv", 2, 5),
            ])
    }

    func testEveryBadCellOfANoiseRowIsReported() throws {
        let (_, all) = try diagnostics("noise.csv", "date,site,zone,day,night\n2023-01-32,甲,5,abc,151\n")
        XCTAssertEqual(
            all.map(\.location),
            [at("noise.csv", 2, 1), at("noise.csv", 2, 3), at("noise.csv", 2, 4), at("noise.csv", 2, 5)])
    }

    /// A duplicate row still has its cells checked.
    func testDuplicateRowStillChecksItsCells() throws {
        let row = "2023-01-01,甲,10,20,40,0.6,80,20,\n"
        let (data, all) = try diagnostics("air.csv", airHeader + row + "2023-01-01,甲,10,20,0x10,0.6,80,20,\n")
        XCTAssertEqual(all.map(\.location), [at("air.csv", 3), at("air.csv", 3, 5)])
        XCTAssertEqual(data.air.count, 1)
    }
}
