import Foundation
import QingshanCore
import QingshanLedger
import QingshanModel
import XCTest

@testable import QingshanBuild

/// The privacy guard finds every private value however many share their first characters,
/// and nothing else.
final class PrivacyGuardTests: XCTestCase {
    let day = Day(year: 2023, month: 3, day: 1) ?? Day.today()

    func record(_ id: String, _ fields: [(key: String, value: String)]) -> LedgerRecord {
        LedgerRecord(
            id: id, received: day, channel: .hotline12345, category: .complaint,
            summary: "示例", department: "综合科", deadline: day, status: .inProgress,
            privateFields: fields, location: SourceLocation(file: "content/data/ledger.yaml", line: 1))
    }

    func testNamesSharingAPrefixAreEachFound() {
        // 3,000 names that all start with 王: the guard must not test them one by one, and must find each.
        var records = (0..<3000).map { record("R-\($0)", [("complainant", "王某\($0)号")]) }
        records.append(record("R-X", [("address", "兴仁街道示例小区1号楼"), ("phone", "13800000001")]))
        let guardian = PrivacyGuard(ledger: records, allow: [], siteRoot: "/nonexistent", contentFiles: [])
        let page = OutputFile(
            path: "news/a/index.html",
            text: "<p>王某来电。王某2999号、王某17号反映；地址兴仁街道示例小区1号楼；电话138 0000 0001。王某</p>")
        let found = guardian.check([page])
        XCTAssertEqual(
            Set(found.map(\.message)).count, 4, found.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(found.contains { $0.message.contains("R-2999") })
        XCTAssertTrue(found.contains { $0.message.contains("R-17") })
        XCTAssertFalse(found.contains { $0.message.contains("R-1 ") || $0.message.contains("R-299 ") })
        XCTAssertTrue(found.contains { $0.message.contains("兴仁街道示例小区1号楼") })
        XCTAssertTrue(found.contains { $0.message.contains("R-X") && $0.message.contains("138") })
        XCTAssertEqual(guardian.check([OutputFile(path: "a.html", text: "<p>王某、兴仁街道示例小区2号楼</p>")]).count, 0)
    }

    /// Chinese names are found with the markup's ASCII stepped over; a private value that itself
    /// starts with ASCII (an address like 3号楼) is still found inside markup.
    func testValuesStartingWithASCIIAreFoundToo() {
        let chinese = PrivacyGuard(
            ledger: [record("R-1", [("complainant", "李某某")])], allow: [], siteRoot: "/nonexistent", contentFiles: [])
        XCTAssertEqual(chinese.check([OutputFile(path: "a.html", text: "<a href=\"x\">李某某</a>")]).count, 1)
        let ascii = PrivacyGuard(
            ledger: [record("R-2", [("address", "3号楼201室")])], allow: [], siteRoot: "/nonexistent", contentFiles: [])
        XCTAssertEqual(ascii.check([OutputFile(path: "a.html", text: "<td>13号楼201室</td><td>3号楼201室</td>")]).count, 1)
        XCTAssertEqual(ascii.check([OutputFile(path: "a.html", text: "<td>3号楼202室</td>")]).count, 0)
    }

    /// A full build scans the pages while the rest renders and the rest afterwards: the findings
    /// of the two runs joined give the report of one scan over all files, file lists included.
    func testFindingsOfConsecutiveRunsJoinedEqualOneScan() {
        let guardian = PrivacyGuard(
            ledger: [record("R-1", [("complainant", "李某某")]), record("R-2", [("phone", "13800000002")])],
            allow: [], siteRoot: "/nonexistent", contentFiles: [])
        let files = (0..<9).map { i in
            OutputFile(
                path: "p\(i)/index.html",
                text: i % 2 == 0 ? "<p>李某某 \(i)</p>" : "<p>电话 138 0000 0002，139 1234 567\(i)</p>")
        }
        let whole = guardian.check(files).map(\.message)
        XCTAssertEqual(whole.count, 6, whole.joined(separator: "\n"))  // 李某某, R-2’s phone, four other numbers
        XCTAssertTrue(whole[0].contains("p0/index.html、p2/index.html、p4/index.html 等 5 个文件"), whole[0])
        for cut in [0, 1, 4, 9] {
            let joined = guardian.report(
                guardian.findings(Array(files[..<cut])) + guardian.findings(Array(files[cut...])))
            XCTAssertEqual(joined.map(\.message), whole, "cut at \(cut)")
        }
    }
}
