import Foundation
import QingshanBuild
import QingshanCore
import QingshanLoad
import XCTest

@testable import QingshanRender

/// Pages of the built-in theme are written by its compiled code (`make theme`); every fixture
/// site and the sample portal, both editions, must come out byte for byte as swift-mustache
/// renders the templates.
final class CompiledThemeTests: XCTestCase {
    func build(_ site: URL, into output: URL, compiled: Bool, edition: Edition = .public) throws -> [String: Data] {
        var options = BuildOptions(siteRoot: site.path, outputDir: output.path, edition: edition)
        options.compiledPages = compiled
        let diagnostics = Diagnostics()
        XCTAssertNotNil(BuildPipeline(options: options).run(diagnostics: diagnostics), "\(diagnostics.all)")
        return Fixture.tree(output)
    }

    func compare(_ site: URL, _ name: String, edition: Edition = .public) throws {
        let work = site.deletingLastPathComponent()
        let direct = try build(
            site, into: work.appendingPathComponent("compiled-\(edition)"), compiled: true, edition: edition)
        let templated = try build(
            site, into: work.appendingPathComponent("templated-\(edition)"), compiled: false, edition: edition)
        XCTAssertEqual(Set(direct.keys), Set(templated.keys), name)
        var articles = 0
        for (path, data) in templated {
            let html = String(decoding: data, as: UTF8.self)
            if html.contains("<article class=\"article\">") || html.contains("<ul class=\"item-list\">") {
                articles += 1
            }
            if direct[path] != data {
                XCTFail(
                    "\(name): \(path) differs\n--- templates\n\(String(decoding: data, as: UTF8.self))\n--- compiled\n"
                        + String(decoding: direct[path] ?? Data(), as: UTF8.self))
            }
        }
        if edition == .public && name != "monitoring" {
            XCTAssertGreaterThan(articles, 0, "\(name) has article pages")
        }
    }

    func testFixtureSitesBuildTheSameBothWays() throws {
        for name in ["basic", "campaigns", "ledger", "publishing", "monitoring"] {
            try compare(try Fixture.copy(name), name)
        }
        try compare(try Fixture.copy("ledger"), "ledger, internal edition", edition: .internal)
        // A fact sheet with a document number and a source.
        let site = try Fixture.copy("basic")
        let press = site.appendingPathComponent("content/press/2023-06-03-fabu.md")
        try Fixture.text(site, "content/press/2023-06-03-fabu.md")
            .replacingOccurrences(of: "as_of: 2023-06-02", with: "as_of: 2023-06-02\ndoc_no: 枣高环〔2023〕9号\nsource: 办公室")
            .write(to: press, atomically: true, encoding: .utf8)
        try compare(site, "basic with a numbered fact sheet")
    }

    /// Lists and tags of seven pages: the pagination with its gaps, first and last pages.
    func testPaginatedListsAndTagsAreTheSameBothWays() throws {
        let site = try Fixture.copy("basic")
        for i in 1...130 {
            let day = String(format: "2023-%02d-%02d", 1 + i % 6, 1 + i % 28)
            try "---\ntitle: 动态<\(i)>\ndate: \(day)\ntags: [分页, \"A&B\"]\n---\n\n正文\(i)。\n".write(
                to: site.appendingPathComponent("content/news/\(day)-p\(i).md"), atomically: true, encoding: .utf8)
        }
        try compare(site, "seven pages of news")
        let page = Fixture.text(
            site.deletingLastPathComponent().appendingPathComponent("compiled-public"), "news/page/6/index.html")
        XCTAssertTrue(page.contains("<span class=\"gap\">…</span>") && page.contains("rel=\"prev\""), page)
    }

