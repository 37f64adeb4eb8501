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

    /// Every ASCII character, one by one and within Chinese text: exactly the controls, DEL,
    /// space and `"<>`{}|\^%` become `%HH` (upper-case hex); everything else stays.
    func testEncodeWritesExactlyTheBytesThatBreakAnHref() {
        let special: [UInt8: String] = [
            0x20: "%20", 0x22: "%22", 0x3C: "%3C", 0x3E: "%3E", 0x60: "%60", 0x7B: "%7B", 0x7D: "%7D", 0x7C: "%7C",
            0x5C: "%5C", 0x5E: "%5E", 0x25: "%25", 0x7F: "%7F", 0x00: "%00", 0x09: "%09", 0x0A: "%0A", 0x1F: "%1F",
        ]
        for b in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(b))
            let expected = special[b] ?? (b < 0x20 ? String(format: "%%%02X", b) : character)
            XCTAssertEqual(LinkBuilder.encode(character), expected, "byte \(b)")
            XCTAssertEqual(LinkBuilder.encode("环保" + character + "督察"), "环保" + expected + "督察", "byte \(b)")
        }
        XCTAssertEqual(LinkBuilder.encode("news/2023年 第1期/"), "news/2023年%20第1期/")
        XCTAssertEqual(LinkBuilder.encode("é🌿"), "é🌿")
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
