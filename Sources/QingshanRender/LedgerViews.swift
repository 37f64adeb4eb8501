import Mustache
import QingshanCore

/// /ledger/: headline figures, charts, breakdown tables and one page of the records table.
public struct LedgerPageView: MustacheParent, Sendable {
    public var asOf: Day
    public var figures: [FigureView]
    public var charts: [ChartView]
    public var tables: [TableView]
    public var records: TableView
    public var pagination: PaginationView?
    public var isFirstPage: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "asOfISO": return asOf.iso
        case "asOfText": return asOf.chinese
        case "figures": return figures
        case "charts": return charts
        case "tables": return tables
        case "records": return records
        case "pagination": return pagination ?? false
        case "isFirstPage": return isFirstPage
        default: return nil
        }
    }
}

/// One entry of /bulletins/.
public struct BulletinItemView: MustacheParent, Sendable {
    public var title: String
    public var href: String
    public var docNo: String?
    public var date: Day

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "href": return text(href)
        case "docNo": return docNo.map { text($0) as Any } ?? false
        case "dateISO": return date.iso
        case "dateText": return date.chinese
        default: return nil
        }
    }
}

/// A monthly progress bulletin (月度通报), laid out like a 公文 (GB/T 9704).
public struct BulletinView: MustacheParent, Sendable {
    /// 发文机关标志.
    public var issuer: String
    public var title: String
    public var docNo: String?
    /// The narrative from content/bulletins/YYYY-MM.md (trusted HTML from cmark-gfm).
    public var narrative: String?
    /// Numbered parts: a heading (一、…), generated paragraphs and tables.
    public var parts: [Part]
    public var signature: String
    public var date: Day

    public struct Part: MustacheParent, Sendable {
        /// Without its number: `BulletinText.numbered` adds 一、二、….
        public var heading: String
        public var paragraphs: [String]
        public var tables: [TableView]

        public func child(named name: String) -> Any? {
            switch name {
            case "heading": return text(heading)
            case "paragraphs": return paragraphs.map { text($0) ?? "" }
            case "tables": return tables
            default: return nil
            }
        }
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "issuer": return text(issuer)
        case "title": return text(title)
        case "docNo": return docNo.map { text($0) as Any } ?? false
        case "narrative": return narrative ?? false
        case "parts": return parts
        case "signature": return text(signature)
        case "dateISO": return date.iso
        case "dateText": return date.chinese
        default: return nil
        }
    }
}
