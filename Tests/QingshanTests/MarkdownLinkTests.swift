import XCTest

@testable import QingshanMarkdown

final class MarkdownLinkTests: XCTestCase {
    func testRootRelativeLinksGetTheBasePath() {
        let r = MarkdownRenderer(basePath: "/gxq/hbj/").render(
            "见[通知](/notices/a/#fn)与![图](/files/a.png)，外链[x](https://a.org/)、[y](//b.org/)")
        XCTAssertTrue(r.html.string.contains("<a href=\"/gxq/hbj/notices/a/#fn\">通知</a>"), r.html.string)
        XCTAssertTrue(r.html.string.contains("<img src=\"/gxq/hbj/files/a.png\" alt=\"图\" />"), r.html.string)
        XCTAssertTrue(r.html.string.contains("href=\"https://a.org/\""), r.html.string)
        XCTAssertTrue(r.html.string.contains("href=\"//b.org/\""), r.html.string)
        XCTAssertEqual(r.internalLinks, ["/notices/a/#fn", "/files/a.png"])
    }
}
