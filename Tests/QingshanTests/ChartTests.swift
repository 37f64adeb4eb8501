import XCTest

@testable import QingshanRender

/// Charts a reader can read (issue 18, item 5): an exceedance is marked in colour and words and
/// its text fits the chart; each calendar day says its AQI; the unit stands clear of the values.
final class ChartTests: XCTestCase {
    func testAnExceedanceIsRedAndSaysSoWithinTheChart() {
        let svg = SVGChart.bars(
            id: "n", title: "噪声", description: "",
            bars: [
                SVGChart.Bar(label: "光明路 昼", value: 67, text: "67.0（限值 70.0）"),
                SVGChart.Bar(label: "光明路 夜", value: 70, text: "70.0 超标（限值 55.0）", color: "#b3261e"),
            ])
        XCTAssertTrue(svg.contains("fill=\"#b3261e\""))
        XCTAssertTrue(svg.contains(">70.0 超标（限值 55.0）</text>"))
        // The longest bar ends at 440 of 640: 200 units are left for its text.
        XCTAssertTrue(svg.contains("<text x=\"446\""), svg)
    }

    func testEachCalendarDaySaysItsAQI() {
        let svg = SVGChart.calendar(
            id: "c", title: "一月", description: "", firstWeekday: 6,
            days: [
                .init(day: 1, color: "#ffff00", textColor: "#000000", label: "107"),
                .init(day: 2, color: "#e5e7eb", textColor: "#000000", label: "—"),
            ])
        XCTAssertTrue(svg.contains("font-weight=\"700\" fill=\"#000000\">107</text>"), svg)
        XCTAssertTrue(svg.contains(">—</text>"))
    }

    func testTheUnitStandsAboveTheLine() {
        let svg = SVGChart.line(
            id: "p", title: "PM2.5", description: "", points: [.init(label: "1月", value: 80)], unit: "μg/m³")
        XCTAssertTrue(svg.contains("<text x=\"4\" y=\"14\">μg/m³</text>"))
        // The highest value (80 of a 92 scale) is drawn at y 57.5, its label at 49.5: below the unit.
        XCTAssertTrue(svg.contains("y=\"49.5\" text-anchor=\"middle\">80</text>"), svg)
    }
}
