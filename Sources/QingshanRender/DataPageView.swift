import Mustache
import QingshanCore

/// An environmental data page (/data/air/, /data/water/, /data/noise/): explanation, headline
/// figures, charts drawn at build time, tables with the numbers, downloads.
public struct DataPageView: MustacheParent, Sendable {
    public var title: String
    public var asOf: Day
    public var intro: [String]
    public var figures: [FigureView]
    public var legend: [LegendItem]
    public var charts: [ChartView]
    /// Small charts shown as a grid (the AQI calendar).
    public var calendars: [ChartView]
    public var tables: [TableView]
    public var related: [LinkView]
    public var downloads: [LinkView]
    /// The other data pages (空气质量, 水环境, 声环境), the current one marked.
    public var siblings: [LinkView] = []

    public struct LegendItem: MustacheParent, Sendable {
        public var label: String
        public var color: String

        public func child(named name: String) -> Any? {
            switch name {
            case "label": return text(label)
            case "color": return text(color)
            default: return nil
            }
        }
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "asOfISO": return asOf.iso
        case "asOfText": return asOf.chinese
        case "intro": return intro.map { text($0) ?? "" }
        case "figures": return figures
        case "hasFigures": return !figures.isEmpty
        case "legend": return legend
        case "hasLegend": return !legend.isEmpty
        case "charts": return charts
        case "hasCharts": return !charts.isEmpty
        case "calendars": return calendars
        case "hasCalendars": return !calendars.isEmpty
        case "tables": return tables
        case "related": return related
        case "hasRelated": return !related.isEmpty
        case "downloads": return downloads
        case "siblings": return siblings
        case "hasSiblings": return siblings.count > 1
        default: return nil
        }
    }
}
