import Foundation
import QingshanBuild
import QingshanCore
import QingshanRender
import XCTest

/// Whole builds of the `basic` fixture: output, links, determinism, atomicity.
final class SiteBuildTests: XCTestCase {
    func testBasicSiteBuildsWithBuiltInTheme() throws {
        let site = try Fixture.copy("basic")
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
        let out = site.appendingPathComponent("public")
        let files = Fixture.tree(out)
        for path in [
            "index.html", "news/index.html", "news/gfm/index.html", "news/second/index.html",
            "notices/tongzhi/index.html", "contact/index.html", "tags/index.html", "tags/满意环保/index.html",
            "feed.xml", "sitemap.xml", "robots.txt", "404.html", "assets/qingshan.css", "files/plan.txt",
        ] {
            XCTAssertNotNil(files[path], "missing \(path)")
        }
        XCTAssertNil(files["news/draft/index.html"], "drafts are not published")
        XCTAssertNil(files["news/future/index.html"], "items dated after the as-of day wait")
        XCTAssertTrue(
            diagnostics.all.contains { $0.severity == .warning && $0.location.file.hasSuffix("2023-08-01-future.md") })

        let article = Fixture.text(out, "news/gfm/index.html")
        XCTAssertTrue(article.contains("<table>"))
        XCTAssertTrue(article.contains("type=\"checkbox\""))
        XCTAssertTrue(article.contains("<del>旧方案</del>"))
        XCTAssertTrue(article.contains("确保<strong>“三张清单”</strong>落实"))
        XCTAssertTrue(article.contains("<a href=\"https://example.gov.cn/\">https://example.gov.cn/</a>查询。"))
        XCTAssertFalse(article.contains("<script>alert"), "a <script> in Markdown must not reach the page")
        XCTAssertTrue(article.contains("&lt;script&gt;"))
        XCTAssertTrue(article.contains("2023年6月5日"))
        XCTAssertTrue(article.contains("<meta name=\"PubDate\" content=\"2023-06-05 09:30\">"))
        XCTAssertTrue(article.contains("<meta name=\"SiteIDCode\" content=\"3704990009\">"))
        XCTAssertTrue(article.contains("<meta name=\"ColumnName\" content=\"工作动态\">"))
        XCTAssertTrue(article.contains("网站标识码：3704990009"))
        XCTAssertTrue(article.contains("鲁公网安备11111111111111号"))
        XCTAssertTrue(article.contains("<html lang=\"zh-CN\">"))
        XCTAssertTrue(Fixture.text(out, "news/second/index.html").contains("生态环境质量持续改善"))
        XCTAssertTrue(Fixture.text(out, "news/second/index.html").contains("<a href=\"/gxq/hbj/contact/\">联系我们</a>"))
        XCTAssertFalse(diagnostics.all.contains { $0.message.contains("站内链接") })
        XCTAssertTrue(Fixture.text(out, "notices/tongzhi/index.html").contains("枣高环〔2023〕4号"))
    }

    func testBrokenInternalLinkIsAWarning() throws {
        let site = try Fixture.copy("basic")
        let file = site.appendingPathComponent("content/news/2023-05-01-second.md")
        try (Fixture.text(site, "content/news/2023-05-01-second.md") + "\n[旧页面](/old-page/)\n").write(
            to: file, atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report)
        let broken = diagnostics.all.filter { $0.message.contains("站内链接") }
        XCTAssertEqual(broken.map(\.location.file), ["content/news/2023-05-01-second.md"])
        XCTAssertTrue(broken.first?.message.contains("/old-page/") == true)
    }

    func testDraftsFlagPublishesDrafts() throws {
        let site = try Fixture.copy("basic")
        let (report, _) = Fixture.build(site, drafts: true)
        XCTAssertNotNil(report)
        XCTAssertFalse(Fixture.text(site.appendingPathComponent("public"), "news/draft/index.html").isEmpty)
    }

