import XCTest

@testable import QingshanMarkdown

final class MarkdownTests: XCTestCase {
    let renderer = MarkdownRenderer()

    func html(_ md: String) -> String { renderer.render(md).html.string }

    func testStrongBeforeCJKQuote() {
        XCTAssertEqual(html("确保**“三张清单”**落实"), "<p>确保<strong>“三张清单”</strong>落实</p>\n")
    }

    func testStrongEndingWithCJKFullStop() {
        let out = html("1. **注重科技支撑。**下一步")
        XCTAssertTrue(out.contains("<strong>注重科技支撑。</strong>下一步"), out)
        XCTAssertFalse(out.contains("**"), out)
    }

    /// The punctuation tables of the emphasis pass agree with the Unicode categories.
    func testPunctuationTablesAgreeWithTheCategories() {
        for value in Array(0x2000...0x206F) + Array(0x3000...0x303F) + Array(0xFF00...0xFFEF) + [0x4E00, 0x9FA5, 0xB7] {
            guard let s = Unicode.Scalar(UInt32(value)) else { continue }
            XCTAssertEqual(
                EmphasisFlanking.isPunctuation(s), EmphasisFlanking.isPunctuationCategory(s), String(value, radix: 16))
            XCTAssertEqual(
                EmphasisFlanking.isWhitespace(s), s.properties.generalCategory == .spaceSeparator,
                String(value, radix: 16))
        }
    }

    func testEmphasisAndStrikethroughAroundCJKPunctuation() {
        XCTAssertEqual(html("这是*“重点”*内容"), "<p>这是<em>“重点”</em>内容</p>\n")
        XCTAssertEqual(html("已~~（删除）~~保留"), "<p>已<del>（删除）</del>保留</p>\n")
    }

    func testLatinEmphasisUnchanged() {
        XCTAssertEqual(html("a **b** c and 2*3*4"), "<p>a <strong>b</strong> c and 2<em>3</em>4</p>\n")
        XCTAssertEqual(html("literal \\*\\* stars"), "<p>literal ** stars</p>\n")
    }

    func testSentinelNeverLeaks() {
        let out = html("见**“通知”**。`code **“x”**y`\n\n```\n确保**“三”**落\n```")
        XCTAssertFalse(out.unicodeScalars.contains("\u{2E2E}"), out)
        XCTAssertTrue(out.contains("<code>code **“x”**y</code>"), out)
        XCTAssertTrue(out.contains("确保**“三”**落\n</code>"), out)
    }

    func testSentinelNotInPlainTextOrHeadings() {
        let r = renderer.render("## 关于**“三张清单”**的说明\n\n印发**《方案》**（4号）。\n**强调。**\n继续")
        XCTAssertFalse(r.plain.unicodeScalars.contains("\u{2E2E}"), r.plain)
        XCTAssertEqual(r.headings.first?.text, "关于“三张清单”的说明")
        XCTAssertTrue(r.plain.contains("印发《方案》（4号）。强调。继续"), r.plain)
    }

    func testAutolinkStopsAtCJK() {
        XCTAssertEqual(
            html("请登录https://example.gov.cn/查询。"),
            "<p>请登录<a href=\"https://example.gov.cn/\">https://example.gov.cn/</a>查询。</p>\n")
        XCTAssertEqual(
            html("网址 www.example.gov.cn，欢迎访问"),
            "<p>网址 <a href=\"http://www.example.gov.cn\">www.example.gov.cn</a>，欢迎访问</p>\n")
    }

    func testAutolinkLatinUnchanged() {
        XCTAssertEqual(
            html("see https://example.org/a?b=1."),
            "<p>see <a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>.</p>\n")
    }

    func testSoftBreakBetweenCJKAddsNoSpace() {
        XCTAssertEqual(html("生态环境\n质量持续改善"), "<p>生态环境质量持续改善</p>\n")
        XCTAssertEqual(html("环境。\n质量"), "<p>环境。质量</p>\n")
        XCTAssertEqual(html("green\nwater"), "<p>green\nwater</p>\n")
        XCTAssertEqual(html("**强调**\n继续"), "<p><strong>强调</strong>继续</p>\n")
    }

    func testHeadingIdsKeepChinese() {
        let r = renderer.render("## 一、工作目标\n\n## Air Quality 2023\n\n## 一、工作目标\n")
        XCTAssertEqual(r.headings.map(\.id), ["一工作目标", "air-quality-2023", "一工作目标-1"])
        XCTAssertTrue(r.html.string.contains("<h2 id=\"一工作目标\">一、工作目标</h2>"), r.html.string)
        XCTAssertTrue(r.html.string.contains("<h2 id=\"一工作目标-1\">"), r.html.string)
        XCTAssertFalse(r.html.string.contains("\u{E000}"))
    }

