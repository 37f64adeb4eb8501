import Foundation
import QingshanCore

/// Charts drawn at build time as inline SVG (no chart JavaScript). Every chart has a title
/// and a description for assistive technology; pages put the numbers in a table as well.
public enum SVGChart {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var text: String

        public init(label: String, value: Double, text: String? = nil) {
            self.label = label
            self.value = value
            self.text = text ?? SVGChart.number(value)
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
        let labelWidth = 250.0
        let barWidth = 330.0
        let row = 30.0
        let height = Double(max(bars.count, 1)) * row + 10
        let maxValue = max(bars.map(\.value).max() ?? 0, 1)
        var svg = header(id: id, title: title, description: description, width: 640, height: height)
        for (i, bar) in bars.enumerated() {
            let y = 5 + Double(i) * row
            let w = max(bar.value > 0 ? 2 : 0, bar.value / maxValue * barWidth)
            svg +=
                "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 19))\" text-anchor=\"end\">\(HTMLEscape.escape(bar.label))</text>"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 5))\" width=\"\(f(w))\" height=\"20\" fill=\"\(color)\"/>"
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

    static func header(id: String, title: String, description: String, width: Double, height: Double) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" font-size=\"14\" fill=\"#1f2933\">"
            + "<title id=\"\(id)-t\">\(HTMLEscape.escape(title))</title><desc id=\"\(id)-d\">\(HTMLEscape.escape(description))</desc>"
    }

    static func f(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
