import Foundation
import QingshanCore
import QingshanLoad
import XCTest

/// The `monitoring` fixture: thirteen air days (seven under HJ 633-2012, six under
/// HJ 633-2026), water and noise, through a whole build.
final class MonitoringSiteTests: XCTestCase {
    func json(_ out: URL, _ name: String) throws -> [String: Any] {
        let data = try XCTUnwrap(
            FileManager.default.contents(atPath: out.appendingPathComponent("data/\(name).json").path))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func build() throws -> URL {
        let site = try Fixture.copy("monitoring")
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
        return site.appendingPathComponent("public")
    }

    func testAirDays() throws {
        let air = try json(try build(), "air")
        let days = try XCTUnwrap(air["days"] as? [[String: Any]])
        XCTAssertEqual(days.count, 13)
        let expected: [(String, Int?, Int?, String?, [String], String)] = [
            ("2025-01-01", 40, 1, "优", [], "HJ 633-2012"),
            ("2025-01-02", 100, 2, "良", ["PM2.5"], "HJ 633-2012"),
            ("2025-01-03", 75, 2, "良", ["PM10", "PM2.5"], "HJ 633-2012"),
            ("2025-01-04", 125, 3, "轻度污染", ["O3"], "HJ 633-2012"),
            ("2025-01-05", 51, 2, "良", ["PM2.5"], "HJ 633-2012"),
            ("2025-01-06", nil, nil, nil, [], "HJ 633-2012"),
            ("2025-01-07", 175, 4, "中度污染", ["PM10"], "HJ 633-2012"),
            ("2026-03-01", 114, 3, "轻度污染", ["PM2.5"], "HJ 633-2026"),
            ("2026-03-02", 112, 3, "轻度污染", ["PM10"], "HJ 633-2026"),
            ("2026-03-03", 50, 1, "优", [], "HJ 633-2026"),
            ("2026-03-04", 300, 5, "重度污染", ["O3"], "HJ 633-2026"),
            ("2026-03-05", 90, 2, "良", ["PM2.5"], "HJ 633-2026"),
            ("2026-03-06", 118, 3, "轻度污染", ["CO"], "HJ 633-2026"),
        ]
        for (day, row) in zip(expected, days) {
            XCTAssertEqual(row["date"] as? String, day.0)
            XCTAssertEqual(row["aqi"] as? Int, day.1, day.0)
            XCTAssertEqual(row["level"] as? Int, day.2, day.0)
            XCTAssertEqual(row["category"] as? String, day.3, day.0)
            XCTAssertEqual(row["primary"] as? [String], day.4, day.0)
            XCTAssertEqual(row["standard"] as? String, day.5, day.0)
        }
        XCTAssertTrue(days[5]["aqi"] is NSNull, "NA is null")
        let months = try XCTUnwrap(air["months"] as? [[String: Any]])
        let january = try XCTUnwrap(months.first { $0["month"] as? String == "2025-01" })
        XCTAssertEqual(january["days"] as? Int, 6)
        XCTAssertEqual(january["good_days"] as? Int, 4)
        XCTAssertEqual(january["good_ratio"] as? Double, 0.6667)
        XCTAssertEqual(january["pm25_mean"] as? Double, 41.002)
    }

    func testWaterAndNoise() throws {
        let out = try build()
        let water = try XCTUnwrap(try json(out, "water")["records"] as? [[String: Any]])
        XCTAssertEqual(water.map { $0["section"] as? String }, ["乙断面", "甲断面", "甲断面"], "file order within a month")
        XCTAssertEqual(water[0]["class"] as? Int, 3)
        XCTAssertEqual(water[0]["class_label"] as? String, "Ⅲ类")
        XCTAssertEqual(water[0]["meets_target"] as? Bool, true)
        XCTAssertEqual(water[0]["main_pollutants"] as? [String], [])
        XCTAssertEqual(water[1]["class"] as? Int, 5)
        XCTAssertEqual(water[1]["meets_target"] as? Bool, false)
        XCTAssertEqual(water[1]["main_pollutants"] as? [String], ["氨氮", "化学需氧量", "总磷"])
        XCTAssertEqual(water[2]["class"] as? Int, 6)
        XCTAssertEqual(water[2]["class_label"] as? String, "劣Ⅴ类")
        XCTAssertEqual(water[2]["target"] as? Int, 4)
        XCTAssertEqual(water[2]["main_pollutants"] as? [String], ["化学需氧量", "pH", "溶解氧"])
        let noise = try XCTUnwrap(try json(out, "noise")["records"] as? [[String: Any]])
        XCTAssertEqual(noise.count, 3)
        let bySite = Dictionary(uniqueKeysWithValues: noise.map { ($0["site"] as? String ?? "", $0) })
        XCTAssertEqual(bySite["一号点"]?["day_ok"] as? Bool, true)
        XCTAssertEqual(bySite["一号点"]?["night_ok"] as? Bool, false)
        XCTAssertEqual(bySite["二号点"]?["day_limit"] as? Double, 70)
        XCTAssertEqual(bySite["二号点"]?["night_ok"] as? Bool, true)
        XCTAssertEqual(bySite["三号点"]?["zone"] as? String, "4a")
        XCTAssertTrue(bySite["三号点"]?["day_ok"] is NSNull)
        for page in ["data/air/index.html", "data/water/index.html", "data/noise/index.html"] {
            XCTAssertFalse(Fixture.text(out, page).isEmpty, page)
        }
        XCTAssertTrue(Fixture.text(out, "data/air/index.html").contains("<title id=\"cal-2025-01-t\">"))
    }
}