    func testGFMFeatures() {
        let md = """
            | 站点 | AQI |
            |---|---:|
            | 高新区 | 52 |

            - [x] 完成排查
            - [ ] 完成整改

            ~~旧方案~~ 见 https://example.org

            脚注[^1]

            [^1]: 说明。
            """
        let out = html(md)
        XCTAssertTrue(out.contains("<table>"), out)
        XCTAssertTrue(out.contains("<td align=\"right\">52</td>"), out)
        XCTAssertTrue(out.contains("type=\"checkbox\""), out)
        XCTAssertTrue(out.contains("checked=\"\" disabled=\"\" aria-label=\"已完成\""), out)
        XCTAssertTrue(out.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"未完成\" />"), out)
        XCTAssertTrue(out.contains("<del>旧方案</del>"), out)
        XCTAssertTrue(out.contains("<a href=\"https://example.org\">"), out)
        XCTAssertTrue(out.contains("footnotes"), out)
    }

    /// The finisher rewrites only what the document holds: each of its patterns alone, all of
    /// them together, and none (the HTML passed through as it is).
    func testFinisherRewritesEachPatternAloneAndTogether() {
        let sentinel = "\u{2E2E}"
        XCTAssertEqual(HTMLFinisher.finish("<p>甲\(sentinel)乙“丙”</p>"), "<p>甲乙“丙”</p>")
        // Link targets are never edited here (sentinels leave them in the tree).
        XCTAssertEqual(HTMLFinisher.finish("<a href=\"/x%E2%B8%AE/\">x</a>"), "<a href=\"/x%E2%B8%AE/\">x</a>")
        XCTAssertEqual(HTMLFinisher.finish("<h2>\u{E000}概况\u{E001}概况</h2>"), "<h2 id=\"概况\">概况</h2>")
        XCTAssertEqual(
            HTMLFinisher.finish("<li><input type=\"checkbox\" disabled=\"\" /> 甲</li>"),
            "<li><input type=\"checkbox\" disabled=\"\" aria-label=\"未完成\" /> 甲</li>")
        XCTAssertEqual(HTMLFinisher.finish("<p>“无需改写”%20<b>\u{E001}</b></p>"), "<p>“无需改写”%20<b>\u{E001}</b></p>")
        XCTAssertEqual(
            HTMLFinisher.finish(
                "<h3>\u{E000}a\u{E001}a</h3><p>\(sentinel)“x”%E2%B8%AE</p><input type=\"checkbox\" checked=\"\" />"),
            "<h3 id=\"a\">a</h3><p>“x”%E2%B8%AE</p><input type=\"checkbox\" checked=\"\" aria-label=\"已完成\" />")
    }

    /// Markers in the author's text are dropped before rendering; a source without `*` or `~`
    /// is handed to cmark-gfm as it is.
    func testSourceMarkersAndUnchangedSources() {
        XCTAssertTrue(MarkdownRenderer.holdsReserved("标题\u{E000}"))
        XCTAssertTrue(MarkdownRenderer.holdsReserved("\u{E001}"))
        XCTAssertTrue(MarkdownRenderer.holdsReserved("\u{E004}"), "the figure markers are reserved too")
        XCTAssertFalse(MarkdownRenderer.holdsReserved("\u{E005}\u{E0FF}生态"))
        XCTAssertEqual(html("甲\u{E000}乙\u{E001}丙"), "<p>甲乙丙</p>\n")
        XCTAssertNil(Array("没有强调的文字。".utf8).withUnsafeBufferPointer(EmphasisFlanking.apply))
        XCTAssertEqual(
            EmphasisFlanking.apply("```\n**“甲”**乙\n```\n确保**“三张清单”**落实\n"),
            "```\n**“甲”**乙\n```\n确保\u{2E2E}**“三张清单”**\u{2E2E}落实\n")
    }

    func testRawHTMLEscapedByDefault() {
        let out = html("<script>alert(1)</script>\n\n文字<b onclick=\"x\">粗</b>")
        XCTAssertFalse(out.contains("<script"), out)
        XCTAssertFalse(out.contains("<b "), out)
        XCTAssertTrue(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), out)
        XCTAssertTrue(out.contains("&lt;b onclick=&quot;x&quot;&gt;"), out)
    }

    func testRawHTMLAllowedWhenUnsafeButTagFiltered() {
        let unsafe = MarkdownRenderer(allowRawHTML: true)
        let out = unsafe.render("<div class=\"note\">注</div>\n\n<script>x</script>\n").html.string
        XCTAssertTrue(out.contains("<div class=\"note\">"), out)
        XCTAssertFalse(out.contains("<script>"), out)
    }

    func testPlainText() {
        let r = renderer.render("# 标题\n\n第一段**重点**内容。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        XCTAssertTrue(r.plain.hasPrefix("标题\n第一段重点内容。"), r.plain.debugDescription)
        XCTAssertTrue(r.plain.contains("1\n2"), r.plain.debugDescription)
    }

    /// Every article keeps its plain text for the whole build: it is kept at its size, not in
    /// the buffer it grew in (which doubles as it grows).
    func testPlainTextIsKeptAtItsSize() {
        let markdown = (1...300).map { "第\($0)段：开展工业企业噪声扰民排查整治，确保黑臭水体动态清零。" }.joined(separator: "\n\n")
        let text = MarkdownRenderer().render(markdown).plainText
        XCTAssertGreaterThan(text.count, 20_000)
        XCTAssertLessThan(text.capacity, text.count + 64)
    }
}

extension RenderedMarkdown {
    /// The plain text as a String, for the assertions.
    fileprivate var plain: String { String(decoding: plainText, as: UTF8.self) }
}
