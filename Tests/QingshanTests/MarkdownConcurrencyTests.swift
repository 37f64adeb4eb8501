import CmarkArena
import QingshanCore
import XCTest

@testable import QingshanMarkdown

/// cmark-gfm 0.29.0.gfm.6 keeps inline tables in globals; concurrent renders must still
/// give exactly the serial output.
final class MarkdownConcurrencyTests: XCTestCase {
    func testGuardIsActive() {
        XCTAssertTrue(CmarkEngine.parsesConcurrently, "cmark-gfm interposition did not take effect")
    }

    func testConcurrentRenderingMatchesSerial() {
        let corpus = (0..<400).map { i in
            """
            # 第\(i)期 工作动态

            确保**“三张清单”**落实，~~旧表述~~已删除，详见 https://example.gov.cn/n\(i)/ 。

            | 项目 | 数量 |
            |---|---:|
            | 排查 ~~企业~~ | \(i) |
            | 链接 www.example.org/\(i) | ~~\(i * 2)~~ |

            - [x] 完成 ~~第一~~ 阶段
            - [ ] 请登录https://example.gov.cn/查询。

            Visit https://example.org/\(i)?a=b and ~~strike~~ this[^n].

            [^n]: 注释\(i)。
            """
        }
        let renderer = MarkdownRenderer()
        let serial = corpus.map { renderer.render($0).html.string }
        for round in 0..<3 {
            let concurrent = Parallel.map(corpus) { renderer.render($0).html.string }
            for (i, pair) in zip(serial, concurrent).enumerated() where pair.0 != pair.1 {
                XCTFail("round \(round), document \(i) differs:\n\(pair.0)\n---\n\(pair.1)")
                return
            }
        }
        XCTAssertTrue(serial[7].contains("<del>旧表述</del>"))
        XCTAssertTrue(serial[7].contains("<a href=\"http://www.example.org/7\">"), serial[7])
    }

    /// The arena: a document larger than a chunk renders whole (its HTML grows past 256 KiB by
    /// reallocation), the nodes Qingshan adds are linked (heading ids, autolink tails, raw HTML
    /// shown as text), and nothing is held once a render is done.
    func testArenaRendersLargeDocumentsAndHoldsNothingAfterwards() {
        let renderer = MarkdownRenderer()
        let block = "段落**“重点”**内容，请登录https://example.gov.cn/查询。<b>粗</b>\n\n"
        let expected =
            "<p>段落<strong>“重点”</strong>内容，请登录<a href=\"https://example.gov.cn/\">https://example.gov.cn/</a>"
            + "查询。&lt;b&gt;粗&lt;/b&gt;</p>\n"
        let rendered = renderer.render("## 概况\n\n" + String(repeating: block, count: 6_000))
        XCTAssertGreaterThan(rendered.html.string.utf8.count, 600_000)
        XCTAssertEqual(rendered.html.string, "<h2 id=\"概况\">概况</h2>\n" + String(repeating: expected, count: 6_000))
        XCTAssertEqual(qs_arena_held(), 0)
        for _ in 0..<50 { _ = renderer.render(block) }
        XCTAssertEqual(qs_arena_held(), 0)
    }

    /// cmark-gfm's table extension parses a paragraph's rows again, and frees them, at every
    /// line that looks like a delimiter row: freed blocks are reused, so a paragraph of such
    /// lines holds about what the system allocator would, not the square of its length.
    func testArenaReusesFreedBlocks() throws {
        let source = "|a|b|\n" + (0..<2_000).map { $0 % 2 == 0 ? "|-|\n" : "|-|-|\n" }.joined()
        let parsed = Array(source.utf8).withUnsafeBufferPointer { CmarkEngine.parse($0) }
        let (parser, root) = try XCTUnwrap(parsed)
        let held = qs_arena_held()
        CmarkEngine.release(root: root, parser: parser)
        XCTAssertLessThan(held, 4 << 20, "the arena held \(held >> 20) MiB for a 10 KB paragraph")
        XCTAssertEqual(qs_arena_held(), 0)
        XCTAssertTrue(MarkdownRenderer().render(source).html.string.hasPrefix("<p>|a|b|"))
    }
}
