import QingshanCore
import XCTest

@testable import QingshanMonitoring

/// GB 3838-2002 single-factor assessment at the class limits.
final class WaterQualityTests: XCTestCase {
    func testExactlyOnEachLimit() {
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 0.15), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 0.16), .two)
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 1.0), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 2.0), .five)
        XCTAssertEqual(WaterQuality.parameterClass(.ammonia, 2.01), .worseThanFive)
        XCTAssertEqual(WaterQuality.parameterClass(.cod, 15), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.cod, 20), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.phosphorus, 0.2), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.phosphorus, 0.4), .five)
        XCTAssertEqual(WaterQuality.parameterClass(.codMn, 6), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.bod5, 3), .one)
    }

    func testDissolvedOxygenIsAMinimum() {
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 7.5), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 7.49), .two)
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 5), .three)
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 2), .five)
        XCTAssertEqual(WaterQuality.parameterClass(.dissolvedOxygen, 1.9), .worseThanFive)
    }

    func testPH() {
        XCTAssertEqual(WaterQuality.parameterClass(.ph, 6), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.ph, 9), .one)
        XCTAssertEqual(WaterQuality.parameterClass(.ph, 9.1), .worseThanFive)
        XCTAssertEqual(WaterQuality.parameterClass(.ph, 5.9), .worseThanFive)
    }

    func testSectionClassAndMainPollutants() {
        let sample = WaterSample([
            .ph: 7.6, .dissolvedOxygen: 6.2, .codMn: 5, .cod: 25, .ammonia: 1.8, .phosphorus: 0.25,
        ])
        XCTAssertEqual(WaterQuality.sectionClass(sample), .five)
        // NH3-N Ⅴ first; then COD (Ⅳ, +25 %) and TP (Ⅳ, +25 %): tie broken by parameter order.
        XCTAssertEqual(WaterQuality.mainPollutants(sample), [.ammonia, .cod, .phosphorus])
        XCTAssertEqual(WaterQuality.mainPollutants(WaterSample([.cod: 20, .ammonia: 1.0])), [], "Ⅲ has none")
        // 劣Ⅴ first by 超标倍数 (BOD5 12: +200 %, TP 0.5: +150 %), then COD Ⅴ; NH3-N Ⅳ is fourth.
        XCTAssertEqual(
            WaterQuality.mainPollutants(WaterSample([.cod: 35, .ammonia: 1.4, .bod5: 12, .phosphorus: 0.5])),
            [.bod5, .phosphorus, .cod])
        XCTAssertNil(WaterQuality.sectionClass(WaterSample([:])))
    }

    func testTargets() {
        XCTAssertEqual(WaterClass(target: "3"), .three)
        XCTAssertEqual(WaterClass(target: "Ⅳ"), .four)
        XCTAssertEqual(WaterClass(target: "IV"), .four)
        XCTAssertEqual(WaterClass(target: "Ⅴ类"), .five)
        XCTAssertNil(WaterClass(target: "6"))
        XCTAssertEqual(WaterClass.worseThanFive.label, "劣Ⅴ类")
    }
}
