import Foundation
import QingshanCore
import QingshanModel
import XCTest

@testable import QingshanLoad

/// A large ledger is parsed in pieces across cores; records, order and every diagnostic's
/// line must be those of parsing the file whole.
final class LedgerChunkTests: XCTestCase {
    let loader = LedgerLoader(
        siteRoot: "/nonexistent", organization: Organization(departments: ["综合科"], streets: ["兴仁街道"]))

    /// `count` records of 12 lines each after a 2-line header; record `bad` names an unknown street.
    func ledger(_ count: Int, badStreetAt bad: Int) -> String {
        var lines = ["# 台账", ""]
        for n in 1...count {
            lines += [
                "- id: T-\(n)", "  received: 2023-03-01", "  channel: 12345热线", "  category: 投诉举报",
                "  street: \(n == bad ? "不存在街道" : "兴仁街道")", "  summary: 第\(n)件", "  department: 综合科",
                "  deadline: 2023-03-31", "  status: 办理中", "  private:",
                "    phone: \"1380000\(String(format: "%04d", n))\"",
                "    complainant: 示例群众\(n)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testPiecesCoverEveryItemOnce() throws {
        let text = ledger(50, badStreetAt: 0)
        let chunks = try XCTUnwrap(YAMLChunks.topLevelItems(text, pieces: 8))
        XCTAssertEqual(chunks.count, 8)
        XCTAssertEqual(chunks.map(\.text).joined(), String(text.dropFirst("# 台账\n\n".count)))
        XCTAssertEqual(chunks[0].lineOffset, 2)
        XCTAssertEqual(chunks[1].lineOffset, 2 + 7 * 12)
    }

    func testChunkedParseMatchesTheWholeFile() throws {
        let diagnostics = Diagnostics()
        let records = loader.parse(
            ledger(40, badStreetAt: 23), file: "content/data/ledger.yaml", diagnostics: diagnostics)
        XCTAssertEqual(records.map(\.id), (1...40).map { "T-\($0)" })
        // Record 23 starts on line 3 + 22 × 12; its street is the fifth line of the record.
        XCTAssertEqual(diagnostics.all.map(\.location.line), [3 + 22 * 12 + 4])
        XCTAssertEqual(records[22].location.line, 3 + 22 * 12)
    }

    func testFilesThatAreNotAPlainListAreParsedWhole() {
        XCTAssertNil(YAMLChunks.topLevelItems("records:\n  - id: a\n  - id: b\n", pieces: 4))
        XCTAssertNil(YAMLChunks.topLevelItems("- &a {id: a}\n- *a\n", pieces: 4))
        XCTAssertNil(YAMLChunks.topLevelItems("---\n- id: a\n- id: b\n", pieces: 4))
        XCTAssertNil(YAMLChunks.topLevelItems("- id: a\n", pieces: 4))
    }

    func testASyntaxErrorIsReportedFromTheWholeFile() {
        var text = ledger(20, badStreetAt: 0)
        text = text.replacingOccurrences(of: "  summary: 第7件", with: "  summary: \"第7件")
        let diagnostics = Diagnostics()
        _ = loader.parse(text, file: "ledger.yaml", diagnostics: diagnostics)
        XCTAssertEqual(diagnostics.all.filter { $0.severity == .error }.count, 1, "\(diagnostics.all)")
        XCTAssertTrue(diagnostics.all[0].message.contains("YAML"))
    }
}