    /// Every internal href/src resolves to a file under the base path /gxq/hbj/.
    func testEveryInternalLinkResolvesUnderBasePath() throws {
        let site = try Fixture.copy("basic")
        XCTAssertNotNil(Fixture.build(site).0)
        let out = site.appendingPathComponent("public")
        let files = Fixture.tree(out)
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = Range(match.range(at: 1), in: html) else { continue }
                let link = String(html[range])
                if link.hasPrefix("http") || link.hasPrefix("#") || link.hasPrefix("mailto:") || link.hasPrefix("tel:")
                {
                    continue
                }
                XCTAssertTrue(link.hasPrefix("/gxq/hbj/"), "\(path): \(link) lacks the base path")
                var target = String(link.dropFirst("/gxq/hbj/".count))
                if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                target = target.removingPercentEncoding ?? target
                XCTAssertNotNil(files[target], "\(path): \(link) does not resolve")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testTwoBuildsAreByteIdentical() throws {
        let site = try Fixture.copy("basic")
        let a = site.deletingLastPathComponent().appendingPathComponent("out-a")
        let b = site.deletingLastPathComponent().appendingPathComponent("out-b")
        XCTAssertNotNil(Fixture.build(site, output: a).0)
        XCTAssertNotNil(Fixture.build(site, output: b).0)
        let treeA = Fixture.tree(a)
        XCTAssertEqual(treeA, Fixture.tree(b))
        XCTAssertGreaterThan(treeA.count, 10)
    }

    func testFailedBuildLeavesOutputUntouched() throws {
        let site = try Fixture.copy("basic")
        XCTAssertNotNil(Fixture.build(site).0)
        let out = site.appendingPathComponent("public")
        let before = Fixture.tree(out)
        // Break one article: the next build must fail and leave public/ exactly as it was.
        try "---\ntitle: 坏\n".write(
            to: site.appendingPathComponent("content/news/2023-05-01-second.md"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertTrue(diagnostics.hasErrors)
        XCTAssertEqual(Fixture.tree(out), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter {
            $0.hasPrefix(".public")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testSuccessfulBuildReplacesOutputAsAWhole() throws {
        let site = try Fixture.copy("basic")
        let out = site.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "stale".write(to: out.appendingPathComponent("stale.html"), atomically: true, encoding: .utf8)
        try Fixture.markAsOutput(out)
        XCTAssertNotNil(Fixture.build(site).0)
        XCTAssertNil(Fixture.tree(out)["stale.html"])
        XCTAssertNotNil(Fixture.tree(out)["index.html"])
    }

    func testOutputMayNotBeTheSiteItself() throws {
        let site = try Fixture.copy("basic")
        let (report, diagnostics) = Fixture.build(site, output: site)
        XCTAssertNil(report)
        XCTAssertTrue(diagnostics.hasErrors)
        XCTAssertNotNil(Fixture.tree(site)["site.yaml"])
    }

    func testPaginationAt20() throws {
        let site = try Fixture.copy("basic")
        for i in 1...41 {
            let text = "---\ntitle: 第\(i)条\ndate: 2023-03-\(String(format: "%02d", (i % 28) + 1))\n---\n正文\(i)\n"
            try text.write(
                to: site.appendingPathComponent("content/news/p\(i).md"), atomically: true, encoding: .utf8)
        }
        XCTAssertNotNil(Fixture.build(site).0)
        let out = site.appendingPathComponent("public")
        let files = Fixture.tree(out)
        XCTAssertNotNil(files["news/page/2/index.html"])
        XCTAssertNotNil(files["news/page/3/index.html"])
        XCTAssertNil(files["news/page/4/index.html"])
        let first = Fixture.text(out, "news/index.html")
        XCTAssertEqual(first.components(separatedBy: "<li class=\"item\">").count - 1, 20)
        XCTAssertTrue(first.contains("href=\"/gxq/hbj/news/page/2/\" rel=\"next\""))
        let third = Fixture.text(out, "news/page/3/index.html")
        XCTAssertEqual(third.components(separatedBy: "<li class=\"item\">").count - 1, 3)
        XCTAssertTrue(third.contains("<a href=\"/gxq/hbj/news/page/2/\">2</a>"), third)
        XCTAssertTrue(third.contains("<span aria-current=\"page\">3</span>"), third)
    }

    /// Long lists show a window of page links, and tag lists are paginated too.
    func testPaginationWindowAndTagPages() throws {
        let site = try Fixture.copy("basic")
        for i in 1...230 {
            let text =
                "---\ntitle: 第\(i)条\ndate: 2023-02-\(String(format: "%02d", (i % 28) + 1))\ntags: [批量]\n---\n正文\n"
            try text.write(to: site.appendingPathComponent("content/news/p\(i).md"), atomically: true, encoding: .utf8)
        }
        XCTAssertNotNil(Fixture.build(site).0)
        let out = site.appendingPathComponent("public")
        let sixth = Fixture.text(out, "news/page/6/index.html")
        let labels = sixth.components(separatedBy: "<nav class=\"pagination\"")[1]
        for shown in ["\">1</a>", "\">4</a>", "\">5</a>", ">6</span>", "\">7</a>", "\">8</a>", "\">12</a>"] {
            XCTAssertTrue(labels.contains(shown), "missing \(shown)")
        }
        XCTAssertFalse(labels.contains("\">2</a>"))
        XCTAssertFalse(labels.contains("\">10</a>"))
        XCTAssertEqual(labels.components(separatedBy: "<span class=\"gap\">…</span>").count - 1, 2)
        XCTAssertFalse(Fixture.text(out, "tags/批量/page/12/index.html").isEmpty)
        // A tag page's gaps are gaps too, not links to the tag (the tag view has an href of its own).
        let tagLabels = Fixture.text(out, "tags/批量/page/6/index.html").components(
            separatedBy: "<nav class=\"pagination\"")[1]
        XCTAssertEqual(tagLabels.components(separatedBy: "<span class=\"gap\">…</span>").count - 1, 2, tagLabels)
        XCTAssertFalse(tagLabels.contains(">…</a>"), tagLabels)
        XCTAssertTrue(Fixture.text(out, "tags/批量/index.html").contains("共 230 篇"))
    }
}
