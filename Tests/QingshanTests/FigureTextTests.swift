import Foundation
import QingshanCore
import QingshanDerive
import QingshanLedger
import QingshanLoad
import QingshanMarkdown
import QingshanModel
import XCTest

/// Figures in text (docs/RULES.md, Figures in text): every name against the `figures` fixture, whose answers
/// are worked out by hand in its data files; the as-of rules; unknown names; escapes.
final class FigureTextTests: XCTestCase {
    func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d) ?? Day.today() }

    static func book() throws -> FigureBook {
        let site = try Fixture.copy("figures")
        let diagnostics = Diagnostics()
        let content = try XCTUnwrap(SiteLoader(siteRoot: site.path).load(diagnostics: diagnostics))
        XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics.all)")
        return FigureBook(content: content, derivations: LedgerDerivations(content.ledger))
    }

    func testEveryNameAsOfTheEndOfApril() throws {
        let book = try Self.book()
        let april = day(2023, 4, 30)
        let expected: [String: String] = [
            // Ledger (content/data/ledger.yaml's header works these out).
            "ledger.received": "4", "ledger.handled": "2", "ledger.closed": "1", "ledger.handled_rate": "50.0%",
            "ledger.green": "1", "ledger.yellow": "1", "ledger.red": "1", "ledger.pending": "1", "ledger.graded": "3",
            "ledger.green_rate": "33.3%", "ledger.supervised": "3", "ledger.overdue": "1", "ledger.rebound": "0",
            "ledger.category.投诉举报": "2", "ledger.category.咨询": "1", "ledger.category.建议": "1",
            "ledger.department.综合科": "2", "ledger.department.执法监测科": "2", "ledger.department.项目管理科": "0",
            "ledger.street.兴仁街道": "2", "ledger.street.张范街道": "0",
            // Campaigns: c1 has two of four tasks done by 4-30 and is due 6-30; c2 is 长期坚持.
            "campaigns.count": "2", "campaigns.done": "0", "campaigns.on_track": "1", "campaigns.overdue": "0",
            "campaign.c1.progress": "50.0%", "campaign.c1.tasks": "4", "campaign.c1.tasks_done": "2",
            "campaign.c1.metric.整治点位": "7", "campaign.c1.target.整治点位": "10",
            // Air, 2023 to date: PM2.5 30, 40 and 160 µg/m³ (IAQI 43, 57, 210); 2022-12-31 and 5-2 left out.
            "air.days": "3", "air.good_days": "2", "air.good_rate": "66.7%", "air.pm25_mean": "76.7",
            // Water, April: 乙断面 Ⅲ (target Ⅲ), 甲断面 Ⅴ by NH3-N 1.8 mg/L (target Ⅲ).
            "water.sections": "2", "water.meeting_target": "1",
            // Ratings: 2023-Q1 published 4-20.
            "rank.latest": "88", "rank.total": "136", "rank.score": "86.4", "rank.target": "70",
        ]
        for (name, value) in expected {
            XCTAssertEqual(book.answer(name, asOf: april), .value(value), name)
        }
    }

    func testFiguresAreTakenAtTheDayAsked() throws {
        let book = try Self.book()
        let march = day(2023, 3, 31)
        XCTAssertEqual(book.answer("ledger.received", asOf: march), .value("2"))
        XCTAssertEqual(book.answer("ledger.handled_rate", asOf: march), .value("100.0%"))
        XCTAssertEqual(book.answer("ledger.overdue", asOf: march), .value("0"))
        XCTAssertEqual(book.answer("campaign.c1.metric.整治点位", asOf: march), .value("3"))
        XCTAssertEqual(book.answer("campaign.c1.tasks_done", asOf: march), .value("1"))
        // Before the 2023-Q1 result was published the 2022-Q4 rank is the latest.
        XCTAssertEqual(book.answer("rank.latest", asOf: day(2023, 4, 19)), .value("97"))
        XCTAssertEqual(book.answer("rank.latest", asOf: day(2023, 4, 20)), .value("88"))
    }

    func testFiguresWithoutAValueThatDay() throws {
        let book = try Self.book()
        let early = day(2023, 1, 10)
        for name in ["campaign.c1.metric.整治点位", "rank.latest", "ledger.handled_rate", "air.good_rate"] {
            guard case .unavailable = book.answer(name, asOf: early) else {
                return XCTFail("\(name) should have no value on 2023-01-10")
            }
        }
        guard case .unavailable = book.answer("campaign.c2.progress", asOf: day(2023, 4, 30)) else {
            return XCTFail("a campaign without tasks or milestones has no progress")
        }
    }

    func testUnknownNames() throws {
        let book = try Self.book()
        for name in [
            "ledger.recieved", "ledger", "ledger.category.表扬", "ledger.department.财务科", "ledger.street.无名街道",
            "campaign.none.progress", "campaign.c1.metric.不存在", "campaign.c1.speed", "campaigns.total", "air.aqi",
            "water.class", "rank.best", "weather.today", "",
        ] {
            XCTAssertEqual(book.answer(name, asOf: day(2023, 4, 30)), .unknown, name)
        }
    }

    func testMarkersTravelThroughMarkdownAndCodeKeepsWhatWasWritten() {
        let rendered = MarkdownRenderer().render(
            "受理{{ ledger.received }}件，`{{ledger.closed}}` 与 \\{{x}}。\n\n```\n{{a.b}} \\{{c\n```\n\n## 共{{ledger.red}}件\n"
        )
        XCTAssertEqual(rendered.figures.map(\.name), ["ledger.received", "ledger.red"])
        XCTAssertEqual(rendered.figures.map(\.line), [1, 7])
        XCTAssertEqual(rendered.figures.map(\.column), [3, 5])
        let html = FigureMarkers.resolve(rendered.html.string) { $0 == 0 ? "4" : "1" }
        XCTAssertTrue(html.contains("<p>受理4件，<code>{{ledger.closed}}</code> 与 {{x}}。</p>"), html)
        XCTAssertTrue(html.contains("<pre><code>{{a.b}} \\{{c\n</code></pre>"), html)
        // The heading's address does not change with the data.
        XCTAssertTrue(html.contains("<h2 id=\"共件\">共1件</h2>"), html)
        XCTAssertEqual(
            FigureMarkers.resolve(String(decoding: rendered.plainText, as: UTF8.self)) { _ in "4" }.components(
                separatedBy: "\n"
            ).first,
            "受理4件，{{ledger.closed}} 与 {{x}}。")
    }

    func testAFigureInALinkTargetIsReported() {
        let rendered = MarkdownRenderer().render("见[台账](/ledger/?n={{ledger.received}})。")
        XCTAssertEqual(rendered.figuresInTargets.map(\.name), ["ledger.received"])
        XCTAssertTrue(rendered.figures.isEmpty)
    }

    func testMarkersTypedByAnAuthorAreRemoved() {
        let rendered = MarkdownRenderer().render("甲\u{E002}0\u{E003}乙\u{E004}丙")
        XCTAssertEqual(rendered.html.string, "<p>甲0乙丙</p>\n")
        XCTAssertTrue(rendered.figures.isEmpty)
    }

    func testBracesClosedOnAnotherLineStayAsWritten() {
        let rendered = MarkdownRenderer().render("{{ledger.received 与\n}} 与 {{ ledger received }}")
        XCTAssertEqual(rendered.figures.map(\.name), ["ledger received"], "a misspelt name is still a reference")
        XCTAssertTrue(rendered.html.string.hasPrefix("<p>{{ledger.received 与\n}} 与 "), rendered.html.string)
    }

    /// The whole build: the page, its summary in lists and the feed, the search, the fact
    /// sheet taken at its `as_of` beside its panel.
    func testABuildWritesTheFiguresEverywhere() throws {
        let out = try Fixture.built("figures")
        let page = Fixture.text(out, "news/all/index.html")
        XCTAssertTrue(page.contains("<p>截至4月底受理4件，办结2件，办结率50.0%。</p>"), page)
        XCTAssertTrue(Fixture.text(out, "news/index.html").contains("截至4月底受理4件，办结2件，办结率50.0%。"))
        XCTAssertTrue(Fixture.text(out, "feed.xml").contains("截至4月底受理4件，办结2件"))
        XCTAssertTrue(Fixture.text(out, "search-index.json").contains("截至4月底受理4件"))
        XCTAssertTrue(Fixture.text(out, "news/rank/index.html").contains("全省136个县（市、区）中位列第97位。"))
        let sheet = Fixture.text(out, "press/sheet/index.html")
        XCTAssertTrue(sheet.contains("截至3月31日，受理2件，办结率100.0%，排名第97位。"), sheet)
        XCTAssertTrue(sheet.contains("累计受理群众反映问题2件"), "the panel is taken at the same day")
        for file in Fixture.tree(out).values {
            XCTAssertFalse(FigureMarkers.holdsMarkers(String(decoding: file, as: UTF8.self)))
        }
    }

    func testUnknownNamesAreErrorsAtTheirLineAndColumn() throws {
        let site = try Fixture.copy("figures")
        try
            "---\ntitle: 错误\ndate: 2023-04-30\n---\n\n甲{{ledger.recieved}}乙\n\n丙 {{rank.latest}} {{campaign.c1.metric.整治点位}}\n"
            .write(to: site.appendingPathComponent("content/news/2023-04-30-bad.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: 太早\ndate: 2023-01-05\n---\n\n{{rank.latest}}\n"
            .write(
                to: site.appendingPathComponent("content/news/2023-01-05-early.md"), atomically: true, encoding: .utf8)
        let out = site.deletingLastPathComponent().appendingPathComponent("public")
        let (report, diagnostics) = Fixture.build(site, output: out)
        XCTAssertNil(report)
        let errors = diagnostics.all.filter { $0.severity == .error }
        XCTAssertEqual(
            errors.map { "\($0.location)" },
            ["content/news/2023-01-05-early.md:6:1", "content/news/2023-04-30-bad.md:6:2"])
        XCTAssertTrue(errors[1].message.contains("{{ledger.recieved}}"))
        XCTAssertTrue(errors[0].message.contains("没有数值"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is published")
    }
}
