import Foundation
import XCTest

/// Untrusted strings from site.yaml and front matter are escaped on every page.
final class EscapingTests: XCTestCase {
    func testHostileFrontMatterAndSiteValuesAreEscapedEverywhere() throws {
        let site = try Fixture.copy("basic")
        let evil = "<script>alert('x')</script>\\\"&"
        try """
        title: "测试\(evil)"
        base_url: https://example.gov.cn/gxq/hbj/
        description: "简介\(evil)"
        as_of: 2023-07-01
        footer:
          sponsor: "主办\(evil)"
          site_code: "\(evil)"
          icp: "\(evil)"
          police: "\(evil)"
          phone: "\(evil)"
          address: "\(evil)"
          error_report_url: "https://x.example/\(evil)"
        """.write(to: site.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try """
        ---
        title: "标题\(evil)"
        date: 2023-06-01
        summary: "摘要\(evil)"
        tags: ["标签\(evil)"]
        source: "来源\(evil)"
        doc_no: "文号\(evil)"
        attachments: [{title: "附件\(evil)", file: files/plan.txt}]
        ---
        正文
        """.write(
            to: site.appendingPathComponent("content/news/2023-06-01-evil.md"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
        let out = site.appendingPathComponent("public")
        var checked = 0
        for (path, data) in Fixture.tree(out) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains("<script>alert"), "\(path) contains a raw <script>")
            XCTAssertFalse(text.contains("href=\"javascript:"), "\(path) links to javascript:")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
        let page = Fixture.text(out, "news/evil/index.html")
        XCTAssertTrue(page.contains("标题&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), page)
        XCTAssertTrue(page.contains("附件&lt;script&gt;"), page)
    }

    func testErrorReportURLMustBeHTTP() throws {
        let site = try Fixture.copy("basic")
        let yaml = Fixture.text(site, "site.yaml") + "  error_report_url: javascript:alert(1)\n"
        try yaml.write(to: site.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertEqual(diagnostics.all.filter { $0.severity == .error }.map(\.location.line), [13])
    }
}
