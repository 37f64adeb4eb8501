import Foundation
import QingshanBuild
import QingshanCore
import QingshanLoad
import XCTest

/// serve's rebuilds keep parsed articles between builds; after every kind of change the
/// cached rebuild must equal a fresh full build byte for byte.
final class IncrementalBuildTests: XCTestCase {
    let asOf = Day(year: 2023, month: 6, day: 30)

    func build(_ site: URL, into output: URL, cache: ArticleCache?) -> Diagnostics {
        let diagnostics = Diagnostics()
        let options = BuildOptions(
            siteRoot: site.path, outputDir: output.path, asOf: asOf, articleCache: cache)
        XCTAssertNotNil(BuildPipeline(options: options).run(diagnostics: diagnostics), "\(diagnostics.all)")
        return diagnostics
    }

    /// Applies each change in turn; after each one the cached rebuild equals a full build.
    func testCachedRebuildEqualsAFullBuildAfterEveryKindOfChange() throws {
        let site = try Fixture.copy("campaigns")
        let work = site.deletingLastPathComponent()
        let incremental = work.appendingPathComponent("incremental")
        let cache = ArticleCache()
        _ = build(site, into: incremental, cache: cache)
        XCTAssertEqual(cache.reused, 0)

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = site.appendingPathComponent(path)
            try change(Fixture.text(site, path)).write(to: url, atomically: true, encoding: .utf8)
        }
        let news = "content/news/2023-05-01-second.md"
        let changes: [(String, () throws -> Void)] = [
            ("article title", { try edit(news) { $0.replacingOccurrences(of: "第二篇动态", with: "改过的标题") } }),
            ("article body", { try edit(news) { $0 + "\n新增的一段，含 **加粗**。\n" } }),
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
            let cached = build(site, into: incremental, cache: cache).all
            let full = work.appendingPathComponent("full-\(index)")
            let fresh = build(site, into: full, cache: nil).all
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
        let cache = ArticleCache()
        let first = build(site, into: output, cache: cache).all
        let second = build(site, into: output, cache: cache).all
        XCTAssertTrue(first.contains { $0.message.contains("六角括号") }, "\(first)")
        XCTAssertEqual(first, second)
        XCTAssertGreaterThan(cache.reused, 0)
    }
}
