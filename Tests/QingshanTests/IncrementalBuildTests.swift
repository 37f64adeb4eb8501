import Foundation
import QingshanBuild
import QingshanCore
import QingshanLoad
import XCTest

/// serve's rebuilds keep parsed articles between builds; after every kind of change the
/// cached rebuild must equal a fresh full build byte for byte.
final class IncrementalBuildTests: XCTestCase {
    let asOf = Day(year: 2023, month: 6, day: 30)

    func build(_ site: URL, into output: URL, session: BuildSession?) -> Diagnostics {
        let diagnostics = Diagnostics()
        let options = BuildOptions(
            siteRoot: site.path, outputDir: output.path, asOf: asOf, mode: session.map { .serve($0) } ?? .build)
        XCTAssertNotNil(BuildPipeline(options: options).run(diagnostics: diagnostics), "\(diagnostics.all)")
        return diagnostics
    }

    /// Applies each change in turn; after each one the cached rebuild equals a full build.
    func testCachedRebuildEqualsAFullBuildAfterEveryKindOfChange() throws {
        let site = try Fixture.copy("campaigns")
        let work = site.deletingLastPathComponent()
        let incremental = work.appendingPathComponent("incremental")
        let session = BuildSession()
        let cache = session.articles
        _ = build(site, into: incremental, session: session)
        XCTAssertEqual(cache.reused, 0)

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = site.appendingPathComponent(path)
            try change(Fixture.text(site, path)).write(to: url, atomically: true, encoding: .utf8)
        }
        let news = "content/news/2023-05-01-second.md"
        let changes: [(String, () throws -> Void)] = [
            ("article title", { try edit(news) { $0.replacingOccurrences(of: "第二篇动态", with: "改过的标题") } }),
            ("article body", { try edit(news) { $0 + "\n新增的一段，含 **加粗**。\n" } }),
            ("article tags", { try edit(news) { $0.replacingOccurrences(of: "[满意环保]", with: "[满意环保, 大气]") } }),
            (
                "article date (moves it in every list)",
                {
                    try edit(news) { $0.replacingOccurrences(of: "date: 2023-05-01", with: "date: 2023-06-25") }
                }
            ),
            (
                "single page (the navigation)",
                {
                    try edit("content/pages/lianxi.md") { $0.replacingOccurrences(of: "title: ", with: "title: 新") }
                }
            ),
            (
                "new article",
                {
                    try "---\ntitle: 新文章\ndate: 2023-06-12\n---\n正文。\n".write(
                        to: site.appendingPathComponent("content/news/2023-06-12-new.md"), atomically: true,
                        encoding: .utf8)
                }
            ),
            (
                "rename",
                {
                    try FileManager.default.moveItem(
                        at: site.appendingPathComponent("content/news/2023-06-12-new.md"),
                        to: site.appendingPathComponent("content/news/2023-06-13-renamed.md"))
                }
            ),
            (
                "delete",
                {
                    try FileManager.default.removeItem(
                        at: site.appendingPathComponent("content/news/2023-06-13-renamed.md"))
                }
            ),
            (
                "campaign data",
                {
                    try edit("content/data/campaigns.yaml") {
                        $0.replacingOccurrences(
                            of: "{name: 丙村, street: 兴仁街道}", with: "{name: 丙村, street: 兴仁街道, done: 2023-06-01}")
                    }
                }
            ),
            (
                "site.yaml base_url",
                {
                    try edit("site.yaml") { $0.replacingOccurrences(of: "/gxq/hbj/", with: "/hbj/") }
                }
            ),
            (
                "template",
                {
                    let folder = site.appendingPathComponent("templates/partials")
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try "<footer><p>本站由测试模板生成</p></footer>\n".write(
                        to: folder.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
                }
            ),
        ]
        var reusedBefore = cache.reused
        for (index, (name, change)) in changes.enumerated() {
            try change()
            let cached = build(site, into: incremental, session: session).all
            let full = work.appendingPathComponent("full-\(index)")
            let fresh = build(site, into: full, session: nil).all
            XCTAssertEqual(cached, fresh, "\(name): the same diagnostics")
            let a = Fixture.tree(incremental)
            let b = Fixture.tree(full)
            XCTAssertEqual(Set(a.keys), Set(b.keys), "\(name): the same files")
            for (path, data) in b where a[path] != data {
                XCTFail("\(name): \(path) differs from the full build")
            }
            if name.hasPrefix("site.yaml") {
                XCTAssertEqual(cache.reused, reusedBefore, "\(name): links change, so every article is parsed again")
            } else {
                XCTAssertGreaterThan(cache.reused, reusedBefore, "\(name): unchanged articles come from the cache")
            }
            reusedBefore = cache.reused
        }
        XCTAssertTrue(Fixture.text(incremental, "news/index.html").contains("改过的标题"))
    }

    func testACachedArticleReplaysItsDiagnostics() throws {
        let site = try Fixture.copy("campaigns")
        try "---\ntitle: 有警告\ndate: 2023-06-12\ndoc_no: 枣高环[2023]4号\n---\n正文。\n".write(
            to: site.appendingPathComponent("content/news/2023-06-12-warn.md"), atomically: true, encoding: .utf8)
        let output = site.deletingLastPathComponent().appendingPathComponent("out")
        let session = BuildSession()
        let cache = session.articles
        let first = build(site, into: output, session: session).all
        let second = build(site, into: output, session: session).all
        XCTAssertTrue(first.contains { $0.message.contains("六角括号") }, "\(first)")
        XCTAssertEqual(first, second)
        XCTAssertGreaterThan(cache.reused, 0)
    }

    /// A rebuild takes unchanged pages from the memo and lets the privacy guard skip them, but a
    /// leak in the edited article is still caught, and the last good output stays.
    func testARebuildSkipsUnchangedPagesButCatchesANewLeak() throws {
        let site = try Fixture.copy("ledger")
        let output = site.deletingLastPathComponent().appendingPathComponent("out")
        let session = BuildSession()
        _ = build(site, into: output, session: session)
        XCTAssertEqual(session.pages.hits, 0)

        let news = "content/news/2023-06-01-a.md"
        let original = Fixture.text(site, news)
        try (original + "\n回访时联系了投诉人一号。\n").write(
            to: site.appendingPathComponent(news), atomically: true, encoding: .utf8)
        let diagnostics = Diagnostics()
        let options = BuildOptions(
            siteRoot: site.path, outputDir: output.path, asOf: asOf, mode: .serve(session))
        XCTAssertNil(BuildPipeline(options: options).run(diagnostics: diagnostics))
        XCTAssertTrue(diagnostics.all.contains { $0.message.contains("投诉人") }, "\(diagnostics.all)")
        XCTAssertGreaterThan(session.pages.hits, 0, "pages without the article come from the memo")
        XCTAssertFalse(Fixture.text(output, "news/a/index.html").contains("投诉人一号"), "the last good site stays")

        try (original + "\n回访情况良好。\n").write(
            to: site.appendingPathComponent(news), atomically: true, encoding: .utf8)
        _ = build(site, into: output, session: session)
        XCTAssertTrue(Fixture.text(output, "news/a/index.html").contains("回访情况良好"))
        let full = site.deletingLastPathComponent().appendingPathComponent("full")
        _ = build(site, into: full, session: nil)
        XCTAssertEqual(Fixture.tree(output), Fixture.tree(full))
    }
}
