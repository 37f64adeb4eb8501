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

    func testTheFourDocumentedCases() {
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
            CampaignUpdate(date: d("2023-09-01"), html: TrustedHTML("a")),
            CampaignUpdate(date: d("2023-10-15"), html: TrustedHTML("b")),
        ]
        let derived = CampaignRules.derive(c, asOf: d("2023-10-01"))
        XCTAssertEqual(derived.daysLeft, 30)
        XCTAssertEqual(derived.updates.map(\.html.string), ["a"])
        XCTAssertEqual(CampaignRules.derive(c, asOf: d("2023-11-02")).daysLeft, -2)
    }

    /// A metric's value as of D is its latest history entry dated on or before D; before the
    /// first it is not shown; an undated `actual` is the same on every day.
    func testMetricValueAsOfTheDay() {
        let metric = Metric(
            name: "治理村庄", unit: "个", target: 34,
            history: [MetricValue(date: d("2023-06-30"), actual: 4), MetricValue(date: d("2023-09-30"), actual: 20)])
        XCTAssertNil(CampaignRules.value(metric, asOf: d("2023-06-29")))
        XCTAssertEqual(CampaignRules.value(metric, asOf: d("2023-06-30")), 4)
        XCTAssertEqual(CampaignRules.value(metric, asOf: d("2023-09-29")), 4)
        XCTAssertEqual(CampaignRules.value(metric, asOf: d("2023-12-31")), 20)
        XCTAssertEqual(CampaignRules.value(Metric(name: "旧写法", actual: 7), asOf: d("2020-01-01")), 7)
        var c = campaign()
        c.metrics = [metric]
        XCTAssertTrue(
            CampaignRules.derive(c, asOf: d("2023-05-31")).metrics.isEmpty, "not shown before its first value")
        XCTAssertEqual(CampaignRules.derive(c, asOf: d("2023-07-01")).metrics.map(\.actual), [4])
    }
}
