import QingshanCore
import XCTest

@testable import QingshanMonitoring

/// GB 3096-2008 limits for every zone.
final class NoiseTests: XCTestCase {
    func testZoneLimits() {
        let expected: [(String, Double, Double)] = [
            ("0", 50, 40), ("1", 55, 45), ("2", 60, 50), ("3", 65, 55), ("4a", 70, 55), ("4b", 70, 60),
        ]
        for (zone, day, night) in expected {
            let z = NoiseZone(text: zone)
            XCTAssertEqual(z?.limits.day, day)
            XCTAssertEqual(z?.limits.night, night)
            XCTAssertEqual(z?.meets(day: day), true)
            XCTAssertEqual(z?.meets(day: day + 0.1), false)
            XCTAssertEqual(z?.meets(night: night), true)
            XCTAssertEqual(z?.meets(night: night + 0.1), false)
        }
        XCTAssertEqual(NoiseZone(text: "4A类"), .zone4a)
        XCTAssertNil(NoiseZone(text: "5"))
    }
}
