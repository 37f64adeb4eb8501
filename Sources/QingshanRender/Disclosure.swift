import QingshanCore

/// The 信息公开 block of a notice or a bulletin, as gov.cn portals print it above the text:
/// 索引号, 发文机关, 成文日期, 文号 and 发布日期.
public enum Disclosure {
    /// The 索引号: the site's code (网站标识码) and the kind (01 通知公告, 02 工作通报), the year, and
    /// the document's place among that year's of its kind in date order: `3704990001-01/2023-00004`.
    public static func indexNumber(siteCode: String, kind: String, year: Int, sequence: Int) -> String {
        let code = siteCode.isEmpty ? "" : siteCode + "-"
        let number = String(sequence)
        return "\(code)\(kind)/\(year)-" + String(repeating: "0", count: max(0, 5 - number.count)) + number
    }

    /// The place (1, 2, …) of `day` among `days` of its year, ties broken by the order given.
    public static func sequence(of index: Int, in days: [Day]) -> Int {
        let year = days[index].year
        return days.indices.filter { i in
            days[i].year == year && (days[i] < days[index] || (days[i] == days[index] && i <= index))
        }.count
    }

    public static func items(index: String, issuer: String, signed: Day, docNo: String?, published: Day) -> [FigureView]
    {
        [
            FigureView("索引号", index), FigureView("发文机关", issuer), FigureView("成文日期", signed.chinese),
            FigureView("文号", docNo ?? "—"), FigureView("发布日期", published.chinese),
        ]
    }
}
