import QingshanCore

/// The 信息公开 block of a notice or a bulletin, as gov.cn portals print it above the text:
/// 索引号, 发文机关, 成文日期, 文号 and 发布日期.
public enum Disclosure {
    /// The kind of document, as its 索引号 numbers it.
    public enum Kind: String, Sendable {
        case notice = "01"  // 通知公告
        case bulletin = "02"  // 工作通报
    }

    /// The 索引号: the site's code (网站标识码) and the kind (01 通知公告, 02 工作通报), the year, and
    /// the document's place among that year's of its kind in date order: `3704990001-01/2023-00004`.
    public static func indexNumber(siteCode: String, kind: Kind, year: Int, sequence: Int) -> String {
        let code = siteCode.isEmpty ? "" : siteCode + "-"
        let number = String(sequence)
        return "\(code)\(kind.rawValue)/\(year)-" + String(repeating: "0", count: max(0, 5 - number.count)) + number
    }

    /// Each day's place (1, 2, …) among the days of its year, in date order, ties in the order
    /// given: the numbers of the 索引号, worked out once for a whole kind.
    public static func places(_ days: [Day]) -> [Int] {
        var places = Array(repeating: 0, count: days.count)
        var count: [Int: Int] = [:]
        for i in days.indices.sorted(by: { days[$0] != days[$1] ? days[$0] < days[$1] : $0 < $1 }) {
            count[days[i].year, default: 0] += 1
            places[i] = count[days[i].year] ?? 0
        }
        return places
    }

    /// The block's entries, in the order gov.cn portals print them.
    public static func items(index: String, issuer: String, signed: Day, docNo: String?, published: Day) -> [FigureView]
    {
        [
            FigureView("索引号", index), FigureView("发文机关", issuer), FigureView("成文日期", signed.chinese),
            FigureView("文号", docNo ?? "—"), FigureView("发布日期", published.chinese),
        ]
    }
}
