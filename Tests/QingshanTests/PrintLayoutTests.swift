import Foundation
import QingshanCore
import XCTest

@testable import QingshanRender

/// Paper (issue 18, item 4): a poster's headline breaks between phrases, never inside a word;
/// a bulletin's 督办 table keeps to seven columns with a wide summary.
final class PrintLayoutTests: XCTestCase {
    func envday(_ theme: String) -> EnvDayView {
        EnvDayView(
            year: 2023, title: "", theme: theme, html: .empty, materials: [], posterHref: "", years: [], figures: [],
            host: "")
    }

    func testAPosterHeadlineBreaksBetweenPhrases() {
        XCTAssertEqual(envday("建设人与自然和谐共生的现代化").themePhrases, ["建设人与自然和谐共生的", "现代化"])
        XCTAssertEqual(envday("美丽中国，我是行动者").themePhrases, ["美丽中国，", "我是行动者"])
        XCTAssertEqual(envday("人与自然和谐共生").themePhrases, ["人与自然和谐共生"], "short: one phrase")
        XCTAssertEqual(envday("").themePhrases, [])
    }

    func testTheBulletinsSupervisionTableKeepsItsSummaryWide() throws {
        let out = try Fixture.built("ledger")
        let bulletin = Fixture.text(out, "bulletins/2023-06/index.html")
        XCTAssertTrue(
            bulletin.contains(
                "<th scope=\"col\">编号</th><th scope=\"col\">问题摘要</th><th scope=\"col\">责任科室</th>"), bulletin)
        XCTAssertTrue(bulletin.contains("<td class=\"wide\">某工地扬尘（4月1日受理）</td>"), bulletin)
    }
}
