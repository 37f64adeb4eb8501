import QingshanCore
import XCTest

@testable import QingshanMarkdown

/// Without `markdown.unsafe`, no link or image target that runs a script or opens a document
/// is published as a link, however it is written; ordinary targets stay.
final class ScriptLinkTests: XCTestCase {
    let renderer = MarkdownRenderer()

    func testScriptAndDocumentSchemesAreNotLinks() {
        let hostile = [
            "[x](javascript:alert(1))",
            "![x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](data:image/png;base64,AAAA)",  // an image's data as a link target
            "[x](JaVaScRiPt:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](java&#9;script:alert(1))",
            "[x](java&#x0A;script:alert(1))",
            "[x](&#32;javascript:alert(1))",
            "[x](javascript&colon;alert(1))",
            "[x](<  javascript:alert(1)>)",
            "[x](file:///etc/passwd)",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "[r]\n\n[r]: <vbscript:x>",
            "![x][i]\n\n[i]: data:text/html,<script>alert(1)</script>",
            "[![x](javascript:a)](javascript:b)",
            // Found by fuzzing: the emphasis sentinel (U+2E2E) that the HTML finisher removes
            // must not hide a scheme from the check.
            "![y](java\u{2E2E}script:alert(2))",
            "[x](java&#x2E2E;script:alert(1))",
        ]
        for source in hostile {
            let rendered = renderer.render(source)
            let html = rendered.html.string.lowercased()
            XCTAssertFalse(html.contains("href="), "\(source) → \(rendered.html.string)")
            XCTAssertFalse(html.contains("src="), "\(source) → \(rendered.html.string)")
            XCTAssertFalse(rendered.blockedLinks.isEmpty, source)
        }
        // The sentinel's percent-encoded form is no longer removed from targets: these stay
        // relative links, never a script (found by fuzzing when the finisher removed it).
        for source in [
            "[x](java%E2%B8%AEscript:alert(1))", "*a* [x](java%E2%B8%AEscript:alert(1))",
            "[x](java%E2%B8%A%E2%B8%AEEscript:alert(1))", "[x](java&#37;E2%B8%AEscript:alert(1))",
            "[x](java%E2%B8&#37;AEscript:alert(1))",
        ] {
            let html = renderer.render(source).html.string.lowercased()
            XCTAssertFalse(html.contains("href=\"javascript") || html.contains("src=\"javascript"), source)
            XCTAssertTrue(html.contains("href=\"java%e2%b8%"), "\(source) → \(html)")
        }
        // A sentinel the emphasis pass inserts stands next to CJK punctuation, which stays: the
        // target remains relative, never a scheme.
        let relative = renderer.render("[x](java（*script:alert(1)) 「*强调*」").html.string
        XCTAssertFalse(relative.contains("href=\"javascript"), relative)
        // The text of a link that goes stays, as text.
        XCTAssertTrue(renderer.render("[点这里](javascript:alert(1))").html.string.contains("点这里"))
        XCTAssertEqual(renderer.render("第一行\n\n[x](javascript:1)").blockedLinks.first?.line, 3)
    }

    func testOrdinaryTargetsStay() {
        let kept = [
            ("[x](https://www.example.gov.cn/)", "href=\"https://www.example.gov.cn/\""),
            ("[x](http://example.com/a?b=1)", "href=\"http://example.com/a?b=1\""),
            ("[x](mailto:hbj@example.gov.cn)", "href=\"mailto:hbj@example.gov.cn\""),
            ("[x](tel:12369)", "href=\"tel:12369\""),
            ("[x](/news/a/)", "href=\"/news/a/\""),
            ("[x](files/plan.pdf)", "href=\"files/plan.pdf\""),
            ("[x](#part)", "href=\"#part\""),
            ("[x](javascript-guide/)", "href=\"javascript-guide/\""),
            ("![图](data:image/png;base64,AAAA)", "src=\"data:image/png;base64,AAAA\""),
            ("<https://example.com>", "href=\"https://example.com\""),
        ]
        for (source, expected) in kept {
            let rendered = renderer.render(source)
            XCTAssertTrue(rendered.html.string.contains(expected), "\(source) → \(rendered.html.string)")
            XCTAssertTrue(rendered.blockedLinks.isEmpty, source)
        }
        // A target that holds the sentinel's percent-encoded form is published as written.
        XCTAssertTrue(
            renderer.render("[x](https://a.cn/%E2%B8%AE)").html.string.contains("href=\"https://a.cn/%E2%B8%AE\""))
        // markdown.unsafe: true publishes what the editor wrote.
        XCTAssertTrue(MarkdownRenderer(allowRawHTML: true).render("[x](javascript:a)").html.string.contains("href"))
    }

    func testTheSchemeRule() {
        XCTAssertEqual(LinkSafety.scheme(of: " \tJava\nScript:x"), "javascript")
        XCTAssertNil(LinkSafety.scheme(of: "/a:b"))
        XCTAssertNil(LinkSafety.scheme(of: "a b:c"))
        XCTAssertNil(LinkSafety.scheme(of: "1abc:x"))
        XCTAssertEqual(LinkSafety.scheme(of: "x-y.z+1:q"), "x-y.z+1")
        XCTAssertTrue(LinkSafety.isSafe("data:image/svg+xml;base64,AA", image: true))
        XCTAssertFalse(LinkSafety.isSafe("data:image/png;base64,AA"))
        XCTAssertFalse(LinkSafety.isSafe("\u{0}javascript:x"))
    }
}
