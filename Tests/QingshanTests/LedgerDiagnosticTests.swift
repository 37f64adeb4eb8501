import Foundation
import QingshanCore
import XCTest

/// One invalid ledger per diagnostic: exit with the file and line, output untouched.
final class LedgerDiagnosticTests: XCTestCase {
    func errors(_ name: String) throws -> [Diagnostic] {
        let site = try Fixture.copy("invalid-ledger/" + name)
        let out = site.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "old".write(to: out.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try Fixture.markAsOutput(out)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertEqual(Fixture.tree(out), ["index.html": Data("old".utf8)])
        return diagnostics.all.filter { $0.severity == .error }
    }

    func testBadEnum() throws {
        XCTAssertEqual(
            try errors("bad-enum").map(\.location),
            [SourceLocation(file: "content/data/ledger.yaml", line: 3, column: 12)])
    }

    func testDuplicateIDNamesBothPlaces() throws {
        let errors = try errors("duplicate-id")
        XCTAssertEqual(errors.map(\.location), [SourceLocation(file: "content/data/ledger/b.yaml", line: 9, column: 3)])
        XCTAssertTrue(errors[0].message.contains("content/data/ledger/a.yaml:1:3"))
    }

    func testImpossibleDates() throws {
        XCTAssertEqual(try errors("bad-dates").map(\.location.line), [10, 11])
    }

    func testUnknownDepartmentAndStreet() throws {
        XCTAssertEqual(try errors("unknown-department").map(\.location.line), [6])
        XCTAssertEqual(try errors("unknown-street").map(\.location.line), [5])
    }

    func testDanglingRepeat() throws {
        XCTAssertEqual(try errors("dangling-repeat").map(\.location.line), [9])
    }

    func testClosedMissing() throws {
        let errors = try errors("closed-missing")
        XCTAssertEqual(errors.map(\.location.line), [8, 8])
        XCTAssertEqual(Set(errors.map(\.message)), ["已销号的记录缺少销号日期 closed", "已销号的记录没有回访"])
    }

    /// The errors of a ledger written into the closed-missing fixture's site.
    func errors(ledger text: String) throws -> [Diagnostic] {
        let site = try Fixture.copy("invalid-ledger/closed-missing")
        try text.write(
            to: site.appendingPathComponent("content/data/ledger.yaml"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        return diagnostics.all.filter { $0.severity == .error }
    }

    static let head = """
        - id: A
          received: 2023-03-01
          channel: 12345热线
          category: 投诉举报
          summary: x
          department: 综合科

        """

    /// 闭环, 销号制: 已销号 needs a satisfied latest callback or a close_reason, and comes after
    /// the last handling; a deadline before the receipt; rechecks only after 销号.
    func testCloseRules() throws {
        let unsatisfied = try errors(
            ledger: Self.head + """
                  deadline: 2023-03-31
                  status: 已销号
                  closed: 2023-03-25
                  rounds:
                    - {handled: 2023-03-20, callback: 2023-03-22, satisfied: false}
                """)
        XCTAssertEqual(unsatisfied.map(\.location.line), [8])
        XCTAssertTrue(unsatisfied[0].message.contains("最近一次回访不满意"), unsatisfied[0].message)
        XCTAssertEqual(
            try errors(
                ledger: Self.head + """
                      deadline: 2023-03-31
                      status: 已销号
                      closed: 2023-03-25
                    """
            ).map(\.message), ["已销号的记录没有回访"])
        XCTAssertEqual(
            try errors(
                ledger: Self.head + """
                      deadline: 2023-03-31
                      status: 已销号
                      closed: 2023-03-19
                      rounds:
                        - {handled: 2023-03-20, callback: 2023-03-22, satisfied: true}
                    """
            ).map(\.location.line), [9], "closed before the last handling")
        XCTAssertEqual(
            try errors(
                ledger: Self.head + """
                      deadline: 2023-02-28
                      status: 待办
                    """
            ).map(\.location.line), [7], "a deadline before the receipt")
        XCTAssertEqual(
            try errors(
                ledger: Self.head + """
                      deadline: 2023-03-31
                      status: 已销号
                      closed: 2023-03-25
                      rounds:
                        - {handled: 2023-03-20, callback: 2023-03-22, satisfied: true}
                      rechecks:
                        - {date: 2023-03-24, satisfied: true}
                    """
            ).map(\.location.line), [13], "a recheck before 销号")
        XCTAssertEqual(
            try errors(
                ledger: Self.head + """
                      deadline: 2023-03-31
                      status: 办理中
                      rechecks:
                        - {date: 2023-04-24, satisfied: true}
                    """
            ).map(\.location.line), [9], "rechecks on a record not 销号")
    }

    /// A close_reason closes a record without a satisfied callback; the three ledgers and
    /// progress notes are read.
    func testCloseReasonBookAndProgressAreAccepted() throws {
        let site = try Fixture.copy("invalid-ledger/closed-missing")
        try
            (Self.head + """
                  deadline: 2023-03-31
                  status: 已销号
                  closed: 2023-03-25
                  ledger: 民意收集平台
                  close_reason: 经核实不属于本局职责，已移交属地
                  progress:
                    - {date: 2023-03-10, text: 已现场核查}
                  rounds:
                    - {handled: 2023-03-20, callback: 2023-03-22, satisfied: false}
                """).write(
                to: site.appendingPathComponent("content/data/ledger.yaml"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, "\(diagnostics.all)")
        let json = Fixture.text(site.appendingPathComponent("public"), "data/ledger.json")
        XCTAssertTrue(json.contains("\"ledger\": \"民意收集平台\""), json)
        XCTAssertTrue(json.contains("\"text\": \"已现场核查\""), json)
    }

    func testYAMLSyntaxError() throws {
        let errors = try errors("yaml-error")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.file, "content/data/ledger.yaml")
        XCTAssertEqual(errors.first?.location.line, 4)
    }
}
