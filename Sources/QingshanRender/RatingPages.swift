import Foundation
import QingshanCore
import QingshanModel
import QingshanRatings

/// The plan's one numeric target (docs/RULES.md, Ratings): /ratings/ charts every published
/// result of the province's satisfaction survey against the target place, the home page and
/// the fact sheets show the latest beside it.
public struct RatingPages: Sendable {
    let chrome: PageChrome
    /// Results published by the as-of day, oldest first.
    let published: [SatisfactionRating]
    let target: Int?

    public init(chrome: PageChrome, ratings: [SatisfactionRating], target: Int?) {
        self.chrome = chrome
        published = RatingRules.published(ratings, asOf: chrome.asOf)
        self.target = target
    }

    public var latest: SatisfactionRating? { published.last }

    public func renderAll() -> [OutputFile] {
        guard let latest else { return [] }
        let links = chrome.links
        let view = DataPageView(
            title: Column.ratings.title, asOf: chrome.asOf,
            intro: [
                "“满意环保”实施方案的目标：在全省136个县（市、区）生态环境满意度测评中，全区排名不低于前\(target.map(String.init) ?? "70")位。"
                    + "本页列出省里每次公布的测评结果，名次越小越好。",
                Self.standing(latest, target: target),
            ],
            figures: RatingPages.figures(latest, target: target),
            legend: [],
            charts: [chart()], calendars: [],
            tables: [table()],
            related: [LinkView(title: Column.ledger.title, href: links.link(Route.ledger))],
            downloads: [
                LinkView(title: "ratings.json", href: links.link(SitePath("/data/ratings.json"))),
                LinkView(title: "ratings.csv", href: links.link(SitePath("/data/ratings.csv"))),
            ])
        let meta = chrome.meta(
            title: Column.ratings.title, path: Route.ratings, column: .ratings,
            columnDescription: "全省满意度测评结果与实施方案目标", columnType: "数据页",
            description: Self.standing(latest, target: target),
            breadcrumb: [LinkView(title: Column.ratings.title, href: nil)])
        return [
            chrome.page(
                Route.ratings, template: .data, meta: meta, content: .data(view), column: .ratings,
                origin: SatisfactionRating.file)
        ]
    }

    /// `2023-Q3（2023年10月20日公布）全省第66位，已进入前70位。`
    static func standing(_ rating: SatisfactionRating, target: Int?) -> String {
        var text = "最新一期\(rating.period)测评（\(rating.date.chinese)公布）：全区在\(rating.total)个县（市、区）中位列第\(rating.rank)位"
        if let target {
            text +=
                RatingRules.meets(rating, target: target)
                ? "，达到前\(target)位的目标。" : "，距前\(target)位的目标还差\(rating.rank - target)位。"
        } else {
            text += "。"
        }
        return text
    }

    /// The latest result beside the target (the home page, the page's head, the fact sheets).
    public static func figures(_ rating: SatisfactionRating, target: Int?) -> [FigureView] {
        var out = [FigureView("满意度测评排名", "第\(rating.rank)位", note: "\(rating.period) · 共\(rating.total)个")]
        if let target {
            out.append(
                FigureView(
                    "方案目标", "前\(target)位", note: RatingRules.meets(rating, target: target) ? "已达到" : "尚未达到"))
        }
        return out
    }

    /// The home page's figure: the latest place and the target.
    public var homeFigures: [FigureView] {
        guard let latest else { return [] }
        let note = target.map { "目标前\($0)位 · " + (RatingRules.meets(latest, target: $0) ? "已达到" : "尚未达到") }
        return [FigureView("满意度测评排名（\(latest.period)）", "第\(latest.rank)位", note: note ?? "共\(latest.total)个")]
    }

    func chart() -> ChartView {
        let points = published.map { SVGChart.Bar(label: $0.period, value: Double($0.rank), text: "第\($0.rank)位") }
        let description =
            published.map { "\($0.period)第\($0.rank)位" }.joined(separator: "，")
            + (target.map { "；目标为前\($0)位" } ?? "")
        return ChartView(
            title: "历次测评排名",
            svg: SVGChart.ranks(
                id: "ratings", title: "历次测评排名", description: description, points: points, target: target,
                targetLabel: target.map { "目标：前\($0)位" } ?? ""))
    }

    func table() -> TableView {
        TableView(
            caption: "历次测评结果", head: ["期次", "公布日期", "得分", "排名", "参评总数", "达到目标"],
            rows: published.reversed().map { r in
                [
                    .init(r.period, className: "nowrap"), .init(r.date.iso, className: "nowrap"),
                    .init(r.scoreText ?? "—", className: "num"),
                    .init(String(r.rank), className: "num"), .init(String(r.total), className: "num"),
                    .init(r.meetsText(target) ?? "—"),
                ]
            })
    }
}

/// How a result reads in the page's table and in ratings.csv, which must agree.
extension SatisfactionRating {
    /// The score to one decimal, when published.
    var scoreText: String? { score.map { String(format: "%.1f", $0) } }

    /// 是 or 否: whether the place reaches the target, when there is one.
    func meetsText(_ target: Int?) -> String? {
        target.map { RatingRules.meets(self, target: $0) ? "是" : "否" }
    }
}

extension RatingPages: Product {
    public var memoKey: RenderKey? { RenderKey("ratings") }
}

/// /data/ratings.json and ratings.csv (docs/RULES.md, Open data files).
public enum RatingOpenData {
    public static func files(_ ratings: [SatisfactionRating], target: Int?, asOf d: Day) -> [OutputFile] {
        let published = RatingRules.published(ratings, asOf: d)
        guard !published.isEmpty else { return [] }
        func meets(_ r: SatisfactionRating) -> JSONValue {
            target.map { .bool(RatingRules.meets(r, target: $0)) } ?? .null
        }
        let json = JSONValue.object([
            ("as_of", .string(d.iso)),
            ("target", target.map(JSONValue.int) ?? .null),
            (
                "results",
                .array(
                    published.map { r in
                        .object([
                            ("date", .string(r.date.iso)), ("period", .string(r.period)), ("score", .optional(r.score)),
                            ("rank", .int(r.rank)), ("total", .int(r.total)), ("meets_target", meets(r)),
                        ])
                    })
            ),
        ])
        let csv = CSVTable.render(
            header: ["日期", "期次", "得分", "排名", "参评总数", "达到目标"],
            rows: published.map { r in
                [
                    r.date.iso, r.period, r.scoreText ?? "", String(r.rank), String(r.total), r.meetsText(target) ?? "",
                ]
            })
        return [
            OutputFile(
                path: "data/ratings.json", data: Data(json.bytes(pretty: true)), origin: SatisfactionRating.file),
            OutputFile(path: "data/ratings.csv", data: csv, origin: SatisfactionRating.file),
        ]
    }
}
