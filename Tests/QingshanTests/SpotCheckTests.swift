import Foundation
import QingshanBuild
import QingshanCore
import QingshanLoad
import QingshanStarter
import XCTest

@testable import QingshanLedger

/// 季度抽查 (季督导): size, the pool (handled or closed in the quarter), the spread over the
/// departments, reproducibility, the frozen file and its results.
final class SpotCheckTests: XCTestCase {
    func records(_ closures: [String]) -> [LedgerRecord] {
        closures.enumerated().map { i, closed in
            LedgerRecord(
                id: String(format: "R%03d", i), received: Day(iso: "2023-01-01")!, channel: .hotline12345,
                category: .complaint, summary: "x", department: "综合科", deadline: Day(iso: "2023-12-31")!,
                status: .closed, closed: Day(iso: closed))
        }
    }

    func testSize() {
        XCTAssertEqual(SpotCheck.size(of: 0), 0)
        XCTAssertEqual(SpotCheck.size(of: 3), 3, "all when fewer than 5")
        XCTAssertEqual(SpotCheck.size(of: 5), 5)
        XCTAssertEqual(SpotCheck.size(of: 24), 5)
        XCTAssertEqual(SpotCheck.size(of: 26), 6, "20 % rounded up")
        XCTAssertEqual(SpotCheck.size(of: 31), 7)
        XCTAssertEqual(SpotCheck.size(of: 100), 20)
    }

    func testOnlyTheQuarterAndReproducible() {
        let all = records(
            (1...30).map { String(format: "2023-%02d-15", ($0 % 3) + 4) } + ["2023-03-31", "2023-07-01", "2023-06-30"])
        let q2 = Quarter(year: 2023, quarter: 2)!
        let sample = SpotCheck.sample(q2, all, asOf: Day(iso: "2023-12-31")!)
        XCTAssertEqual(sample.count, 7, "31 closures in Q2 → 7")
        XCTAssertTrue(sample.allSatisfy { q2.contains($0.closed!) })
        XCTAssertEqual(sample.map(\.id), SpotCheck.sample(q2, all.reversed(), asOf: Day(iso: "2023-12-31")!).map(\.id))
        let q3 = SpotCheck.sample(Quarter(year: 2023, quarter: 3)!, all, asOf: Day(iso: "2023-12-31")!)
        XCTAssertEqual(q3.map(\.id), ["R031"])
        // Closures after the as-of day are not in the pool.
        XCTAssertEqual(SpotCheck.pool(q2, all, asOf: Day(iso: "2023-06-29")!).count, 30)
    }

    /// A record handled in the quarter is in its pool even before it is 销号.
    func testThePoolHoldsHandledRecordsToo() {
        let handled = LedgerRecord(
            id: "H", received: Day(iso: "2023-09-01")!, channel: .hotline12345, category: .complaint, summary: "x",
            department: "综合科", deadline: Day(iso: "2023-12-31")!, status: .handled,
            rounds: [Round(handled: Day(iso: "2023-10-02")!)])
        let q4 = Quarter(year: 2023, quarter: 4)!
        XCTAssertEqual(SpotCheck.pool(q4, [handled], asOf: Day(iso: "2023-12-31")!).map(\.id), ["H"])
        XCTAssertEqual(SpotCheck.pool(q4, [handled], asOf: Day(iso: "2023-10-01")!).map(\.id), [])
        XCTAssertEqual(SpotCheck.quarters([handled], asOf: Day(iso: "2023-12-31")!), [q4])
    }

    /// One record of each department while the size allows, the rest in proportion.
    func testTheSampleIsSpreadOverTheDepartments() {
        // 1 each, then 7 in proportion to 39 : 4 : 4 (5.8, 0.6, 0.6): 甲 6 + 1, and the last
        // place to the equal remainders' first by name (丙 U+4E19 before 乙 U+4E59).
        XCTAssertEqual(
            SpotCheck.quotas([("甲", 40), ("乙", 5), ("丙", 5)], total: 10), ["甲": 7, "乙": 1, "丙": 2])
        XCTAssertEqual(SpotCheck.quotas([("甲", 3), ("乙", 1), ("丙", 1)], total: 5), ["甲": 3, "乙": 1, "丙": 1])
        // Fewer places than departments: the larger departments first.
        XCTAssertEqual(
            SpotCheck.quotas([("甲", 1), ("乙", 3), ("丙", 2), ("丁", 2), ("戊", 2), ("己", 2)], total: 5).values.reduce(
                0, +),
            5)
        var all = records((1...40).map { _ in "2023-05-10" })
        for i in 0..<5 { all[i].department = "执法监测科" }
        let sample = SpotCheck.sample(Quarter(year: 2023, quarter: 2)!, all, asOf: Day(iso: "2023-12-31")!)
        XCTAssertEqual(sample.count, 8)
        // 1 each, then 6 in proportion to 34 : 4 (5.4, 0.6): the remainder to 执法监测科.
        XCTAssertEqual(sample.filter { $0.department == "执法监测科" }.count, 2)
    }

