import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanLoad
import QingshanMarkdown
import QingshanModel
import XCTest

/// docs/RULES.md, Campaigns: progress and status at every boundary.
final class CampaignRulesTests: XCTestCase {
    func d(_ s: String) -> Day { Day(iso: s)! }

    func campaign(
        deadline: String? = "2023-10-31", ongoing: Bool = false, tasks: [String?] = [], milestones: [String?] = []
    ) -> Campaign {
        Campaign(
            id: "c", title: "行动", group: .special, deadline: deadline.map(d), ongoing: ongoing,
            milestones: milestones.map { Milestone(title: "节点", done: $0.map(d)) },
            tasks: tasks.map { CampaignTask(name: "任务", done: $0.map(d)) })
    }

    func check(_ c: Campaign, _ asOf: String, _ progress: Double?, _ status: CampaignStatus, line: UInt = #line) {
        let derived = CampaignRules.derive(c, asOf: d(asOf))
        XCTAssertEqual(derived.progress, progress, line: line)
        XCTAssertEqual(derived.status, status, line: line)
    }

    func testTheFourContractCases() {
        check(campaign(tasks: ["2023-06-01", nil, "2023-07-01", nil]), "2023-09-30", 0.5, .onTrack)
        check(campaign(deadline: "2023-08-31", milestones: ["2023-05-01", nil]), "2023-09-30", 0.5, .overdue)
        check(campaign(deadline: nil, ongoing: true), "2023-09-30", nil, .ongoing)
        check(campaign(milestones: ["2023-05-01", "2023-06-01"]), "2023-09-30", 1.0, .done)
    }

    func testBoundaries() {
        // Done on D counts; done after D does not.
        check(campaign(tasks: ["2023-09-30"]), "2023-09-30", 1.0, .done)
        check(campaign(tasks: ["2023-10-01"]), "2023-09-30", 0.0, .onTrack)
        // Deadline = D is still on track; the day after is overdue.
        check(campaign(deadline: "2023-09-30", tasks: [nil]), "2023-09-30", 0.0, .onTrack)
        check(campaign(deadline: "2023-09-30", tasks: [nil]), "2023-10-01", 0.0, .overdue)
        // No tasks, no milestones: no progress.
        check(campaign(), "2023-09-30", nil, .onTrack)
        check(campaign(deadline: "2023-08-31"), "2023-09-30", nil, .overdue)
        // Tasks win over milestones.
        check(campaign(tasks: [nil, nil], milestones: ["2023-05-01"]), "2023-09-30", 0.0, .onTrack)
        // 长期坚持 stays ongoing even when its milestones are all done.
        check(campaign(deadline: nil, ongoing: true, tasks: ["2023-05-01"]), "2023-09-30", 1.0, .ongoing)
    }

    func testDaysLeftAndUpdatesAsOfD() {
        var c = campaign(deadline: "2023-10-31")
        c.updates = [
            CampaignUpdate(date: d("2023-09-01"), html: "a"), CampaignUpdate(date: d("2023-10-15"), html: "b"),
        ]
        let derived = CampaignRules.derive(c, asOf: d("2023-10-01"))
        XCTAssertEqual(derived.daysLeft, 30)
        XCTAssertEqual(derived.updates.map(\.html), ["a"])
        XCTAssertEqual(CampaignRules.derive(c, asOf: d("2023-11-02")).daysLeft, -2)
    }
}

/// Each validation error of campaigns.yaml, with its line.
final class CampaignLoaderTests: XCTestCase {
    func errors(_ yaml: String) -> [Diagnostic] {
        let diagnostics = Diagnostics()
        _ = CampaignLoader(
            siteRoot: "/nonexistent", organization: Organization(departments: ["综合科"], streets: ["兴仁街道"]),
            renderer: MarkdownRenderer()
        ).parse(yaml, diagnostics: diagnostics)
        return diagnostics.all.filter { $0.severity == .error }
    }

    let ok = "- id: a\n  title: 甲\n  group: 专项攻坚\n  departments: [综合科]\n  deadline: 2023-10-31\n"

    func testValidCampaignHasNoErrors() {
        XCTAssertEqual(errors(ok), [])
    }

    func testDuplicateID() {
        let found = errors(ok + ok)
        XCTAssertEqual(found.map(\.location.line), [6])
        XCTAssertTrue(found[0].message.contains(":1:3"))
    }

    func testUnknownGroupAndDepartment() {
        XCTAssertEqual(errors("- id: a\n  title: 甲\n  group: 攻坚\n  ongoing: true\n").map(\.location.line), [3])
        XCTAssertEqual(
            errors("- id: a\n  title: 甲\n  group: 服务提升\n  departments: [宣传科]\n  ongoing: true\n").map(\.location.line),
            [4])
    }

    func testImpossibleDates() {
        XCTAssertEqual(errors("- id: a\n  title: 甲\n  group: 专项攻坚\n  deadline: 2023-11-31\n").map(\.location.line), [4])
        XCTAssertEqual(
            errors(ok + "  milestones: [{title: 排查, done: 2023-02-30}]\n").map(\.location.line), [6])
    }

    func testDeadlineOrOngoing() {
        XCTAssertEqual(errors("- id: a\n  title: 甲\n  group: 宣传引导\n").map(\.location.line), [1])
        XCTAssertEqual(errors(ok + "  ongoing: true\n").map(\.location.line), [6])
    }

    func testTaskAndMilestoneNeedNames() {
        XCTAssertEqual(errors(ok + "  tasks: [{street: 兴仁街道}]\n").map(\.location.line), [6])
        XCTAssertEqual(errors(ok + "  milestones:\n    - due: 2023-05-01\n").map(\.location.line), [7])
        XCTAssertEqual(errors(ok + "  tasks: [{name: 村, street: 月亮街道}]\n").map(\.location.line), [6])
    }

    /// Streets and departments are checked as the ledger checks them, with site.yaml's names.
    func testUnknownStreetsAndDepartmentsNameTheKnownOnes() {
        let street = errors(ok + "  tasks: [{name: 村, street: 月亮街道}]\n")
        XCTAssertEqual(street.map(\.message), ["未知街道“月亮街道”"])
        XCTAssertEqual(street.first?.hint, "site.yaml 中的街道：兴仁街道")
        let department = errors(ok.replacingOccurrences(of: "[综合科]", with: "[综合科, 宣传科]"))
        XCTAssertEqual(department.map(\.message), ["未知责任科室“宣传科”"])
        XCTAssertEqual(department.first?.hint, "site.yaml 中的科室：综合科")
    }
}

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
