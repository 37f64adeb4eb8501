import Foundation
import QingshanBuild
import QingshanCore
import XCTest

@testable import QingshanLedger

/// 季度抽查: size, reproducibility and only the quarter's closures.
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
        XCTAssertEqual(SpotCheck.closed(in: q2, all, asOf: Day(iso: "2023-06-29")!).count, 30)
    }
}
