import QingshanCore
import QingshanLoad
import QingshanMarkdown
import QingshanModel
import XCTest

final class FrontMatterTests: XCTestCase {
    func parse(_ text: String, file: String = "content/news/2023-06-01-x.md") -> (Article?, [Diagnostic]) {
        let diagnostics = Diagnostics()
        let article = ArticleLoader.parse(
            text, file: file, section: .news, renderer: MarkdownRenderer(), diagnostics: diagnostics)
        return (article, diagnostics.all)
    }

    func testAllKeys() throws {
        let (article, diagnostics) = parse(
            """
            ---
            title: 高新区召开“满意环保”工作推进会
            date: 2023-06-01 09:30
            summary: 摘要
            tags: [满意环保, 双月会, 满意环保]
            slug: tuijinhui
            draft: true
            doc_no: 枣高环〔2023〕4号
            source: 综合科
            campaign: air
            attachments: [{title: 实施方案, file: files/plan.pdf}]
            ---
            正文
            """)
        XCTAssertEqual(diagnostics, [])
        let a = try XCTUnwrap(article)
        XCTAssertEqual(a.slug, "tuijinhui")
        XCTAssertEqual(a.front.tags, ["满意环保", "双月会"])
        XCTAssertEqual(a.front.date.display, "2023-06-01 09:30")
        XCTAssertEqual(a.front.docNo, "枣高环〔2023〕4号")
        XCTAssertEqual(a.front.attachments.first?.file, "files/plan.pdf")
        XCTAssertTrue(a.front.draft)
        XCTAssertEqual(a.summary, "摘要")
        XCTAssertEqual(a.path.value, "/news/tuijinhui/")
    }

    func testDefaultsFromFileNameAndText() throws {
        let (article, _) = parse(
            "---\ntitle: 标题\ndate: 2023-06-01\n---\n第一段。\n", file: "content/news/2023-06-01-六五环境日.md")
        XCTAssertEqual(article?.slug, "六五环境日")
        XCTAssertEqual(article?.summary, "第一段。")
        XCTAssertEqual(article?.readingMinutes, 1)
    }

    func testBOMAndCRLFTolerated() {
        let (article, diagnostics) = parse("\u{FEFF}---\r\ntitle: 标题\r\ndate: 2023-06-01\r\n---\r\n生态\r\n环境\r\n")
        XCTAssertEqual(article?.html.string, "<p>生态环境</p>\n")
        XCTAssertEqual(diagnostics, [])
    }

    func testUnknownKeyIsAWarningWithLine() {
        let (article, diagnostics) = parse("---\ntitle: 标题\ndate: 2023-06-01\ntgas: [a]\n---\n")
        XCTAssertNotNil(article)
        XCTAssertEqual(diagnostics.map(\.severity), [.warning])
        XCTAssertEqual(diagnostics.first?.location.line, 4)
        XCTAssertEqual(diagnostics.first?.hint, "是否想写“tags”？")
    }

    func testMissingFrontMatter() {
        let (article, diagnostics) = parse("正文\n")
        XCTAssertNil(article)
        XCTAssertEqual(diagnostics.map(\.location.line), [1])
    }

    func testBadValues() {
        let (article, diagnostics) = parse(
            "---\ntitle: [a, b]\ndate: 2023-06-01\ndraft: maybe\nslug: a b\npanels: [air, wind]\n---\n")
        XCTAssertNil(article)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.location.line), [2, 4, 5, 6])
    }

    func testDocNoWithWrongBracketsWarns() {
        let (_, diagnostics) = parse("---\ntitle: 通知\ndate: 2023-06-01\ndoc_no: 枣高环[2023]4号\n---\n")
        XCTAssertEqual(diagnostics.map(\.severity), [.warning])
        XCTAssertEqual(diagnostics.first?.location.line, 4)
    }
}
