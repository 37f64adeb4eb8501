import QingshanCore

/// RFC 4180 CSV with the line of every row kept for messages: UTF-8 with or without a BOM,
/// LF or CRLF, quoted cells with doubled quotes and line breaks. (A library would do the
/// parsing, but not report the line and column a bad cell sits on.)
public struct CSVTableReader {
    public struct Row: Sendable {
        /// Line the row starts on (1-based).
        public let line: Int
        public let cells: [String]
    }

    public let header: [String]
    public let rows: [Row]

    /// Nil, with an error, when the text has no header or an unclosed quote.
    public init?(_ text: String, file: String, diagnostics: Diagnostics) {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var rows: [Row] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var quoteLine = 0
        var index = scalars.startIndex
        var rowHasContent = false
        func endCell() {
            cells.append(String(cell).trimmingSpaces())
            cell = String.UnicodeScalarView()
        }
        func endRow() {
            endCell()
            if rowHasContent || cells.contains(where: { !$0.isEmpty }) {
                rows.append(Row(line: rowLine, cells: cells))
            }
            cells = []
            rowHasContent = false
        }
        while index < scalars.endIndex {
            let c = scalars[index]
            index = scalars.index(after: index)
            if inQuotes {
                if c == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        cell.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    if c != "\r" { cell.append(c) }
                }
                continue
            }
            switch c {
            case "\"":
                inQuotes = true
                quoteLine = line
                rowHasContent = true
            case ",":
                endCell()
                rowHasContent = true
            case "\r":
                continue
            case "\n":
                endRow()
                line += 1
                rowLine = line
            default:
                cell.append(c)
            }
        }
        if inQuotes {
            diagnostics.error(SourceLocation(file: file, line: quoteLine), "引号没有闭合", hint: "单元格内的引号要写成两个 \"\"")
            return nil
        }
        endRow()
        guard let first = rows.first else {
            diagnostics.error(SourceLocation(file: file, line: 1), "CSV 文件是空的，至少需要表头一行")
            return nil
        }
        header = first.cells
        self.rows = Array(rows.dropFirst())
    }
}
