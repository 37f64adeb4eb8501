import QingshanCore

/// An environmental data page (/data/air/, /data/water/, /data/noise/): explanation, headline
/// figures, charts drawn at build time, tables with the numbers, downloads.
public struct DataPageView: Sendable {
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

    public struct LegendItem: Sendable {
        public var label: String
        public var color: String
    }
}
