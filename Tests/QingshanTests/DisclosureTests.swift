import Foundation
import QingshanCore
import XCTest

@testable import QingshanRender

/// The 信息公开 block of notices and bulletins (issue 18, item 6): 索引号, 发文机关, 成文日期, 文号,
/// 发布日期.
final class DisclosureTests: XCTestCase {
    func day(_ m: Int, _ d: Int, year: Int = 2023) -> Day { Day(year: year, month: m, day: d) ?? Day.today() }

    func testTheIndexNumberCountsTheYearsDocumentsInDateOrder() {
        let days = [day(4, 10), day(2, 1), day(12, 30, year: 2022), day(4, 10)]
        XCTAssertEqual(Disclosure.places(days), [2, 1, 1, 3])
        XCTAssertEqual(
            Disclosure.indexNumber(siteCode: "3704990001", kind: .notice, year: 2023, sequence: 12),
            "3704990001-01/2023-00012")
        XCTAssertEqual(Disclosure.indexNumber(siteCode: "", kind: .bulletin, year: 2023, sequence: 1), "02/2023-00001")
    }

    func testANoticeAndABulletinCarryTheBlock() throws {
        let out = try Fixture.built("campaigns")
        let notice = Fixture.text(out, "notices/tongzhi/index.html")
        XCTAssertTrue(notice.contains("<div><dt>索引号</dt><dd>3704990009-01/2023-00001</dd></div>"), notice)
        XCTAssertTrue(notice.contains("<div><dt>文号</dt><dd>枣高环〔2023〕4号</dd></div>"))
        XCTAssertTrue(notice.contains("<div><dt>成文日期</dt><dd>2023年4月10日</dd></div>"))
        let bulletins = try FileManager.default.contentsOfDirectory(
            atPath: out.appendingPathComponent("bulletins").path
        )
        .filter { $0.hasPrefix("2023-") }.sorted()
        let first = try XCTUnwrap(bulletins.first)
        XCTAssertTrue(
            Fixture.text(out, "bulletins/\(first)/index.html").contains("<dd>3704990009-02/2023-00001</dd>"), first)
        XCTAssertFalse(Fixture.text(out, "news/second/index.html").contains("class=\"disclosure\""), "news has none")
    }
}
