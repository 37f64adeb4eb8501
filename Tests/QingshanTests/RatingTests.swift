import Foundation
import QingshanCore
import QingshanLoad
import QingshanRatings
import XCTest

/// The plan's target (docs/RULES.md, Ratings): “在全省136个县（市、区）中排名不低于前70位”;
/// content/data/ratings.csv, /ratings/, /data/ratings.json and .csv, the home page, the
/// bulletins and the fact sheets' ledger panel.
final class RatingTests: XCTestCase {
    func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d) ?? Day.today() }

    func rating(_ date: Day, _ period: String, rank: Int) -> SatisfactionRating {
        SatisfactionRating(date: date, period: period, score: nil, rank: rank, total: 136)
    }

    func testThePlansTarget() {
        // 前70位: the 70th place meets it, the 71st does not.
        XCTAssertTrue(RatingRules.meets(rating(day(2023, 10, 20), "2023-Q3", rank: 70), target: 70))
        XCTAssertTrue(RatingRules.meets(rating(day(2023, 10, 20), "2023-Q3", rank: 1), target: 70))
        XCTAssertFalse(RatingRules.meets(rating(day(2023, 10, 20), "2023-Q3", rank: 71), target: 70))
    }

    func testTheLatestResultAsOfADay() {
        let ratings = [
            rating(day(2023, 7, 20), "2023-Q2", rank: 79), rating(day(2023, 4, 20), "2023-Q1", rank: 88),
        ]
        XCTAssertNil(RatingRules.latest(ratings, asOf: day(2023, 4, 19)))
        XCTAssertEqual(RatingRules.latest(ratings, asOf: day(2023, 4, 20))?.rank, 88)
        XCTAssertEqual(RatingRules.latest(ratings, asOf: day(2023, 7, 19))?.rank, 88)
        XCTAssertEqual(RatingRules.latest(ratings, asOf: day(2023, 12, 31))?.rank, 79)
        XCTAssertEqual(RatingRules.published(ratings, asOf: day(2023, 12, 31)).map(\.period), ["2023-Q1", "2023-Q2"])
    }

    func errors(_ text: String) throws -> [Diagnostic] {
        let root = Fixture.temporaryFolder("qingshan-ratings")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/data"), withIntermediateDirectories: true)
        try text.write(to: root.appendingPathComponent("content/data/ratings.csv"), atomically: true, encoding: .utf8)
        let diagnostics = Diagnostics()
        _ = RatingLoader(siteRoot: root.path).load(diagnostics: diagnostics)
        return diagnostics.all.filter { $0.severity == .error }
    }

    func testChineseHeadersAndAnEmptyScore() throws {
        XCTAssertEqual(try errors("\u{FEFF}日期,期次,得分,排名,参评总数\r\n2023-04-20,2023-Q1,,88,136\r\n"), [])
    }

    func testEveryBadCellIsAnErrorAtItsPlace() throws {
        let found = try errors(
            "date,period,score,rank,total\n"
                + "2023-02-30,2022-Q4,80,97,136\n"  // no such day
                + "2023-04-20,2023-Q1,101,88,136\n"  // score above 100
                + "2023-07-20,2023-Q2,88,137,136\n"  // rank beyond the total
                + "2023-10-20,2023-Q3,90,6.5,136\n"  // rank not whole
                + "2023-10-21,2023-Q3,90,66,136\n")  // period given twice
        let file = "content/data/ratings.csv"
        XCTAssertEqual(
            found.map(\.location),
            [
                SourceLocation(file: file, line: 2, column: 1), SourceLocation(file: file, line: 3, column: 3),
                SourceLocation(file: file, line: 4, column: 4), SourceLocation(file: file, line: 5, column: 4),
                SourceLocation(file: file, line: 6),
            ])
    }

    func testAMissingColumn() throws {
        let found = try errors("date,period,score\n2023-04-20,2023-Q1,86.4\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("rank"), found[0].message)
    }

    func testATargetThatIsNotAPlace() {
        let diagnostics = Diagnostics()
        let config = SiteConfigLoader.parse(
            "title: 甲\nbase_url: https://example.gov.cn/\ntargets: {rank: 前70}\n", diagnostics: diagnostics)
        XCTAssertNil(config?.targetRank)
        let errors = diagnostics.all.filter { $0.severity == .error && $0.message.contains("targets.rank") }
        XCTAssertEqual(errors.map(\.location.line), [3])
    }

    /// The `figures` fixture: 2022-Q4 (97th, published 2023-01-20) and 2023-Q1 (88th, 4-20),
    /// target 70, built as of 2023-04-30.
    func testABuildPublishesTheResultsBesideTheTarget() throws {
        let out = try Fixture.built("figures")
        let page = Fixture.text(out, "ratings/index.html")
        XCTAssertTrue(page.contains("全区在136个县（市、区）中位列第88位，距前70位的目标还差18位。"), page)
        XCTAssertTrue(page.contains("<desc id=\"ratings-d\">2022-Q4第97位，2023-Q1第88位；目标为前70位</desc>"))
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(Fixture.text(out, "data/ratings.json").utf8)) as? [String: Any])
        XCTAssertEqual(json["as_of"] as? String, "2023-04-30")
        XCTAssertEqual(json["target"] as? Int, 70)
        let results = try XCTUnwrap(json["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["rank"] as? Int }, [97, 88])
        XCTAssertEqual(results.map { $0["meets_target"] as? Bool }, [false, false])
        XCTAssertEqual(results.last?["score"] as? Double, 86.4)
        XCTAssertTrue(Fixture.text(out, "data/ratings.csv").hasPrefix("\u{FEFF}日期,期次,得分,排名,参评总数,达到目标"))
        let home = Fixture.text(out, "index.html")
        XCTAssertTrue(home.contains("满意度测评排名（2023-Q1）"), home)
        XCTAssertTrue(home.contains("目标前70位 · 尚未达到"))
        // The fact sheet is taken at 3-31: the 2023-Q1 result was not out yet.
        let sheet = Fixture.text(out, "press/sheet/index.html")
        XCTAssertTrue(sheet.contains("最新一期2022-Q4测评（2023年1月20日公布）：全区在136个县（市、区）中位列第97位"), sheet)
        // The March bulletin reports the rank published by its month's end, the April one the new one.
        XCTAssertTrue(Fixture.text(out, "bulletins/2023-03/index.html").contains("中位列第97位"))
        XCTAssertTrue(Fixture.text(out, "bulletins/2023-04/index.html").contains("中位列第88位"))
    }
}
