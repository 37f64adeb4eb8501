import XCTest

@testable import QingshanCore

final class LinkTests: XCTestCase {
    func testBasePath() {
        let links = LinkBuilder(baseURL: "https://example.gov.cn/gxq/hbj/")
        XCTAssertEqual(links.basePath, "/gxq/hbj/")
        XCTAssertEqual(links.link(SitePath.folder("news", "a b")), "/gxq/hbj/news/a%20b/")
        XCTAssertEqual(links.link(SitePath("/")), "/gxq/hbj/")
        XCTAssertEqual(links.absolute(SitePath("/feed.xml")), "https://example.gov.cn/gxq/hbj/feed.xml")
        XCTAssertEqual(
            links.absoluteURI(SitePath.folder("tags", "环保")), "https://example.gov.cn/gxq/hbj/tags/%E7%8E%AF%E4%BF%9D/")
        XCTAssertEqual(LinkBuilder(baseURL: "https://example.gov.cn").basePath, "/")
        XCTAssertEqual(LinkBuilder(baseURL: "https://example.gov.cn/hbj").basePath, "/hbj/")
    }

    func testOutputFiles() {
        XCTAssertEqual(SitePath.folder("news", "x").outputFile, "news/x/index.html")
        XCTAssertEqual(SitePath("/").outputFile, "index.html")
        XCTAssertEqual(SitePath("/404.html").outputFile, "404.html")
    }

    func testEscape() {
        XCTAssertEqual(
            HTMLEscape.escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        XCTAssertEqual(HTMLEscape.xml("a\u{01}b<"), "ab&lt;")
    }
}
