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
        XCTAssertEqual(try errors("closed-missing").map(\.location.line), [8])
    }

    func testYAMLSyntaxError() throws {
        let errors = try errors("yaml-error")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.file, "content/data/ledger.yaml")
        XCTAssertEqual(errors.first?.location.line, 4)
    }
}
