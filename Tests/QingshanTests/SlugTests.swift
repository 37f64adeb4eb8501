import XCTest

@testable import QingshanCore

final class SlugTests: XCTestCase {
    func testFileNames() {
        XCTAssertEqual(Slug.fromFileName("2023-06-05-liuwu-huanjingri.md"), "liuwu-huanjingri")
        XCTAssertEqual(Slug.fromFileName("2023-06-05-六五环境日.md"), "六五环境日")
        XCTAssertEqual(Slug.fromFileName("机构职能.md"), "机构职能")
        XCTAssertEqual(Slug.fromFileName("2023-06-05.md"), "2023-06-05")
    }

    func testMakeKeepsHan() {
        XCTAssertEqual(Slug.make("一、工作目标"), "一工作目标")
        XCTAssertEqual(Slug.make("Air Quality: 2023"), "air-quality-2023")
        XCTAssertEqual(Slug.make("PM2.5 与 AQI"), "pm25-与-aqi")
    }

    func testSegments() {
        XCTAssertTrue(Slug.isValidSegment("满意环保"))
        XCTAssertFalse(Slug.isValidSegment("a b"))
        XCTAssertFalse(Slug.isValidSegment("a/b"))
        XCTAssertFalse(Slug.isValidSegment(".."))
        XCTAssertFalse(Slug.isValidSegment("50%"))
    }
}
