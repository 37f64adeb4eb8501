import XCTest

@testable import QingshanCore

final class TimestampTests: XCTestCase {
    func testFormats() throws {
        XCTAssertEqual(Timestamp(parsing: "2023-06-01")?.display, "2023-06-01")
        XCTAssertEqual(Timestamp(parsing: "2023-06-01 09:30")?.display, "2023-06-01 09:30")
        let rfc = try XCTUnwrap(Timestamp(parsing: "2023-06-01T09:30:15+08:00"))
        XCTAssertEqual(rfc.display, "2023-06-01 09:30")
        XCTAssertEqual(rfc.rfc3339, "2023-06-01T09:30:00+08:00")
        XCTAssertEqual(Timestamp(parsing: "2023-06-01T01:30:00Z")?.offsetMinutes, 0)
        XCTAssertEqual(Timestamp(parsing: "2023-06-01T01:30:00.250Z")?.minutes, 90)
        XCTAssertEqual(Timestamp(parsing: "2023-06-01")?.rfc3339, "2023-06-01T00:00:00+08:00")
    }

    func testRejects() {
        for bad in ["2023-06-01 25:00", "2023-06-01 9:30", "2023-06-01T09:30+8", "2023/06/01", "昨天", "2023-06-01x"] {
            XCTAssertNil(Timestamp(parsing: bad), bad)
        }
    }

    func testOrderAcrossOffsets() throws {
        let beijing = try XCTUnwrap(Timestamp(parsing: "2023-06-01T09:00:00+08:00"))
        let utc = try XCTUnwrap(Timestamp(parsing: "2023-06-01T02:00:00Z"))
        XCTAssertTrue(beijing < utc)
    }
}
