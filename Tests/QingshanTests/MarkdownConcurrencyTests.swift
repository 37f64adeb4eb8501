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
        let serial = corpus.map { renderer.render($0).html }
        for round in 0..<3 {
            let concurrent = Parallel.map(corpus) { renderer.render($0).html }
            for (i, pair) in zip(serial, concurrent).enumerated() where pair.0 != pair.1 {
                XCTFail("round \(round), document \(i) differs:\n\(pair.0)\n---\n\(pair.1)")
                return
            }
        }
        XCTAssertTrue(serial[7].contains("<del>旧表述</del>"))
        XCTAssertTrue(serial[7].contains("<a href=\"http://www.example.org/7\">"), serial[7])
    }
}
