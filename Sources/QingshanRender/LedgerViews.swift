import QingshanCore

/// /ledger/: headline figures, charts, breakdown tables and one page of the records table.
public struct LedgerPageView: Sendable {
    public var asOf: Day
    public var figures: [FigureView]
    public var charts: [ChartView]
    public var tables: [TableView]
    /// By 科室 and by 街道.
    public var analysis: [TableView]
    /// 阶段进展 of the rectifications under way.
    public var progress: [TableView]
    public var records: TableView
    public var pagination: PaginationView?
    public var isFirstPage: Bool
    /// `问题台账`, or the value the records are narrowed to (`问题台账：兴仁街道`).
    public var heading: String = "问题台账"
    /// The ways to narrow the records (`LedgerFacet`), each value a link, the shown one current.
    public var filters: [FilterView] = []
}

/// One way to narrow a list: its name and a link per value.
public struct FilterView: Sendable {
    public var title: String
    public var links: [LinkView]
}

/// One entry of /bulletins/.
public struct BulletinItemView: Sendable {
    public var title: String
    public var href: String
    public var docNo: String?
    public var date: Day
}

/// A monthly progress bulletin (月度通报), laid out like a 公文 (GB/T 9704).
public struct BulletinView: Sendable {
    /// 发文机关标志.
    public var issuer: String
    public var title: String
    public var docNo: String?
    /// The narrative from content/bulletins/YYYY-MM.md (trusted HTML from cmark-gfm).
    public var narrative: TrustedHTML?
    /// Numbered parts: a heading (一、…), generated paragraphs and tables.
    public var parts: [Part]
    public var signature: String
    public var date: Day
    /// The 信息公开 block (`Disclosure`).
    public var disclosure: [FigureView] = []

    public struct Part: Sendable {
        /// Without its number: `BulletinText.numbered` adds 一、二、….
        public var heading: String
        public var paragraphs: [String]
        public var tables: [TableView]
    }
}
