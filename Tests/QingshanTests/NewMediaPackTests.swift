import Foundation
import QingshanCore
import QingshanRender
import XCTest

/// The 新媒体 pack: weibo.txt within Weibo's long-post limit with the figures and the link,
/// wechat.html styled inline with absolute links and no script; linked from the page, left
/// out of the sitemap and the search.
final class NewMediaPackTests: XCTestCase {
    let links = LinkBuilder(baseURL: "https://www.example.gov.cn/hbj/")
    let day = Day(year: 2023, month: 9, day: 30) ?? Day.today()

    func pack(summary: String, html: String? = nil) -> NewMediaPack {
        NewMediaPack(
            title: "发布材料", issuer: "某分局", date: day, asOf: day, summary: summary, html: html.map(TrustedHTML.init),
            parts: [ReportView.Part(heading: "台账", figures: [FigureView("累计受理", "86件")])],
            page: SitePath("/press/fabu/"))
    }

    func testTheWeiboTextStaysWithinTheLongPostLimit() {
        let text = pack(summary: String(repeating: "环保", count: 3000)).weibo(links)
        XCTAssertEqual(text.count, NewMediaPack.weiboLimit, "as long as a long post may be, not longer")
        XCTAssertTrue(text.hasPrefix("【发布材料】环保"))
        XCTAssertTrue(text.contains("…\n截至2023年9月30日：累计受理：86件。\n详情：https://www.example.gov.cn/hbj/press/fabu/\n"))
    }

    func testTheWeChatArticleIsOneStyledFileWithAbsoluteLinks() {
        let html = pack(
            summary: "摘要",
            html:
                "<p>见<a href=\"/hbj/ledger/\">台账</a><img src=\"/hbj/files/a.png\" alt=\"\"></p><script>alert(1)</script>"
        ).wechatText(links)
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertTrue(
            html.contains("<a style=\"color:#0b5394;\" href=\"https://www.example.gov.cn/hbj/ledger/\">台账</a>"), html)
        XCTAssertTrue(html.contains("src=\"https://www.example.gov.cn/hbj/files/a.png\""))
        XCTAssertFalse(html.contains("<link"), "no stylesheet")
        XCTAssertTrue(
            html.contains("<td style=\"border:1px solid #9ca3af;padding:4px 6px;\"><strong>86件</strong></td>"))
        XCTAssertTrue(html.contains("原文链接：https://www.example.gov.cn/hbj/press/fabu/"))
    }

    func testStylingKeepsTextAndOddMarkupAsItWas() {
        let html = pack(
            summary: "摘要",
            html:
                "<P>甲 &lt; 乙<SCRIPT>x</SCRIPT>，<script>y</script\n>见<a class=\"href\" href=\"https://x.example/\">外链</a></P>尾 < 无结束"
        ).wechatText(links)
        XCTAssertTrue(
            html.contains(
                "<P style=\"margin:0 0 12px;text-align:justify;\">甲 &lt; 乙，见<a style=\"color:#0b5394;\" class=\"href\" href=\"https://x.example/\">外链</a></P>尾 < 无结束"
            ),
            html)
    }

    func testABuildWritesAPackBesideEveryPressItemAndDynamicsMonth() throws {
        let out = try Fixture.built("figures")
        let weibo = Fixture.text(out, "press/sheet/weibo.txt")
        XCTAssertTrue(weibo.hasPrefix("【三月发布材料】截至3月31日，受理2件，办结率100.0%"), weibo)
        XCTAssertTrue(weibo.contains("截至2023年3月31日：累计受理：2件；"), weibo)
        XCTAssertTrue(Fixture.text(out, "press/sheet/wechat.html").contains("截至3月31日，受理2件，办结率100.0%"))
        for month in ["2023-03", "2023-04"] {
            XCTAssertTrue(Fixture.text(out, "dynamics/\(month)/weibo.txt").contains("/hbj/dynamics/\(month)/"))
            XCTAssertFalse(Fixture.text(out, "dynamics/\(month)/wechat.html").isEmpty)
        }
        XCTAssertTrue(
            Fixture.text(out, "press/sheet/index.html").contains(
                "<p class=\"newmedia\">供新媒体编辑：<a href=\"/hbj/press/sheet/weibo.txt\">微博文本</a>"))
        for listing in ["sitemap.xml", "search-index.json"] {
            let text = Fixture.text(out, listing)
            XCTAssertFalse(text.contains("weibo.txt") || text.contains("wechat.html"), listing)
        }
    }
}

extension NewMediaPack {
    /// The 公众号 file as text, for the assertions.
    fileprivate func wechatText(_ links: LinkBuilder) -> String { String(decoding: wechat(links), as: UTF8.self) }
}
