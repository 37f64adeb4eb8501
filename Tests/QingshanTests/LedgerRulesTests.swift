import QingshanCore
import XCTest

@testable import QingshanLedger

/// docs/RULES.md, Ledger, rule by rule, at every boundary.
final class LedgerRulesTests: XCTestCase {
    func d(_ s: String) -> Day { Day(iso: s)! }

    func record(
        _ id: String = "R1", received: String = "2023-03-01", deadline: String = "2023-03-31", status: Status = .todo,
        closed: String? = nil, repeatOf: String? = nil, rounds: [Round] = []
    ) -> LedgerRecord {
        LedgerRecord(
            id: id, received: d(received), channel: .hotline12345, category: .complaint, summary: "摘要",
            department: "执法监测科", deadline: d(deadline), status: status, closed: closed.map(d), repeatOf: repeatOf,
            rounds: rounds)
    }

    func round(_ handled: String, callback: String? = nil, _ satisfied: Bool? = nil) -> Round {
        Round(handled: d(handled), callback: callback.map(d), satisfied: satisfied)
    }

    func testGrades() {
        XCTAssertEqual(LedgerRules.grade(rounds: []), .pending)
        XCTAssertEqual(LedgerRules.grade(rounds: [round("2023-03-10")]), .pending)
        XCTAssertEqual(LedgerRules.grade(rounds: [round("2023-03-10", callback: "2023-03-12", true)]), .green)
        XCTAssertEqual(LedgerRules.grade(rounds: [round("2023-03-10", callback: "2023-03-12", false)]), .yellow)
        XCTAssertEqual(
            LedgerRules.grade(rounds: [
                round("2023-03-10", callback: "2023-03-12", false), round("2023-03-20", callback: "2023-03-22", false),
            ]), .red)
        XCTAssertEqual(
            LedgerRules.grade(rounds: [
                round("2023-03-10", callback: "2023-03-12", false), round("2023-03-20", callback: "2023-03-22", true),
            ]), .green)
        // The second round not called back yet: the latest callback is still the first one.
        XCTAssertEqual(
            LedgerRules.grade(rounds: [round("2023-03-10", callback: "2023-03-12", false), round("2023-03-20")]),
            .yellow)
    }

    func testFirstTimeSatisfied() {
        XCTAssertFalse(LedgerRules.firstTimeSatisfied(rounds: []))
        XCTAssertFalse(LedgerRules.firstTimeSatisfied(rounds: [round("2023-03-10")]))
        XCTAssertTrue(LedgerRules.firstTimeSatisfied(rounds: [round("2023-03-10", callback: "2023-03-11", true)]))
        XCTAssertFalse(
            LedgerRules.firstTimeSatisfied(rounds: [
                round("2023-03-10", callback: "2023-03-11", false), round("2023-03-20", callback: "2023-03-22", true),
            ]))
    }

    func testOverdueBoundary() {
        XCTAssertFalse(LedgerRules.overdue(status: .inProgress, deadline: d("2023-03-31"), asOf: d("2023-03-31")))
        XCTAssertTrue(LedgerRules.overdue(status: .inProgress, deadline: d("2023-03-31"), asOf: d("2023-04-01")))
        XCTAssertTrue(LedgerRules.overdue(status: .todo, deadline: d("2023-03-31"), asOf: d("2023-04-01")))
        XCTAssertFalse(LedgerRules.overdue(status: .handled, deadline: d("2023-03-31"), asOf: d("2023-04-01")))
        XCTAssertFalse(LedgerRules.overdue(status: .closed, deadline: d("2023-03-31"), asOf: d("2023-05-01")))
    }

    func testLateBoundary() {
        XCTAssertFalse(LedgerRules.late(closed: d("2023-03-31"), deadline: d("2023-03-31")))
        XCTAssertTrue(LedgerRules.late(closed: d("2023-04-01"), deadline: d("2023-03-31")))
        XCTAssertFalse(LedgerRules.late(closed: nil, deadline: d("2023-03-31")))
    }

    func testReadAsOfTheDay() {
        let r = record(
            status: .closed, closed: "2023-04-12",
            rounds: [
                round("2023-03-20", callback: "2023-03-28", false), round("2023-04-05", callback: "2023-04-10", true),
            ])
        // Before anything was handled: the record was open.
        var derived = LedgerRules.derive([r], asOf: d("2023-03-19"))[0]
        XCTAssertEqual(derived.status, .inProgress)
        XCTAssertEqual(derived.grade, .pending)
        XCTAssertNil(derived.closed)
        // Handled, callback after D: 已办结, pending.
        derived = LedgerRules.derive([r], asOf: d("2023-03-27"))[0]
        XCTAssertEqual(derived.status, .handled)
        XCTAssertEqual(derived.grade, .pending)
        XCTAssertEqual(derived.rounds.first?.callback, nil)
        // First callback unsatisfied: yellow and supervised.
        derived = LedgerRules.derive([r], asOf: d("2023-03-28"))[0]
        XCTAssertEqual(derived.grade, .yellow)
        XCTAssertTrue(derived.supervised)
        // Closed after D: 已办结 on the day before closing, green after the second callback.
        derived = LedgerRules.derive([r], asOf: d("2023-04-11"))[0]
        XCTAssertEqual(derived.status, .handled)
        XCTAssertEqual(derived.grade, .green)
        XCTAssertFalse(derived.supervised)
        XCTAssertFalse(derived.firstTimeSatisfied)
        // Closed on D.
        derived = LedgerRules.derive([r], asOf: d("2023-04-12"))[0]
        XCTAssertEqual(derived.status, .closed)
        XCTAssertEqual(derived.closed, d("2023-04-12"))
        XCTAssertTrue(derived.late)
    }

