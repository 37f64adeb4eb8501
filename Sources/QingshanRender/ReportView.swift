import Mustache
import QingshanCore

/// A working report of the internal edition (月调度表, 双月会, 督办台账, 季度抽查): figures
/// and numbered parts of sentences, bullet points and tables.
public struct ReportView: MustacheParent, Sendable {
    public struct Part: MustacheParent, Sendable {
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

        public func child(named name: String) -> Any? {
            switch name {
            case "heading": return text(heading)
            case "paragraphs": return paragraphs.map { text($0) ?? "" }
            case "bullets": return bullets.map { text($0) ?? "" }
            case "hasBullets": return !bullets.isEmpty
            case "tables": return tables
            case "figures": return figures
            case "hasFigures": return !figures.isEmpty
            case "items": return items
            case "hasItems": return !items.isEmpty
            case "charts": return charts
            case "more": return more ?? false
            default: return nil
            }
        }
    }

    public var title: String
    public var asOf: Day
    public var intro: [String]
    public var figures: [FigureView]
    public var parts: [Part]
    public var links: [LinkView]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "asOfISO": return asOf.iso
        case "asOfText": return asOf.chinese
        case "intro": return intro.map { text($0) ?? "" }
        case "figures": return figures
        case "hasFigures": return !figures.isEmpty
        case "parts": return parts
        case "links": return links
        case "hasLinks": return !links.isEmpty
        default: return nil
        }
    }
}
