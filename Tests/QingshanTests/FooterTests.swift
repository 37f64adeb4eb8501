import Foundation
import XCTest

/// The footer lists what site.yaml gives: the filing numbers (网站标识码, ICP, 公安备案) when
/// configured, and a warning — not an invented number or an empty line — when they are not.
final class FooterTests: XCTestCase {
    func testConfiguredFilingNumbersAreListedOnEveryPage() throws {
        let out = try Fixture.built("basic")
        let pages = Fixture.tree(out).keys.filter { $0.hasSuffix("index.html") }
        XCTAssertGreaterThan(pages.count, 5)
        for page in pages {
            let text = Fixture.text(out, page)
            XCTAssertTrue(
                text.contains(
                    "<p>网站标识码：3704990009　<a href=\"https://beian.miit.gov.cn/\">鲁ICP备11111111号</a>　鲁公网安备11111111111111号</p>"
                ), page)
            XCTAssertTrue(text.contains("联系电话：<a href=\"tel:0632-0000000\">0632-0000000</a>"), page)
        }
    }

    func testMissingFilingNumbersWarnAndLeaveNoEmptyLine() throws {
        let site = try Fixture.copy("basic")
        let yaml = Fixture.text(site, "site.yaml")
            .split(separator: "\n")
            .filter {
                !$0.contains("site_code") && !$0.contains("icp:") && !$0.contains("police") && !$0.contains("phone")
            }
            .joined(separator: "\n")
        try yaml.write(to: site.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report)
        let warnings = diagnostics.all.filter { $0.severity == .warning && $0.message.hasPrefix("footer 缺少") }
        XCTAssertEqual(warnings.map(\.location.line), [7])
        XCTAssertEqual(warnings.map(\.location.column), [1])
        XCTAssertTrue(warnings.first?.message.contains("“site_code”（网站标识码）、“icp”（ICP备案号）、“police”（公安机关备案号）") ?? false)
        let home = Fixture.text(site.appendingPathComponent("public"), "index.html")
        XCTAssertTrue(home.contains("<p>主办单位：测试分局</p>\n</div>\n</footer>"), home)
        XCTAssertFalse(home.contains("网站标识码"), home)
    }
}