    /// The sample portal: attachments, document numbers, sources, tags and neighbours.
    func testTheSamplePortalBuildsTheSameBothWays() throws {
        let target = Fixture.temporaryFolder("qingshan-test")
        let site = target.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["site.yaml", "content", "static"] {
            let source = Fixture.repositoryRoot.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: site.appendingPathComponent(item))
            }
        }
        try compare(site, "sample portal")
        try compare(site, "sample portal, internal edition", edition: .internal)
    }

    /// The compiled code is used with the built-in theme and left the moment a site overrides
    /// one of the templates it stands for.
    func testTheCompiledPathFollowsTheTheme() throws {
        let diagnostics = Diagnostics()
        let builtIn = try XCTUnwrap(Theme.load(siteRoot: nil, diagnostics: diagnostics))
        let articleTemplates = try XCTUnwrap(CompiledTheme.templates[.article])
        XCTAssertEqual(Set(articleTemplates), ["base", "partials/meta", "partials/disclosure", "article"])
        XCTAssertTrue(builtIn.isBuiltIn(articleTemplates))
        let site = try Fixture.copy("basic")
        let partials = site.appendingPathComponent("templates/partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        try "<meta name=\"description\" content=\"{{page.description}}\">\n".write(
            to: partials.appendingPathComponent("meta.mustache"), atomically: true, encoding: .utf8)
        let overridden = try XCTUnwrap(Theme.load(siteRoot: site.path, diagnostics: diagnostics))
        XCTAssertFalse(overridden.isBuiltIn(articleTemplates))
        let output = site.deletingLastPathComponent().appendingPathComponent("out")
        XCTAssertNotNil(Fixture.build(site, output: output).0)
        XCTAssertFalse(
            Fixture.text(output, "news/second/index.html").contains("ArticleTitle"), "the site's meta partial")
    }

    /// A report with every part the template draws — intro, links, figures with and without a
    /// note, paragraphs, bullets, items with and without a summary, a chart, tables, a link to
    /// more — comes out the same both ways, markup in the text escaped alike, a link without a
    /// target and an empty note too.
    func testAReportWithEveryPartIsTheSameBothWays() throws {
        let diagnostics = Diagnostics()
        let config = try XCTUnwrap(
            SiteConfigLoader.parse(Fixture.text(try Fixture.copy("basic"), "site.yaml"), diagnostics: diagnostics))
        let theme = try XCTUnwrap(Theme.load(siteRoot: nil, diagnostics: diagnostics))
        let day = try XCTUnwrap(Day(iso: "2023-06-30"))
        func chrome(direct: Bool) -> PageChrome {
            PageChrome(config: config, theme: theme, asOf: day, singlePages: [], compiledPages: direct)
        }
        let item = ItemView(title: "标题<1>", href: "/news/a/", date: day, summary: "摘要&", showSummary: true)
        var plain = item
        plain.showSummary = false
        let table = TableView(
            caption: "表<一>", head: ["站点", "AQI"],
            rows: [[.init("高新区", href: "/x/", className: "good"), .init("52")], [.init("东区"), .init("—")]])
        let part = ReportView.Part(
            heading: "一、空气", paragraphs: ["段落<a>", ""], bullets: ["要点一", "要点&二"], tables: [table, table],
            figures: [FigureView("优良天数", "25 天", note: "同比 +3"), FigureView("PM2.5", "31")], items: [item, plain],
            charts: [ChartView(title: "走势", svg: "<svg><title>t</title></svg>")],
            more: LinkView(title: "更多", href: "/ledger/"))
        var report = ReportView(
            title: "2023年6月环保动态", asOf: day, intro: ["导语<b>", "第二段"], figures: [FigureView("受理", "12 件")],
            parts: [part, ReportView.Part(heading: "二、空部分")], links: [LinkView(title: "下载", href: "/a.pdf")])
        func render(_ report: ReportView, direct: Bool) -> Data {
            let chrome = chrome(direct: direct)
            let path = SitePath.folder("dynamics", "2023-06")
            let meta = chrome.meta(title: report.title, path: path, column: .dynamics, columnType: "文章页")
            return chrome.page(
                path, template: .report, meta: meta, content: .report(report), column: .dynamics, origin: "test"
            ).data
        }
        XCTAssertTrue(chrome(direct: true).compiled.contains(.report))
        XCTAssertEqual(
            String(decoding: render(report, direct: true), as: UTF8.self),
            String(decoding: render(report, direct: false), as: UTF8.self))
        report.intro = []
        report.links = []
        report.figures = []
        XCTAssertEqual(render(report, direct: true), render(report, direct: false))
        report.links = [LinkView(title: "无链接", href: nil)]
        XCTAssertEqual(render(report, direct: true), render(report, direct: false), "a link without a target")
        report.links = []
        report.figures = [FigureView("受理", "12 件", note: "")]
        XCTAssertEqual(render(report, direct: true), render(report, direct: false), "an empty note")
    }
}
