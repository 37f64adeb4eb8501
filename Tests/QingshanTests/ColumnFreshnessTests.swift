import Foundation
import QingshanBuild
import QingshanCore
import QingshanRender
import XCTest

/// docs/RULES.md, Column freshness: the 14-day and 6-month limits at their boundaries.
final class ColumnFreshnessTests: XCTestCase {
    func findings(asOf: String) throws -> [String] {
        let site = try Fixture.copy("basic")
        let diagnostics = Diagnostics()
        _ = BuildPipeline(options: BuildOptions(siteRoot: site.path, asOf: Day(iso: asOf), mode: .check)).run(
            diagnostics: diagnostics)
        return diagnostics.all.filter { $0.message.contains("栏目“") }.map {
            "\($0.severity.rawValue) \($0.location.file)"
        }
    }

    func testNewsAfterTwoWeeksAndNoticesAfterSixMonths() throws {
        // Latest news 2023-06-05: 14 days later is still fresh, 15 days later is not.
        XCTAssertEqual(try findings(asOf: "2023-06-19"), [])
        XCTAssertEqual(try findings(asOf: "2023-06-20"), ["warning content/news"])
        // Latest notice 2023-04-10: 183 days is the limit.
        XCTAssertFalse(try findings(asOf: "2023-10-10").contains("warning content/notices"))
        XCTAssertTrue(try findings(asOf: "2023-10-11").contains("warning content/notices"))
    }

    func testEmptyColumnFailsCheck() throws {
        let site = try Fixture.copy("basic")
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/science"))
        let diagnostics = Diagnostics()
        let report = BuildPipeline(options: BuildOptions(siteRoot: site.path, mode: .check)).run(
            diagnostics: diagnostics)
        XCTAssertNil(report)
        XCTAssertEqual(diagnostics.all.filter { $0.severity == .error }.map(\.location.file), ["content/science"])
        // A build publishes anyway, with a warning.
        let (built, buildDiagnostics) = Fixture.build(site)
        XCTAssertNotNil(built)
        XCTAssertTrue(
            buildDiagnostics.all.contains { $0.severity == .warning && $0.location.file == "content/science" })
    }
}
