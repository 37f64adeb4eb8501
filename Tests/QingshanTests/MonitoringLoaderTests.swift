import Foundation
import QingshanCore
import QingshanLoad
import XCTest

/// Each CSV problem is an error naming the file, line and (where there is one) column.
final class MonitoringLoaderTests: XCTestCase {
    func errors(_ file: String, _ text: String) throws -> [Diagnostic] {
        let root = Fixture.temporaryFolder("qingshan-csv")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/data"), withIntermediateDirectories: true)
        try text.write(to: root.appendingPathComponent("content/data/" + file), atomically: true, encoding: .utf8)
        let diagnostics = Diagnostics()
        _ = MonitoringLoader(siteRoot: root.path).load(diagnostics: diagnostics)
        return diagnostics.all.filter { $0.severity == .error }
    }

    let airHeader = "date,station,so2,no2,pm10,co,o3_8h,pm25\n"

    func testBOMAndCRLFAndAliases() throws {
        XCTAssertEqual(
            try errors("air.csv", "\u{FEFF}日期,站点,so2,no2,pm10,co,o3_8h,PM2.5\r\n2023-01-01,甲,1,2,3,0.4,5,6\r\n"), [])
    }

    func testMalformedRow() throws {
        let found = try errors("air.csv", airHeader + "2023-01-01,甲,1,2,3,0.4,5,6\n2023-01-02,甲,1,2,3\n")
        XCTAssertEqual(found.map(\.location), [SourceLocation(file: "content/data/air.csv", line: 3)])
    }

    func testNotANumberAndNegative() throws {
        let found = try errors("air.csv", airHeader + "2023-01-01,甲,1,2,abc,0.4,5,6\n2023-01-02,甲,1,-2,3,0.4,5,6\n")
        XCTAssertEqual(
            found.map(\.location),
            [
                SourceLocation(file: "content/data/air.csv", line: 2, column: 5),
                SourceLocation(file: "content/data/air.csv", line: 3, column: 4),
            ])
    }

    func testBadDateAndMissingColumn() throws {
        XCTAssertEqual(
            try errors("air.csv", airHeader + "2023-02-30,甲,1,2,3,0.4,5,6\n").map(\.location),
            [SourceLocation(file: "content/data/air.csv", line: 2, column: 1)])
        XCTAssertEqual(
            try errors("air.csv", "date,station,so2\n2023-01-01,甲,1\n").map(\.location),
            [SourceLocation(file: "content/data/air.csv", line: 1)])
    }

    func testPHAndDecibelRanges() throws {
        XCTAssertEqual(
            try errors("water.csv", "month,section,ph\n2023-01,甲,14.5\n").map(\.location),
            [SourceLocation(file: "content/data/water.csv", line: 2, column: 3)])
        XCTAssertEqual(
            try errors("noise.csv", "date,site,zone,day,night\n2023-01-01,甲,2,151,40\n").map(\.location),
            [SourceLocation(file: "content/data/noise.csv", line: 2, column: 4)])
        XCTAssertEqual(
            try errors("noise.csv", "date,site,zone,day,night\n2023-01-01,甲,5,50,40\n").map(\.location),
            [SourceLocation(file: "content/data/noise.csv", line: 2, column: 3)])
        XCTAssertEqual(
            try errors("water.csv", "month,section,target\n2023-01,甲,Ⅵ\n").map(\.location),
            [SourceLocation(file: "content/data/water.csv", line: 2, column: 3)])
    }

    func testUnclosedQuote() throws {
        XCTAssertEqual(
            try errors("noise.csv", "date,site,zone,day,night\n2023-01-01,\"甲,2,50,40\n").map(\.location),
            [SourceLocation(file: "content/data/noise.csv", line: 2)])
    }
}
