import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanLoad
import QingshanMarkdown
import QingshanModel
import XCTest

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

    /// Dated metric values: in order, each with a date and a number; `actual` beside `history` is
    /// an error; an undated `actual` alone is a warning.
    func testMetricHistory() {
        let head = ok + "  metrics:\n    - name: 排查企业\n      target: 120\n"
        XCTAssertEqual(
            errors(head + "      history: [{date: 2023-05-31, actual: 40}, {date: 2023-06-30, actual: 87}]\n"), [])
        XCTAssertEqual(
            errors(head + "      history: [{date: 2023-06-30, actual: 87}, {date: 2023-05-31, actual: 40}]\n")
                .map(\.location.line), [9], "out of order")
        XCTAssertEqual(errors(head + "      history: [{actual: 40}]\n").map(\.location.line), [9], "no date")
        XCTAssertEqual(
            errors(head + "      history: [{date: 2023-05-31, actual: -1}]\n").map(\.location.line), [9], "negative")
        XCTAssertEqual(
            errors(head + "      actual: 87\n      history: [{date: 2023-05-31, actual: 40}]\n").map(\.location.line),
            [9])
        let diagnostics = Diagnostics()
        _ = CampaignLoader(
            siteRoot: "/nonexistent", organization: Organization(departments: ["综合科"], streets: ["兴仁街道"]),
            renderer: MarkdownRenderer()
        ).parse(head + "      actual: 87\n", diagnostics: diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.severity), [.warning])
        XCTAssertEqual(diagnostics.all.map(\.location.line), [9])
    }
}
