import Foundation
import XCTest

@testable import QingshanSearch

/// What the search reaches (issue 18): ledger records by id and text, found in their row; the
/// data pages under the words readers use (`SearchSynonyms`); never the search page itself.
final class SearchReachTests: XCTestCase {
    /// The pages `term` leads to in the built `figures` fixture's index.
    func index() throws -> (String) -> [String] {
        let (pages, docs, _) = try Fixture.search(try Fixture.built("figures"))
        XCTAssertFalse(docs.contains { ($0[0] as? String) == "/hbj/search/" }, "the search page is not a result")
        return pages
    }

    func testALedgerRecordIsFoundByItsIdTextAndResult() throws {
        let documents = try index()
        XCTAssertEqual(documents("f3"), ["/hbj/ledger/#r-F3"])
        XCTAssertTrue(documents("标识").contains("/hbj/ledger/#r-F3"), "its summary")
        XCTAssertTrue(documents("停工").contains("/hbj/ledger/#r-F1"), "its result")
    }

    func testTheLedgerTableShowsTheResultAndTheRowTheSearchLinksTo() throws {
        let page = Fixture.text(try Fixture.built("figures"), "ledger/index.html")
        XCTAssertTrue(page.contains("<tr id=\"r-F3\"><td class=\"nowrap\">F3</td>"), page)
        XCTAssertTrue(page.contains("<td>已停工整改</td>"), "the result is on the page")
        XCTAssertTrue(page.contains("<form class=\"record-lookup\" role=\"search\" action=\"/hbj/search/\""))
    }

    func testDataPagesAnswerTheWordsReadersUse() throws {
        let documents = try index()
        XCTAssertTrue(documents("aqi").contains("/hbj/data/air/"))
        XCTAssertTrue(documents("pm2").contains("/hbj/data/air/") || documents("pm2.5").contains("/hbj/data/air/"))
        XCTAssertTrue(documents("水质").contains("/hbj/data/water/"))
    }

    func testTheSynonymTable() {
        XCTAssertEqual(SearchSynonyms.expansion(of: ["声环境"]), "噪声 噪音 声环境")
        XCTAssertEqual(SearchSynonyms.expansion(of: ["机构职能"]), "")
    }
}
