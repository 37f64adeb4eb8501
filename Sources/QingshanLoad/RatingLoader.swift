import Foundation
import QingshanCore
import QingshanRatings

/// Reads content/data/ratings.csv (docs/RULES.md, Ratings): one row per published result of
/// the province's satisfaction survey, English or Chinese headers. A bad date, a rank that is
/// not a whole number from 1 to the total, a score outside 0–100 or a period given twice is
/// an error at its file, line and column; every bad cell of the file is reported.
public struct RatingLoader: Sendable {
    public static let file = SatisfactionRating.file
    public let siteRoot: String

    public init(siteRoot: String) {
        self.siteRoot = siteRoot
    }

    static let aliases: [String: String] = [
        "date": "date", "日期": "date", "发布日期": "date", "period": "period", "期次": "period", "score": "score",
        "得分": "score", "rank": "rank", "排名": "rank", "total": "total", "参评总数": "total",
    ]

    public func load(diagnostics: Diagnostics) -> [SatisfactionRating] {
        MonitoringLoader(siteRoot: siteRoot).read(Self.file, diagnostics) { table, file in
            parse(table, file: file, diagnostics: diagnostics)
        } ?? []
    }

    func parse(_ table: CSVTableReader, file: String, diagnostics: Diagnostics) -> [SatisfactionRating] {
        guard
            let columns = MonitoringLoader.Columns(
                table, file: file, aliases: Self.aliases, required: ["date", "period", "rank", "total"],
                diagnostics: diagnostics)
        else { return [] }
        var seen: [String: Int] = [:]
        return table.rows.compactMap { row -> SatisfactionRating? in
            guard columns.wellFormed(row, diagnostics: diagnostics) else { return nil }
            let date = MonitoringLoader(siteRoot: siteRoot).day(columns, row, "date", diagnostics)
            let period = MonitoringLoader(siteRoot: siteRoot).text(columns, row, "period", diagnostics)
            let total = whole(columns, row, "total", "参评总数", 1...10_000, diagnostics)
            let rank = whole(columns, row, "rank", "排名", 1...(total ?? 10_000), diagnostics)
            var scoreOK = true
            var score: Double? = nil
            if let (text, column) = columns.cell(row, "score") {
                score = DecimalNumber.parse(text).flatMap { (0...100).contains($0) ? $0 : nil }
                if score == nil {
                    scoreOK = false
                    diagnostics.error(
                        SourceLocation(file: file, line: row.line, column: column), "得分“\(text)”应是 0 到 100 的数字",
                        hint: "未公布得分请留空")
                }
            }
            if let period {
                if let first = seen[period] {
                    diagnostics.error(
                        SourceLocation(file: file, line: row.line), "期次“\(period)”重复（第 \(first) 行已有）")
                    return nil
                }
                seen[period] = row.line
            }
            guard let date, let period, let total, let rank, scoreOK else { return nil }
            return SatisfactionRating(
                date: date, period: period, score: score, rank: rank, total: total, line: row.line)
        }
    }

    /// A whole number in `range`, else an error at its cell.
    func whole(
        _ columns: MonitoringLoader.Columns, _ row: CSVTableReader.Row, _ name: String, _ label: String,
        _ range: ClosedRange<Int>, _ diagnostics: Diagnostics
    ) -> Int? {
        guard let (text, column) = columns.cell(row, name) else {
            diagnostics.error(SourceLocation(file: columns.file, line: row.line), "缺少\(label)")
            return nil
        }
        guard let value = DecimalNumber.parseDigits(text), range.contains(value) else {
            diagnostics.error(
                SourceLocation(file: columns.file, line: row.line, column: column),
                "\(label)“\(text)”应是 \(range.lowerBound) 到 \(range.upperBound) 的整数")
            return nil
        }
        return value
    }
}
