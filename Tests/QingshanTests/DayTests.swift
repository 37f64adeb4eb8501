import XCTest

@testable import QingshanCore

final class DayTests: XCTestCase {
    func testParsesAndRejects() {
        XCTAssertEqual(Day(iso: "2023-04-10")?.chinese, "2023年4月10日")
        XCTAssertEqual(Day(iso: "2024-02-29")?.iso, "2024-02-29")
        XCTAssertNil(Day(iso: "2023-02-29"))
        XCTAssertNil(Day(iso: "2023-4-10"))
        XCTAssertNil(Day(iso: "+023-04-10"))
        XCTAssertNil(Day(iso: "２０２３-04-10"))
        XCTAssertNil(Day(iso: "2023-04-10 "))
        XCTAssertEqual("\u{3000}兴仁街道 ".trimmingSpaces(), "兴仁街道")
        XCTAssertEqual("兴仁街道".trimmingSpaces(), "兴仁街道")
        XCTAssertEqual("   ".trimmingSpaces(), "")
        XCTAssertNil(Day(iso: "2023-13-01"))
        XCTAssertNil(Day(iso: "２０２３-04-10"))
        XCTAssertNil(Day(iso: "1900-02-29"))
        XCTAssertEqual(Day(iso: "2000-02-29")?.day, 29)
    }

    func testArithmeticAndOrder() throws {
        let a = try XCTUnwrap(Day(iso: "2023-03-31"))
        let b = try XCTUnwrap(Day(iso: "2023-04-12"))
        XCTAssertEqual(a.days(until: b), 12)
        XCTAssertTrue(a < b)
        XCTAssertEqual(Day(iso: "1970-01-01")?.ordinal, 0)
        XCTAssertEqual(Day(iso: "2024-01-01")?.ordinal, 19723)
    }
}
