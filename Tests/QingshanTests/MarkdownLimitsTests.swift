import Foundation
import QingshanCore
import XCTest

@testable import QingshanMarkdown

/// The shapes Debian's cmark-gfm parses in quadratic time are refused with their line; real
/// documents, however long, are not. The bounds are counted in work, not measured in time.
final class MarkdownLimitsTests: XCTestCase {
    func testQuadraticShapesAreRefusedAtTheirLine() {
        let nestedImages = "第一段\n\n" + String(repeating: "![[]()", count: 40_000) + "\n"
        XCTAssertEqual(MarkdownLimits.check(nestedImages)?.line, 3)
        let wide = "|" + String(repeating: "a|", count: 20_000) + "\n|" + String(repeating: "-|", count: 20_000) + "\n"
        XCTAssertEqual(MarkdownLimits.check("标题\n\n" + wide)?.line, 3)
        let alternating = String(repeating: "|-|\n|-|-|\n", count: 50_000)
        XCTAssertNotNil(MarkdownLimits.check(alternating))
        XCTAssertNotNil(MarkdownLimits.check(String(repeating: "x@y ", count: 60_000)))
        XCTAssertNotNil(MarkdownLimits.check(String(repeating: "|1|2|3|\n", count: 150_000)))
        // Spread over many paragraphs, the work adds up.
        let many = Array(repeating: String(repeating: "[", count: 3_000), count: 20).joined(separator: "\n\n")
        XCTAssertNotNil(MarkdownLimits.check(many))
    }

    func testRealDocumentsPass() {
        // A 1 MB report: 200 paragraphs with links, a 20-column table of 2,000 rows.
        var text = ""
        for i in 0..<200 { text += "第\(i)段，见[通知](/notices/a/)和[附件](files/x.pdf)。\n\n" }
        text += "|" + String(repeating: "列|", count: 20) + "\n|" + String(repeating: "-|", count: 20) + "\n"
        for _ in 0..<2_000 { text += "|" + String(repeating: " 12.5 |", count: 20) + "\n" }
        // Rows whose cells are all dashes, as wide as the header, are rows.
        text += String(repeating: "|" + String(repeating: "-|", count: 20) + "\n", count: 500)
        XCTAssertNil(MarkdownLimits.check(text))
        XCTAssertNil(MarkdownLimits.check(""))
    }

    /// Whatever passes the limits parses quickly enough; whatever fails them would not have.
    func testTheLimitsAreWhereTheCostIs() {
        let renderer = MarkdownRenderer()
        let justUnder = String(repeating: "![[]()", count: 4_000)  // 8,000 brackets
        XCTAssertNil(MarkdownLimits.check(justUnder))
        XCTAssertFalse(renderer.render(justUnder).html.isEmpty)
    }

    /// Text with nothing to count is stepped over eight bytes at a time: a counted byte, a line
    /// end or a blank is found at every offset among plain text, ASCII or Chinese.
    func testCountedBytesAreFoundAtEveryOffset() {
        for filler in ["x", "中", "ab"] {
            // 10,001 `[` in one paragraph, each after 0–9 fillers: 10,001² > 10⁸ bracket work.
            let paragraph = (0...10_000).map { String(repeating: filler, count: $0 % 10) + "[" }.joined()
            XCTAssertNotNil(MarkdownLimits.check(paragraph), filler)
            // The same brackets one per paragraph (blank lines between) cost nothing.
            let spread = (0...10_000).map { String(repeating: filler, count: $0 % 10) + "[" }.joined(separator: "\n\n")
            XCTAssertNil(MarkdownLimits.check(spread), filler)
            // A blank line of spaces after plain text also ends the paragraph.
            let spaced = (0...10_000).map { String(repeating: filler, count: $0 % 10) + "[" }
                .joined(separator: "\n" + String(repeating: " ", count: 9) + "\n")
            XCTAssertNil(MarkdownLimits.check(spaced), filler)
        }
    }
}
