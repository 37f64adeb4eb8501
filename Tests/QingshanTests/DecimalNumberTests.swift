import QingshanCore
import QingshanLoad
import QingshanMarkdown
import QingshanModel
import XCTest

/// Numbers in input data are plain decimals: Swift's Double(String) would read `0x10` as 16,
/// `1e999` as infinity and `nan` as a number.
final class DecimalNumberTests: XCTestCase {
    func testPlainDecimalsAreRead() {
        let accepted: [(String, Double)] = [
            ("12", 12), ("0", 0), ("-3", -3), ("+7.0", 7), ("0.85", 0.85), ("007", 7), ("35.01", 35.01),
            ("1.3", 1.3), ("-0.5", -0.5),
        ]
        for (text, value) in accepted {
            XCTAssertEqual(DecimalNumber.parse(text), value, text)
        }
    }

    func testEverythingElseIsRefused() {
        let refused = [
            "0x10", "0X1F", "0x1p3", "nan", "NaN", "-nan", "inf", "-inf", "+inf", "infinity", "Infinity", "1e3",
            "1E2", "1e999", "5e-1", ".5", "5.", ".", "", "+", "-", "--1", "+-1", " 5", "5 ", "1,000", "1_000",
            "１２", "٣", "0b1", "1.2.3", "12abc", "1/2", "½",
        ]
        for text in refused {
            XCTAssertNil(DecimalNumber.parse(text), text)
        }
        XCTAssertNil(DecimalNumber.parse("1" + String(repeating: "0", count: 400)), "overflows to infinity")
    }

    func testDigits() {
        XCTAssertEqual(DecimalNumber.parseDigits("08"), 8)
        XCTAssertEqual(DecimalNumber.parseDigits("2023"), 2023)
        for text in ["+8", "-1", "", "8.0", "0x8", " 8", "８"] {
            XCTAssertNil(DecimalNumber.parseDigits(text), text)
        }
        XCTAssertNil(DecimalNumber.parseDigits(String(repeating: "9", count: 40)), "overflows Int")
    }

    /// Clock times in front matter dates: `Int("+9")` is 9, so `+9:30` passed as 09:30.
    func testTimestampFieldsAreDigitsOnly() {
        XCTAssertEqual(Timestamp(parsing: "2023-06-01 09:30")?.display, "2023-06-01 09:30")
        XCTAssertNil(Timestamp(parsing: "2023-06-01 +9:30"))
        XCTAssertNil(Timestamp(parsing: "2023-06-01 09:-1"))
        XCTAssertNil(Timestamp(parsing: "2023-06-01T09:30:+5"))
        XCTAssertNil(Timestamp(parsing: "2023-06-01T09:30:00+-1:00"))
        XCTAssertEqual(Timestamp(parsing: "2023-06-01T09:30:00-05:00")?.offsetMinutes, -300)
    }

    /// Campaign metrics (campaigns.yaml `target`, `actual`) are read the same way.
    func testCampaignMetricsAreStrict() {
        func errors(_ metric: String) -> [Diagnostic] {
            let diagnostics = Diagnostics()
            _ = CampaignLoader(
                siteRoot: "/nonexistent", organization: Organization(departments: ["综合科"], streets: ["兴仁街道"]),
                renderer: MarkdownRenderer()
            ).parse(
                "- id: a\n  title: 甲\n  group: 专项攻坚\n  departments: [综合科]\n  deadline: 2023-10-31\n"
                    + "  metrics: [{name: 排查企业, unit: 家, \(metric)}]\n", diagnostics: diagnostics)
            return diagnostics.all.filter { $0.severity == .error }
        }
        XCTAssertEqual(errors("target: 120, actual: 87.5"), [])
        for bad in ["target: 0x10", "actual: 1e3", "target: .nan", "actual: nan", "target: inf", "target: 1e999"] {
            XCTAssertEqual(errors(bad).map(\.location.line), [6], bad)
        }
    }
}
