import QingshanCore

/// A working report of the internal edition (月调度表, 双月会, 督办台账, 季度抽查): figures
/// and numbered parts of sentences, bullet points and tables.
public struct ReportView: Sendable {
    public struct Part: Sendable {
        public var heading: String
        public var paragraphs: [String] = []
        public var bullets: [String] = []
        public var tables: [TableView] = []
        public var figures: [FigureView] = []
        public var items: [ItemView] = []
        public var charts: [ChartView] = []
        /// A link to the full page the part summarizes.
        public var more: LinkView?

        public init(
            heading: String, paragraphs: [String] = [], bullets: [String] = [], tables: [TableView] = [],
            figures: [FigureView] = [], items: [ItemView] = [], charts: [ChartView] = [], more: LinkView? = nil
        ) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.bullets = bullets
            self.tables = tables
            self.figures = figures
            self.items = items
            self.charts = charts
            self.more = more
        }
    }

    public var title: String
    public var asOf: Day
    public var intro: [String]
    public var figures: [FigureView]
    public var parts: [Part]
    public var links: [LinkView]
    /// The 新媒体 pack beside the page, for the editors (`NewMediaPack.links`).
    public var newMedia: [LinkView] = []
}
