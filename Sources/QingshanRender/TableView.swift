import QingshanCore

/// A data table for templates (`partials/table`): caption, column heads, rows of cells.
public struct TableView: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var href: String?
        /// A CSS class (grade badges, numbers).
        public var className: String?

        public init(_ text: String, href: String? = nil, className: String? = nil) {
            self.text = text
            self.href = href
            self.className = className
        }
    }

    public struct Row: Sendable {
        public var cells: [Cell]
        /// The row's `id`, for a link to it (a ledger record: `#r-GX-2023-0008`).
        public var id: String?

        public init(_ cells: [Cell], id: String? = nil) {
            self.cells = cells
            self.id = id
        }
    }

    public var caption: String
    public var head: [String]
    public var rows: [Row]

    public init(caption: String, head: [String], rows: [[Cell]]) {
        self.init(caption: caption, head: head, madeRows: rows.map { Row($0) })
    }

    /// Rows made whole (with their ids).
    public init(caption: String, head: [String], madeRows rows: [Row]) {
        self.caption = caption
        self.head = head
        self.rows = rows
    }
}

/// A headline figure: a label, a value and an optional note (`办结率 95.2%`).
public struct FigureView: Sendable {
    public var label: String
    public var value: String
    public var note: String?

    public init(_ label: String, _ value: String, note: String? = nil) {
        self.label = label
        self.value = value
        self.note = note
    }
}

/// A chart: its heading and the SVG Qingshan drew (trusted HTML: labels escaped when drawn).
public struct ChartView: Sendable {
    public var title: String
    public var svg: String
}

/// Days to a deadline as the bureau writes them: `剩余 12 天`, `逾期 3 天`.
func daysLeft(_ days: Int) -> String { days >= 0 ? "剩余 \(days) 天" : "逾期 \(-days) 天" }

/// Percentages as the bureau writes them: `93.3%`, `—` when there is nothing to divide.
func percent(_ value: Double?) -> String {
    value.map(FigureFormat.percent) ?? "—"
}
