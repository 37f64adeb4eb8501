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

    // The plan 三（二）: “对于一次办理满意的标记绿标，对一次办结不满意的标记黄标，对两次及以上办理仍不满
    // 意的标记红标”. The grade counts the unsatisfied callbacks and never improves.
    func testGradesCountTheUnsatisfiedCallbacks() {
        XCTAssertEqual(LedgerRules.grade(rounds: []), .pending)
        XCTAssertEqual(LedgerRules.grade(rounds: [round("2023-03-10")]), .pending, "handled, not called back")
        // 一次办理满意: green.
        XCTAssertEqual(LedgerRules.grade(rounds: [round("2023-03-10", callback: "2023-03-12", true)]), .green)
        // 一次办结不满意: yellow.
        XCTAssertEqual(LedgerRules.grade(rounds: [round("2023-03-10", callback: "2023-03-12", false)]), .yellow)
        // Satisfied at the second handling: still yellow (it was unsatisfied once).
        XCTAssertEqual(
            LedgerRules.grade(rounds: [
                round("2023-03-10", callback: "2023-03-12", false), round("2023-03-20", callback: "2023-03-22", true),
            ]), .yellow)
        // 两次及以上办理仍不满意: red, and red after a third, satisfied handling too.
        let twice = [
            round("2023-03-10", callback: "2023-03-12", false), round("2023-03-20", callback: "2023-03-22", false),
        ]
        XCTAssertEqual(LedgerRules.grade(rounds: twice), .red)
        XCTAssertEqual(LedgerRules.grade(rounds: twice + [round("2023-03-30", callback: "2023-04-02", true)]), .red)
        // The second round not called back yet.
        XCTAssertEqual(
            LedgerRules.grade(rounds: [round("2023-03-10", callback: "2023-03-12", false), round("2023-03-20")]),
            .yellow)
    }

    func testSatisfiedNowAndFirstTime() {
        let recovered = [
            round("2023-03-10", callback: "2023-03-12", false), round("2023-03-20", callback: "2023-03-22", true),
        ]
        XCTAssertTrue(LedgerRules.satisfiedNow(rounds: recovered, rechecks: []))
        XCTAssertFalse(LedgerRules.firstTimeSatisfied(rounds: recovered))
        XCTAssertFalse(LedgerRules.satisfiedNow(rounds: [], rechecks: []))
        XCTAssertFalse(LedgerRules.firstTimeSatisfied(rounds: [round("2023-03-10")]))
        let once = [round("2023-03-10", callback: "2023-03-11", true)]
        XCTAssertTrue(LedgerRules.firstTimeSatisfied(rounds: once))
        // A later recheck counts as the latest callback.
        XCTAssertFalse(
            LedgerRules.satisfiedNow(rounds: once, rechecks: [Recheck(date: d("2023-05-01"), satisfied: false)]))
        XCTAssertTrue(
            LedgerRules.satisfiedNow(
                rounds: once,
                rechecks: [
                    Recheck(date: d("2023-05-01"), satisfied: false), Recheck(date: d("2023-06-01"), satisfied: true),
                ]))
    }

    /// 逾期未办: past the deadline with nothing handled by D.
    func testOverdueIsNoHandlingByTheDeadline() {
        let handled = [round("2023-03-20")]
        XCTAssertFalse(
            LedgerRules.overdue(rounds: [], status: .inProgress, deadline: d("2023-03-31"), asOf: d("2023-03-31")))
        XCTAssertTrue(
            LedgerRules.overdue(rounds: [], status: .inProgress, deadline: d("2023-03-31"), asOf: d("2023-04-01")))
        XCTAssertTrue(LedgerRules.overdue(rounds: [], status: .todo, deadline: d("2023-03-31"), asOf: d("2023-04-01")))
        XCTAssertFalse(
            LedgerRules.overdue(rounds: handled, status: .inProgress, deadline: d("2023-03-31"), asOf: d("2023-04-01")),
            "handled in time, 办理中 again: not overdue")
        XCTAssertFalse(
            LedgerRules.overdue(rounds: [], status: .closed, deadline: d("2023-03-31"), asOf: d("2023-05-01")))
    }

    /// 超期办结: the first handling after the deadline; the 销号 day does not count.
    func testLateIsTheFirstHandlingAfterTheDeadline() {
        XCTAssertFalse(LedgerRules.late(rounds: [round("2023-03-31")], deadline: d("2023-03-31")))
        XCTAssertTrue(LedgerRules.late(rounds: [round("2023-04-01")], deadline: d("2023-03-31")))
        XCTAssertFalse(LedgerRules.late(rounds: [], deadline: d("2023-03-31")))
        // Handled in time, closed a day after the deadline: not late.
        let r = record(
            deadline: "2023-03-31", status: .closed, closed: "2023-04-01",
            rounds: [round("2023-03-30", callback: "2023-03-31", true)])
        XCTAssertFalse(LedgerRules.derive([r], asOf: d("2023-12-31"))[0].late)
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
        XCTAssertFalse(derived.supervised)
        // First callback unsatisfied: yellow, on the register from that day.
        derived = LedgerRules.derive([r], asOf: d("2023-03-28"))[0]
        XCTAssertEqual(derived.grade, .yellow)
        XCTAssertEqual(derived.supervision?.entered, d("2023-03-28"))
        XCTAssertEqual(derived.supervision?.reason, .unsatisfied)
        XCTAssertTrue(derived.supervisionOpen)
        // Satisfied at the second handling: still yellow, satisfied now, still on the register.
        derived = LedgerRules.derive([r], asOf: d("2023-04-11"))[0]
        XCTAssertEqual(derived.status, .handled)
        XCTAssertEqual(derived.grade, .yellow)
        XCTAssertTrue(derived.satisfiedNow)
        XCTAssertTrue(derived.supervisionOpen)
        XCTAssertFalse(derived.firstTimeSatisfied)
        // Closed on D: the entry stays as history, closed.
        derived = LedgerRules.derive([r], asOf: d("2023-04-12"))[0]
        XCTAssertEqual(derived.status, .closed)
        XCTAssertEqual(derived.closed, d("2023-04-12"))
        XCTAssertTrue(derived.supervised)
        XCTAssertFalse(derived.supervisionOpen)
        XCTAssertFalse(derived.late, "handled 2023-03-20, deadline 2023-03-31")
    }

    /// 销号后回访: an unsatisfied recheck is a rebound and opens the entry again, until a
    /// satisfied one; rechecks do not change the grade.
    func testReboundByRecheck() {
        var r = record(
            status: .closed, closed: "2023-03-25", rounds: [round("2023-03-20", callback: "2023-03-22", true)])
        r.rechecks = [
            Recheck(date: d("2023-05-20"), satisfied: false, note: "夜间又有噪声"),
            Recheck(date: d("2023-06-20"), satisfied: true),
        ]
        var derived = LedgerRules.derive([r], asOf: d("2023-05-19"))[0]
        XCTAssertFalse(derived.supervised)
        XCTAssertFalse(derived.rebound)
        derived = LedgerRules.derive([r], asOf: d("2023-05-20"))[0]
        XCTAssertEqual(derived.grade, .green)
        XCTAssertTrue(derived.rebound)
        XCTAssertEqual(derived.supervision?.reason, .rebound)
        XCTAssertTrue(derived.supervisionOpen)
        XCTAssertFalse(derived.satisfiedNow)
        derived = LedgerRules.derive([r], asOf: d("2023-06-20"))[0]
        XCTAssertFalse(derived.supervisionOpen)
        XCTAssertTrue(derived.satisfiedNow)
        XCTAssertTrue(derived.rebound, "a rebound stays a rebound")
    }

    /// Overdue puts a record on the register from the day after its deadline, and it stays
    /// there as history once handled.
    func testOverdueEntersTheRegister() {
        let r = record(deadline: "2023-03-31", status: .inProgress, rounds: [round("2023-04-10")])
        XCTAssertNil(LedgerRules.derive([r], asOf: d("2023-03-31"))[0].supervision)
        let late = LedgerRules.derive([r], asOf: d("2023-04-01"))[0]
        XCTAssertEqual(late.supervision?.entered, d("2023-04-01"))
        XCTAssertEqual(late.supervision?.reason, .overdue)
        XCTAssertTrue(late.overdue)
        let handled = LedgerRules.derive([r], asOf: d("2023-04-10"))[0]
        XCTAssertFalse(handled.overdue)
        XCTAssertTrue(handled.late)
        XCTAssertEqual(handled.supervision?.reason, .overdue)
        XCTAssertTrue(handled.supervisionOpen, "open until 销号")
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
        XCTAssertEqual(stats.overdue, 1, "B was handled in time")
        XCTAssertEqual(stats.supervised, 2)
        XCTAssertEqual(stats.supervisionOpen, 2)
        XCTAssertEqual(stats.byBook, [.freeChannels: 3])
        var unit = UnitFigures()
        unit.received = 3
        unit.handled = 1
        unit.closed = 1
        unit.overdue = 1
        unit.byGrade = [.green: 1, .yellow: 1, .pending: 1]
        unit.supervisionOpen = 2
        XCTAssertEqual(stats.byDepartment, ["执法监测科": unit])
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