    func testTodoStaysTodoAndRecordsAfterDAreLeftOut() {
        let records = [record("A", received: "2023-03-01", status: .todo), record("B", received: "2023-04-02")]
        let derived = LedgerRules.derive(records, asOf: d("2023-04-01"))
        XCTAssertEqual(derived.map(\.id), ["A"])
        XCTAssertEqual(derived[0].status, .todo)
        XCTAssertTrue(derived[0].overdue)
        XCTAssertTrue(derived[0].supervised)
    }

    func testRepeatAndRebound() {
        let earlier = record(
            "E", received: "2023-03-01", status: .closed, closed: "2023-03-20",
            rounds: [round("2023-03-10", callback: "2023-03-15", true)])
        let reboundCase = record("L", received: "2023-04-01", deadline: "2023-05-01", repeatOf: "E")
        let openEarlier = record("O", received: "2023-03-05", deadline: "2023-05-01", status: .inProgress)
        let repeatOfOpen = record("P", received: "2023-03-08", deadline: "2023-05-01", repeatOf: "O")
        let derived = Dictionary(
            uniqueKeysWithValues: LedgerRules.derive(
                [earlier, reboundCase, openEarlier, repeatOfOpen], asOf: d("2023-04-15")
            )
            .map { ($0.id, $0) })
        XCTAssertEqual(derived["L"]?.rebound, true)
        XCTAssertEqual(derived["L"]?.supervised, true)
        XCTAssertEqual(derived["E"]?.supervised, true, "named by a later repeat")
        XCTAssertEqual(derived["P"]?.rebound, false, "the earlier record was never closed")
        XCTAssertEqual(derived["O"]?.supervised, true)
        // As of a day before the repeat came in, the earlier record is not a repeat yet.
        let before = LedgerRules.derive([earlier, reboundCase], asOf: d("2023-03-31"))
        XCTAssertEqual(before.map(\.supervised), [false])
    }

    func testReboundNeedsClosureBeforeTheRepeat() {
        let earlier = record(
            "E", received: "2023-03-01", status: .closed, closed: "2023-04-01",
            rounds: [round("2023-03-10", callback: "2023-03-15", true)])
        let sameDay = record("L", received: "2023-04-01", deadline: "2023-05-01", repeatOf: "E")
        XCTAssertEqual(LedgerRules.derive([earlier, sameDay], asOf: d("2023-04-15")).map(\.rebound), [false, false])
    }

    func testStatsAndRates() {
        let records = [
            record(
                "A", status: .closed, closed: "2023-03-20", rounds: [round("2023-03-10", callback: "2023-03-12", true)]),
            record("B", status: .inProgress, rounds: [round("2023-03-10", callback: "2023-03-12", false)]),
            record("C", status: .todo),
        ]
        let stats = LedgerStats(LedgerRules.derive(records, asOf: d("2023-04-15")))
        XCTAssertEqual(stats.total, 3)
        XCTAssertEqual(stats.byGrade, [.green: 1, .yellow: 1, .pending: 1])
        XCTAssertEqual(stats.byStatus, [.closed: 1, .inProgress: 1, .todo: 1])
        XCTAssertEqual(stats.overdue, 2)
        XCTAssertEqual(stats.supervised, 2)
        XCTAssertEqual(stats.firstTimeSatisfactionRate, 0.5)
        XCTAssertEqual(stats.satisfactionRate, 0.5)
    }

    func testMonthlyFiguresAtTheMonthBoundary() {
        let r = record(
            received: "2023-03-31", deadline: "2023-04-15", status: .closed, closed: "2023-04-01",
            rounds: [round("2023-03-31", callback: "2023-04-01", true)])
        let march = LedgerMonth(month: Month(iso: "2023-03")!, records: [r], asOf: d("2023-12-31"))
        XCTAssertEqual(march.asOf, d("2023-03-31"))
        XCTAssertEqual(march.received.count, 1)
        XCTAssertEqual(march.closedInMonth, 0)
        XCTAssertEqual(march.handledInMonth, 1)
        XCTAssertEqual(march.callbacksInMonth, 0)
        XCTAssertEqual(march.openAtEnd, 0, "handled on the 31st: 已办结")
        let april = LedgerMonth(month: Month(iso: "2023-04")!, records: [r], asOf: d("2023-04-01"))
        XCTAssertEqual(april.asOf, d("2023-04-01"), "the current month is read as of D")
        XCTAssertEqual(april.received.count, 0)
        XCTAssertEqual(april.closedInMonth, 1)
        XCTAssertEqual(april.callbacksInMonth, 1)
        XCTAssertEqual(
            LedgerMonth.activeMonths([r], asOf: d("2023-12-31")).map(\.iso), ["2023-03", "2023-04"])
        XCTAssertEqual(LedgerMonth.activeMonths([r], asOf: d("2023-03-31")).map(\.iso), ["2023-03"])
    }
}
