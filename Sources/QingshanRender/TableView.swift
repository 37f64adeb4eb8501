import Mustache
import QingshanCore

/// A data table for templates (`partials/table`): caption, column heads, rows of cells.
public struct TableView: MustacheParent, Sendable {
    public struct Cell: MustacheParent, Sendable {
        public var text: String
        public var href: String?
        /// A CSS class (grade badges, numbers).
        public var className: String?

        public init(_ text: String, href: String? = nil, className: String? = nil) {
            self.text = text
            self.href = href
            self.className = className
        }

        // Absent values answer `false`, so a `{{#href}}` never falls through to an outer context.
        public func child(named name: String) -> Any? {
            switch name {
            case "text": return QingshanRender.text(text)
            case "href": return href.map { QingshanRender.text($0) as Any } ?? false
            case "className": return className.map { QingshanRender.text($0) as Any } ?? false
            default: return nil
            }
        }
    }

    public struct Row: MustacheParent, Sendable {
        public var cells: [Cell]

        public func child(named name: String) -> Any? {
            name == "cells" ? cells : nil
        }
    }

    public var caption: String
    public var head: [String]
    public var rows: [Row]

    public init(caption: String, head: [String], rows: [[Cell]]) {
        self.caption = caption
        self.head = head
        self.rows = rows.map { Row(cells: $0) }
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "caption": return text(caption)
        case "head": return head.map { text($0) ?? "" }
        case "rows": return rows
        case "rowsHTML": return rowsHTML
        case "hasRows": return !rows.isEmpty
        default: return nil
        }
    }

    /// The body rows as HTML, the markup the built-in `partials/table` used to build with
    /// `{{#rows}}…{{/rows}}` (ThemeTests compares the two): a ledger page of 50 rows was 400
    /// cell look-ups through Mustache's context stack. A theme may still loop over `rows`.
    public var rowsHTML: String {
        var out = ""
        for row in rows {
            out += "<tr>"
            for cell in row.cells {
                out += "<td"
                if let className = cell.className { out += " class=\"" + HTMLEscape.escape(className) + "\"" }
                out += ">"
                if let href = cell.href {
                    out += "<a href=\"" + HTMLEscape.escape(href) + "\">" + HTMLEscape.escape(cell.text) + "</a>"
                } else {
                    out += HTMLEscape.escape(cell.text)
                }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        return out
    }
}

/// A headline figure: a label, a value and an optional note (`办结率 95.2%`).
public struct FigureView: MustacheParent, Sendable {
    public var label: String
    public var value: String
    public var note: String?

    public init(_ label: String, _ value: String, note: String? = nil) {
        self.label = label
        self.value = value
        self.note = note
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "label": return text(label)
        case "value": return text(value)
        case "note": return note.map { text($0) as Any } ?? false
        default: return nil
        }
    }
}

/// A chart: its heading and the SVG Qingshan drew (trusted HTML: labels escaped when drawn).
public struct ChartView: MustacheParent, Sendable {
    public var title: String
    public var svg: String

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return text(title)
        case "svg": return svg
        default: return nil
        }
    }
}

/// Percentages as the bureau writes them: `93.3%`, `—` when there is nothing to divide.
func percent(_ value: Double?) -> String {
    guard let value else { return "—" }
    return String(format: "%.1f%%", value * 100)
}
