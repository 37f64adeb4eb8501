import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanLoad
import QingshanMarkdown
import QingshanModel
import XCTest

/// The `campaigns` fixture: the four status cases (docs/RULES.md, Campaigns) through a whole build.
final class CampaignSiteTests: XCTestCase {
    func testOpenDataAndPages() throws {
        let site = try Fixture.copy("campaigns")
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
        let out = site.appendingPathComponent("public")
        let data = try XCTUnwrap(
            FileManager.default.contents(atPath: out.appendingPathComponent("data/campaigns.json").path))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["as_of"] as? String, "2023-07-01")
        let campaigns = try XCTUnwrap(json["campaigns"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: campaigns.map { ($0["id"] as? String ?? "", $0) })
        XCTAssertEqual(byID["half-tasks"]?["progress"] as? Double, 0.5)
        XCTAssertEqual(byID["half-tasks"]?["status"] as? String, "on_track")
        XCTAssertEqual(byID["half-milestones-late"]?["progress"] as? Double, 0.5)
        XCTAssertEqual(byID["half-milestones-late"]?["status"] as? String, "overdue")
        XCTAssertTrue(byID["ongoing-empty"]?["progress"] is NSNull)
        XCTAssertEqual(byID["ongoing-empty"]?["status"] as? String, "ongoing")
        XCTAssertEqual(byID["ongoing-empty"]?["ongoing"] as? Bool, true)
        XCTAssertEqual(byID["all-done"]?["progress"] as? Double, 1.0)
        XCTAssertEqual(byID["all-done"]?["status"] as? String, "done")
        XCTAssertEqual(byID["all-done"]?["deadline"] as? String, "2023-12-31")

        let page = Fixture.text(out, "campaigns/half-tasks/index.html")
        XCTAssertTrue(page.contains("任务过半行动推进会"), "the campaign page lists the news item naming it")
        XCTAssertTrue(page.contains("<progress max=\"100\" value=\"50\""))
        XCTAssertTrue(page.contains("剩余 122 天"))
        let index = Fixture.text(out, "campaigns/index.html")
        XCTAssertTrue(index.contains("专项攻坚") && index.contains("服务提升") && index.contains("宣传引导"))
        XCTAssertTrue(index.contains("逾期 1 天"))
        let csv = String(decoding: try XCTUnwrap(Fixture.tree(out)["data/campaigns.csv"]), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}编号,专项行动"))
        XCTAssertTrue(Fixture.text(out, "index.html").contains("专项行动进展"))
    }

    /// Dated metrics read as of the day: the page and campaigns.json show the value of the
    /// latest entry by D, a metric with none yet is left off the page and null in the data.
    func testMetricsAsOfTheDay() throws {
        let site = try Fixture.copy("campaigns")
        let file = site.appendingPathComponent("content/data/campaigns.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "    - {name: 丁村, street: 兴仁街道, done: 2023-07-02}\n",
            with: "    - {name: 丁村, street: 兴仁街道, done: 2023-07-02}\n  metrics:\n"
                + "    - {name: 治理村庄, unit: 个, target: 4, history: [{date: 2023-05-01, actual: 1}, {date: 2023-07-01, actual: 2}, {date: 2023-07-02, actual: 3}]}\n"
                + "    - {name: 后续指标, unit: 个, target: 9, history: [{date: 2023-08-01, actual: 5}]}\n")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, "\(diagnostics.all)")
        let out = site.appendingPathComponent("public")
        let page = Fixture.text(out, "campaigns/half-tasks/index.html")
        XCTAssertTrue(page.contains("完成 2个 / 目标 4个"), "as of 2023-07-01, not 3")
        XCTAssertFalse(page.contains("后续指标"))
        let json = Fixture.text(out, "data/campaigns.json")
        XCTAssertTrue(json.contains("\"name\": \"治理村庄\""), json)
        XCTAssertTrue(json.contains("\"actual\": 2"), json)
        XCTAssertTrue(json.contains("\"actual\": null"), json)
    }

    func testImpossibleDateExitsNamingFileAndLine() throws {
        let site = try Fixture.copy("campaigns")
        let file = site.appendingPathComponent("content/data/campaigns.yaml")
        try Fixture.text(site, "content/data/campaigns.yaml").replacingOccurrences(
            of: "deadline: 2023-10-31", with: "deadline: 2023-10-32"
        ).write(to: file, atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertEqual(
            diagnostics.all.filter { $0.severity == .error }.map(\.location),
            [SourceLocation(file: "content/data/campaigns.yaml", line: 5, column: 13)])
    }
}