    /// A result is the callback of the latest round when it has none, else a recheck.
    func testResultsAreCallbacksOrRechecks() {
        var open = records(["2023-05-10"])[0]
        open.id = "O"
        open.status = .handled
        open.closed = nil
        open.rounds = [Round(handled: Day(iso: "2023-05-01")!)]
        var closed = records(["2023-05-10"])[0]
        closed.id = "C"
        closed.rounds = [Round(handled: Day(iso: "2023-05-01")!, callback: Day(iso: "2023-05-03")!, satisfied: true)]
        let file = SpotCheckFile(
            quarter: Quarter(year: 2023, quarter: 2)!,
            entries: [
                SpotCheckEntry(id: "O", callback: Day(iso: "2023-06-20")!, satisfied: false),
                SpotCheckEntry(id: "C", callback: Day(iso: "2023-06-21")!, satisfied: false, note: "反弹"),
                SpotCheckEntry(id: "C"),
            ])
        let applied = SpotCheck.apply([file], to: [open, closed])
        XCTAssertEqual(applied[0].rounds.last?.callback, Day(iso: "2023-06-20"))
        XCTAssertEqual(applied[0].rounds.last?.satisfied, false)
        XCTAssertEqual(applied[0].rechecks, [])
        XCTAssertEqual(applied[1].rechecks, [Recheck(date: Day(iso: "2023-06-21")!, satisfied: false, note: "反弹")])
        let derived = LedgerRules.derive(applied, asOf: Day(iso: "2023-12-31")!)
        XCTAssertEqual(derived[0].grade, .yellow)
        XCTAssertTrue(derived[1].rebound)
        XCTAssertEqual(derived[1].grade, .green, "a recheck never changes the grade")
    }

    /// `qingshan spotcheck draw` writes the sample once, blank results, and refuses to
    /// overwrite; the file reads back as drawn.
    func testDrawFreezesTheSample() throws {
        let site = try Fixture.copy("ledger")
        let q2 = Quarter(year: 2023, quarter: 2)!
        let diagnostics = Diagnostics()
        let drawn = try XCTUnwrap(
            try SpotCheckDraw.draw(
                siteRoot: site.path, quarter: q2, asOf: nil, today: Day(iso: "2023-07-02")!, diagnostics: diagnostics))
        XCTAssertEqual(diagnostics.all, [])
        XCTAssertEqual(drawn.path, "content/data/spotcheck/2023-Q2.yaml")
        let text = Fixture.text(site, drawn.path)
        XCTAssertTrue(text.contains("- id: L05\n  callback:\n  satisfied:\n  note:\n"), text)
        XCTAssertThrowsError(
            try SpotCheckDraw.draw(
                siteRoot: site.path, quarter: q2, asOf: nil, today: Day(iso: "2023-07-02")!, diagnostics: diagnostics))
        XCTAssertEqual(Fixture.text(site, drawn.path), text, "not overwritten")
        let read = SpotCheckLoader.parse(text, file: drawn.path, diagnostics: diagnostics)
        XCTAssertEqual(read.map(\.id), drawn.sample.map(\.id))
        XCTAssertTrue(read.allSatisfy { $0.callback == nil && $0.satisfied == nil && $0.note.isEmpty })
        XCTAssertEqual(diagnostics.all, [])
        XCTAssertThrowsError(
            try SpotCheckDraw.draw(
                siteRoot: site.path, quarter: Quarter(year: 2023, quarter: 4)!, asOf: nil,
                today: Day(iso: "2023-07-02")!, diagnostics: diagnostics), "a quarter after the as-of day")
    }

    /// Each problem of a spot-check file is an error at its line.
    func testSpotCheckFileErrors() throws {
        let diagnostics = Diagnostics()
        let entries = SpotCheckLoader.parse(
            """
            - id: A
              callback: 2023-06-20
            - id: B
              satisfied: true
            - id: A
            - id: C
              callback: 2023-13-01
              satisfied: true
            """, file: "content/data/spotcheck/2023-Q2.yaml", diagnostics: diagnostics)
        XCTAssertEqual(entries.map(\.id), ["A", "B", "A", "C"])
        XCTAssertEqual(diagnostics.all.filter { $0.severity == .error }.map(\.location.line), [2, 4, 5, 7])
        let records = [records(["2023-05-10"])[0]]
        let check = Diagnostics()
        SpotCheckLoader.check(
            [SpotCheckFile(quarter: Quarter(year: 2023, quarter: 2)!, entries: [SpotCheckEntry(id: "X")])],
            records: records, diagnostics: check)
        XCTAssertEqual(check.all.map(\.message), ["台账中没有编号为 X 的记录"])
    }

    /// A hostile spot-check folder: a file not named for a quarter, a file that is not a list,
    /// an entry for no record. Each is an error at its file; nothing is published.
    func testBadSpotCheckFilesStopTheBuild() throws {
        let site = try Fixture.copy("ledger")
        let folder = site.appendingPathComponent("content/data/spotcheck")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "- id: L05\n".write(to: folder.appendingPathComponent("Q2.yaml"), atomically: true, encoding: .utf8)
        try "id: L05\n".write(to: folder.appendingPathComponent("2023-Q2.yaml"), atomically: true, encoding: .utf8)
        try "- id: <script>\n  callback: 2023-07-01\n  satisfied: true\n".write(
            to: folder.appendingPathComponent("2023-Q3.yaml"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        let errors = diagnostics.all.filter { $0.severity == .error }
        XCTAssertEqual(
            errors.map(\.location.file),
            [
                "content/data/spotcheck/2023-Q2.yaml", "content/data/spotcheck/2023-Q3.yaml",
                "content/data/spotcheck/Q2.yaml",
            ])
        XCTAssertEqual(errors[1].location.line, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }
}
