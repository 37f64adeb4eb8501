import Foundation
import XCTest

@testable import QingshanThemeCompiler

/// The theme compiler: the committed Swift is what templates/ and the schema give, the parser
/// keeps Mustache's standalone-line rule, and every template it cannot compile faithfully is
/// an error naming the template.
final class ThemeCompilerTests: XCTestCase {
    var builtIn: [String: String] {
        get throws {
            try ThemeCompiler.templates(under: Fixture.repositoryRoot.appendingPathComponent("templates").path)
        }
    }

    /// Sources/QingshanRender/CompiledTheme.swift is current (run `make theme` after editing
    /// templates/ or the schema).
    func testTheCompiledThemeIsCurrent() throws {
        let committed = try String(
            contentsOf: Fixture.repositoryRoot.appendingPathComponent(ThemeCompiler.outputPath), encoding: .utf8)
        XCTAssertTrue(committed == (try ThemeCompiler.generate(templates: try builtIn)), "run `make theme`")
    }

    /// A line holding only a section tag disappears with its newline; a tag sharing its line
    /// with text or with another tag (the pragma Theme.load puts before the first line) keeps it.
    func testStandaloneLines() throws {
        XCTAssertEqual(
            try TemplateParser.parse("a\n{{#x}}\nb\n{{/x}}\nc\n", name: "t"),
            [.text("a\n"), .section("x", inverted: false, [.text("b\n")]), .text("c\n")])
        XCTAssertEqual(
            try TemplateParser.parse("{{#x}}\nb {{y}}\n{{/x}}  \n", name: "t"),
            [.section("x", inverted: false, [.text("\nb "), .variable("y"), .text("\n")])],
            "the first line shares its line with the pragma")
        XCTAssertEqual(
            try TemplateParser.parse("a{{^x}}b{{/x}}\n{{! note }}\n{{>p}}\n", name: "t"),
            [.text("a"), .section("x", inverted: true, [.text("b")]), .text("\n"), .partial("p")])
        XCTAssertEqual(
            try TemplateParser.parse("{{<base}}\n{{$main}}\nm {{{html}}}\n{{/main}}\n{{/base}}\n", name: "t"),
            [.parent("base", blocks: ["main": [.text("m "), .variable("html"), .text("\n")]])])
    }

    func testWhatTheCompilerCannotDoIsAnError() throws {
        let cases: [(String, String)] = [
            ("{{=<% %>=}}", "delimiters"),
            ("{{#x}}open", "is not closed"),
            ("{{/x}}", "closes nothing"),
            ("a\n  {{>partials/item}}\n", "indented"),
            ("{{x", "not closed on its line"),
            ("{{% CONTENT_TYPE: HTML}}", "pragma"),
            ("a\r\n", "carriage returns"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try TemplateParser.parse(text, name: "t"), text) { error in
                XCTAssertTrue("\(error)".contains(message), "\(text): \(error)")
            }
        }
    }

    /// A name no view answers, a value written that is not text, a name whose value would
    /// depend on the data at run time, a missing partial: each is a compile error naming the
    /// page.
    func testNamesAreCheckedAgainstTheSchema() throws {
        let cases: [(String, String)] = [
            ("{{<base}}{{$main}}{{page.titel}}{{/main}}{{/base}}", "PageMeta has no titel"),
            ("{{<base}}{{$main}}{{nope}}{{/main}}{{/base}}", "no view answers {{nope}}"),
            ("{{<base}}{{$main}}{{site.footer}}{{/main}}{{/base}}", "not text"),
            (
                "{{<base}}{{$main}}{{#factSheet}}{{#page.article}}{{#docNo}}x{{/docNo}}{{/page.article}}"
                    + "{{/factSheet}}{{/main}}{{/base}}", "absent in one context and present in an outer one"
            ),
            ("{{<base}}{{$main}}{{>partials/none}}{{/main}}{{/base}}", "does not exist"),
        ]
        for (text, message) in cases {
            var templates = try builtIn
            templates["article"] = text
            XCTAssertThrowsError(try ThemeCompiler.generate(templates: templates), text) { error in
                XCTAssertTrue("\(error)".contains(message), "\(text): \(error)")
                XCTAssertTrue("\(error)".contains("templates/article.mustache"), "\(error)")
            }
        }
    }

    /// Every template name of a compiled page resolves in one view, or the page says which.
    func testEveryCompiledPageUsesOnlyItsTemplates() throws {
        let source = try ThemeCompiler.generate(templates: try builtIn)
        for page in ThemeCompiler.pages {
            XCTAssertTrue(source.contains("static func \(ThemeCompiler.functionName(page))(_ c0: PageView)"), page)
        }
        XCTAssertFalse(source.contains("child(named: "), "compiled pages never ask swift-mustache's look-up")
    }

    /// A section that never reads its value is compiled to a test, not an unused binding (the
    /// generated file compiles without warnings).
    func testAnUnusedSectionValueIsNotBound() {
        XCTAssertTrue(PageEmitter.mentions("out += c1.title", "c1"))
        XCTAssertFalse(PageEmitter.mentions("out += c10.title; c1_x", "c1"))
        let generated =
            (try? String(
                contentsOf: Fixture.repositoryRoot.appendingPathComponent(
                    "Sources/QingshanRender/CompiledTheme.swift"), encoding: .utf8)) ?? ""
        XCTAssertTrue(generated.contains(" != nil {"), "some sections only test their value")
    }
}
