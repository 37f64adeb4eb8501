import Foundation
import XCTest

/// Narrowing the ledger (issue 18, item 1): a page per 类别, 街道, 科室, grade and ledger value,
/// made like /ledger/, linked from every ledger page without a script.
final class LedgerFacetTests: XCTestCase {
    func testEachValueHasItsPageWithOnlyItsRecords() throws {
        let out = try Fixture.built("figures")
        let complaints = Fixture.text(out, "ledger/by/category/投诉举报/index.html")
        XCTAssertTrue(complaints.contains("<h1>问题台账：投诉举报</h1>"))
        XCTAssertTrue(complaints.contains("<tr id=\"r-F1\">") && complaints.contains("<tr id=\"r-F4\">"))
        XCTAssertFalse(complaints.contains("<tr id=\"r-F2\">") || complaints.contains("<tr id=\"r-F3\">"))
        XCTAssertTrue(complaints.contains("aria-current=\"page\">投诉举报</a>"))
        let red = Fixture.text(out, "ledger/by/grade/红标/index.html")
        XCTAssertTrue(red.contains("<tr id=\"r-F4\">"))
        XCTAssertFalse(red.contains("<tr id=\"r-F1\">"))
        XCTAssertTrue(
            Fixture.text(out, "ledger/by/department/执法监测科/index.html").contains("<tr id=\"r-F2\">"))
        let all = Fixture.text(out, "ledger/index.html")
        XCTAssertTrue(all.contains("<a href=\"/hbj/ledger/\" aria-current=\"page\">全部</a>"), all)
        XCTAssertTrue(all.contains("<a href=\"/hbj/ledger/by/category/建议/\">建议</a>"))
        // One street among the records (兴仁街道): no street filter, a single value narrows nothing.
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("ledger/by/street").path))
    }
}
