import XCTest

@testable import QingshanCore

final class ChineseTextTests: XCTestCase {
    func testShortTextIsKept() {
        XCTAssertEqual(ChineseText.summary(of: "高新区召开推进会。"), "高新区召开推进会。")
    }

    func testCutsAtSentenceEndWithEllipsis() {
        let sentence = "为深入贯彻市、区满意度创建活动相关工作部署安排，全面梳理生态环境领域群众关心的热点、难点问题。"
        let text = String(repeating: sentence, count: 4)
        let summary = ChineseText.summary(of: text)
        XCTAssertTrue(summary.hasSuffix("。……"), summary)
        XCTAssertLessThanOrEqual(summary.count, 122)
        XCTAssertEqual(summary, sentence + sentence + "……")
    }

    func testCutsMidSentenceWhenNoStopIsNear() {
        let text = String(repeating: "生态环境质量持续改善", count: 20)
        let summary = ChineseText.summary(of: text, limit: 30)
        XCTAssertEqual(summary, String(text.prefix(30)) + "……")
    }

    func testWhitespaceBetweenHanVanishes() {
        XCTAssertEqual(ChineseText.collapseWhitespace("生态\n环境  AQI 指数"), "生态环境 AQI 指数")
    }

    func testReadingTimeCountsHanOneByOne() {
        XCTAssertEqual(ChineseText.readingMinutes(String(repeating: "字", count: 400)), 1)
        XCTAssertEqual(ChineseText.readingMinutes(String(repeating: "字", count: 401)), 2)
        XCTAssertEqual(ChineseText.readingMinutes(String(repeating: "word ", count: 600)), 3)
        XCTAssertEqual(ChineseText.readingMinutes(""), 1)
    }

    /// `isSpace` is `CharacterSet.whitespaces` (Zs and the tab) for every scalar of the BMP and
    /// the first supplementary planes; `trimmingSpaces` trims those, 全角空格 included.
    func testSpacesAreFoundationsWhitespaces() {
        let whitespaces = CharacterSet.whitespaces
        for value in UInt32(0)..<0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(scalar.isSpace, whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
        }
        XCTAssertEqual(" 大气污染防治\t".trimmingSpaces(), "大气污染防治")
        XCTAssertEqual("\u{3000}满意环保\u{3000}".trimmingSpaces(), "满意环保")
        XCTAssertEqual("问题台账".trimmingSpaces(), "问题台账")
        XCTAssertEqual("\u{3000} ".trimmingSpaces(), "")
        XCTAssertEqual("".trimmingSpaces(), "")
    }
}
