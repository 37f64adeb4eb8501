import Foundation
import QingshanCore

/// Charts drawn at build time as inline SVG (no chart JavaScript). Every chart has a title
/// and a description for assistive technology; pages put the numbers in a table as well.
public enum SVGChart {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var text: String
        /// A bar of its own colour (an exceedance), else the chart's.
        public var color: String?

        public init(label: String, value: Double, text: String? = nil, color: String? = nil) {
            self.label = label
            self.value = value
            self.text = text ?? SVGChart.number(value)
            self.color = color
        }
    }

    public struct Segment: Sendable {
        public var name: String
        public var value: Double
        public var color: String

        public init(name: String, value: Double, color: String) {
            self.name = name
            self.value = value
            self.color = color
        }
    }

    public struct Column: Sendable {
        public var label: String
        public var segments: [Segment]

        public init(label: String, segments: [Segment]) {
            self.label = label
            self.segments = segments
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Horizontal bars, one a row, with the value printed after each bar.
    public static func bars(id: String, title: String, description: String, bars: [Bar], color: String = "#0b5394")
        -> String
    {
        // The value text after the longest bar has 190 units ("67.0 超标（限值 65.0）" at 14).
        let labelWidth = 180.0
        let barWidth = 260.0
        let row = 30.0
        let height = Double(max(bars.count, 1)) * row + 10
        let maxValue = max(bars.map(\.value).max() ?? 0, 1)
        var svg = header(id: id, title: title, description: description, width: 640, height: height)
        for (i, bar) in bars.enumerated() {
            let y = 5 + Double(i) * row
            let w = max(bar.value > 0 ? 2 : 0, bar.value / maxValue * barWidth)
            svg +=
                "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 19))\" text-anchor=\"end\">\(HTMLEscape.escape(bar.label))</text>"
            svg +=
                "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 5))\" width=\"\(f(w))\" height=\"20\" fill=\"\(bar.color ?? color)\"/>"
            svg += "<text x=\"\(f(labelWidth + w + 6))\" y=\"\(f(y + 19))\">\(HTMLEscape.escape(bar.text))</text>"
        }
        return svg + "</svg>"
    }

    /// Stacked columns (one a label, segments bottom up) with a legend.
    public static func stackedColumns(id: String, title: String, description: String, columns: [Column]) -> String {
        let left = 40.0
        let top = 30.0
        let plotHeight = 200.0
        let width = max(640.0, left + Double(columns.count) * 48 + 20)
        let slot = (width - left - 20) / Double(max(columns.count, 1))
        let totals = columns.map { $0.segments.reduce(0) { $0 + $1.value } }
        let maxValue = max(totals.max() ?? 0, 1)
        var svg = header(id: id, title: title, description: description, width: width, height: top + plotHeight + 50)
        // Legend.
        var x = left
        for segment in columns.first?.segments ?? [] {
            svg += "<rect x=\"\(f(x))\" y=\"6\" width=\"14\" height=\"14\" fill=\"\(segment.color)\"/>"
            svg += "<text x=\"\(f(x + 18))\" y=\"18\">\(HTMLEscape.escape(segment.name))</text>"
            x += 18 + Double(segment.name.count) * 14 + 24
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - 10))\" y2=\"\(f(top + plotHeight))\" stroke=\"#4a5563\"/>"
        for (i, column) in columns.enumerated() {
            let cx = left + Double(i) * slot
            var y = top + plotHeight
            for segment in column.segments where segment.value > 0 {
                let h = segment.value / maxValue * plotHeight
                y -= h
                svg +=
                    "<rect x=\"\(f(cx + slot * 0.15))\" y=\"\(f(y))\" width=\"\(f(slot * 0.7))\" height=\"\(f(h))\" fill=\"\(segment.color)\"/>"
            }
            svg +=
                "<text x=\"\(f(cx + slot / 2))\" y=\"\(f(y - 4))\" text-anchor=\"middle\">\(number(totals[i]))</text>"
            svg +=
                "<text x=\"\(f(cx + slot / 2))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(HTMLEscape.escape(column.label))</text>"
        }
        return svg + "</svg>"
    }

    /// A line through monthly values (PM2.5 trend), with a dot and value at each point.
    public static func line(id: String, title: String, description: String, points: [Bar], unit: String) -> String {
        let left = 44.0
        // The unit stands above the plot, clear of the first value's label.
        let top = 34.0
        let plotHeight = 180.0
        let width = 640.0
        let step = points.count > 1 ? (width - left - 24) / Double(points.count - 1) : 0
        let maxValue = max(points.map(\.value).max() ?? 0, 1) * 1.15
        var svg = header(id: id, title: title, description: description, width: width, height: top + plotHeight + 40)
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - 10))\" y2=\"\(f(top + plotHeight))\" stroke=\"#4a5563\"/>"
        svg += "<text x=\"4\" y=\"14\">\(HTMLEscape.escape(unit))</text>"
        let coordinates = points.enumerated().map { i, point in
            (left + Double(i) * step, top + plotHeight - point.value / maxValue * plotHeight)
        }
        svg += plotted(points, at: coordinates, dot: 4, textOffset: -8, labelY: top + plotHeight + 18)
        return svg + "</svg>"
    }

    /// A line through `coordinates`, a dot at each with the point's text beside it
    /// (`textOffset` below the dot when positive) and its label on the axis at `labelY`.
    static func plotted(
        _ points: [Bar], at coordinates: [(Double, Double)], dot: Double, textOffset: Double, labelY: Double
    ) -> String {
        var svg = ""
        if coordinates.count > 1 {
            svg +=
                "<polyline fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2.5\" points=\""
                + coordinates.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>"
        }
        for (point, (x, y)) in zip(points, coordinates) {
            svg += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(dot))\" fill=\"#0b5394\"/>"
            svg +=
                "<text x=\"\(f(x))\" y=\"\(f(y + textOffset))\" text-anchor=\"middle\">\(HTMLEscape.escape(point.text))</text>"
            svg +=
                "<text x=\"\(f(x))\" y=\"\(f(labelY))\" text-anchor=\"middle\">\(HTMLEscape.escape(point.label))</text>"
        }
        return svg
    }

    /// Ranks over time (1 at the top: a better place is higher), with the target as a dashed
    /// line and the place written at each point (满意度测评).
    public static func ranks(
        id: String, title: String, description: String, points: [Bar], target: Int?, targetLabel: String
    ) -> String {
        let left = 100.0
        let top = 24.0
        let plotHeight = 180.0
        let width = 640.0
        let values = points.map(\.value) + (target.map { [Double($0)] } ?? [])
        let best = max(1, (values.min() ?? 1) - 10)
        let worst = (values.max() ?? 1) + 10
        func y(_ rank: Double) -> Double { top + (rank - best) / max(worst - best, 1) * plotHeight }
        let step = points.count > 1 ? (width - left - 80) / Double(points.count - 1) : 0
        let x0 = points.count > 1 ? left + 40 : (left + width) / 2
        var svg = header(id: id, title: title, description: description, width: width, height: top + plotHeight + 40)
        svg += "<text x=\"4\" y=\"\(f(top - 8))\">名次</text>"
        svg += "<text x=\"4\" y=\"\(f(top + 12))\">第\(number(best))</text>"
        svg += "<text x=\"4\" y=\"\(f(top + plotHeight))\">第\(number(worst))</text>"
        if let target {
            let ty = y(Double(target))
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(width - 10))\" y2=\"\(f(ty))\" stroke=\"#b45309\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>"
            svg +=
                "<text x=\"4\" y=\"\(f(ty + 5))\" fill=\"#92400e\">\(HTMLEscape.escape(targetLabel))</text>"
        }
        let coordinates = points.enumerated().map { i, point in (x0 + Double(i) * step, y(point.value)) }
        svg += plotted(points, at: coordinates, dot: 5, textOffset: 22, labelY: top + plotHeight + 30)
        return svg + "</svg>"
    }

    /// A month as a calendar of coloured squares (Monday first), one a day.
    public struct CalendarDay: Sendable {
        public var day: Int
        public var color: String
        public var textColor: String
        /// What the square says under the day (the AQI, `—` without data).
        public var label: String

        public init(day: Int, color: String, textColor: String, label: String) {
            self.day = day
            self.color = color
            self.textColor = textColor
            self.label = label
        }
    }

    public static func calendar(id: String, title: String, description: String, firstWeekday: Int, days: [CalendarDay])
        -> String
    {
        let cell = 44.0
        let gap = 4.0
        let weeks = Int(((Double(firstWeekday + days.count)) / 7).rounded(.up))
        let width = 7 * (cell + gap)
        let height = 22 + Double(weeks) * (cell + gap)
        var svg = header(id: id, title: title, description: description, width: width, height: height)
        for (i, name) in ["一", "二", "三", "四", "五", "六", "日"].enumerated() {
            svg +=
                "<text x=\"\(f(Double(i) * (cell + gap) + cell / 2))\" y=\"15\" text-anchor=\"middle\" fill=\"#4a5563\">\(name)</text>"
        }
        for (i, day) in days.enumerated() {
            let slot = firstWeekday + i
            let x = Double(slot % 7) * (cell + gap)
            let y = 22 + Double(slot / 7) * (cell + gap)
            svg +=
                "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell))\" height=\"\(f(cell))\" rx=\"4\" fill=\"\(day.color)\"/>"
            // The day small at the top, the value (AQI) below it: readable without hovering, on paper.
            svg +=
                "<text x=\"\(f(x + 4))\" y=\"\(f(y + 12))\" font-size=\"10\" fill=\"\(day.textColor)\">\(day.day)</text>"
            svg +=
                "<text x=\"\(f(x + cell / 2))\" y=\"\(f(y + cell - 7))\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"700\" fill=\"\(day.textColor)\">\(HTMLEscape.escape(day.label))</text>"
        }
        return svg + "</svg>"
    }

    static func header(id: String, title: String, description: String, width: Double, height: Double) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" font-size=\"14\" fill=\"#1f2933\">"
            + "<title id=\"\(id)-t\">\(HTMLEscape.escape(title))</title><desc id=\"\(id)-d\">\(HTMLEscape.escape(description))</desc>"
    }

    static func f(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
