import Foundation
import Mustache
import QingshanCore
import XCTest

@testable import QingshanRender

final class ThemeTests: XCTestCase {
    /// A site's own header partial is used, rendered once per column with that column current.
    func testHeaderPartialOverrideFollowsTheCurrentColumn() throws {
        let site = try Fixture.copy("basic")
        let folder = site.appendingPathComponent("templates/partials")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "<p class=\"mine\">{{#site}}{{#nav}}{{#current}}[{{title}}]{{/current}}{{/nav}}{{/site}}</p>\n".write(
            to: folder.appendingPathComponent("header.mustache"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site, asOf: Day(year: 2023, month: 6, day: 30))
        XCTAssertNotNil(report, "\(diagnostics.all)")
        let out = site.appendingPathComponent("public")
        XCTAssertTrue(Fixture.text(out, "news/index.html").contains("<p class=\"mine\">[工作动态]</p>"))
        XCTAssertTrue(Fixture.text(out, "notices/index.html").contains("<p class=\"mine\">[通知公告]</p>"))
        XCTAssertTrue(Fixture.text(out, "index.html").contains("<p class=\"mine\">[首页]</p>"))
    }

    /// The theme embedded in the binary is exactly templates/ (run `make theme` after edits).
    func testEmbeddedThemeMatchesTemplatesFolder() throws {
        let folder = Fixture.repositoryRoot.appendingPathComponent("templates")
        var onDisk: [String: String] = [:]
        for (path, data) in Fixture.tree(folder) {
            onDisk[path] = String(decoding: data, as: UTF8.self)
        }
        XCTAssertEqual(Set(onDisk.keys), Set(DefaultTheme.files.keys))
        for (path, text) in onDisk {
            XCTAssertEqual(DefaultTheme.files[path], text, "templates/\(path) differs from the embedded copy")
        }
    }

    func testBuiltInThemeLoadsWithoutASite() {
        let diagnostics = Diagnostics()
        XCTAssertNotNil(Theme.load(siteRoot: nil, diagnostics: diagnostics))
        XCTAssertEqual(diagnostics.all, [])
    }

    func testPartialReferencesCarryPositions() {
        let refs = Theme.partialReferences(in: "a\n  {{> partials/x }}{{<base}}")
        XCTAssertEqual(
            refs,
            [
                Theme.PartialReference(name: "partials/x", line: 2, column: 3),
                Theme.PartialReference(name: "base", line: 2, column: 20),
            ])
    }

    /// Table rows are pre-rendered in Swift (`rowsHTML`); they must be the markup the row loop
    /// of the built-in partial made, escaping included, and a theme may still loop over `rows`.
    func testPrerenderedTableRowsEqualTheTemplateLoop() throws {
        let table = TableView(
            caption: "表", head: ["编号", "状态"],
            rows: [
                [
                    TableView.Cell("A-1", href: "/ledger/a-1/?x=1&y=\"2\""),
                    TableView.Cell("办结", className: "grade green"),
                ],
                [TableView.Cell("<b>B</b> & 'c'"), TableView.Cell("—")],
            ])
        let loop = try MustacheTemplate(
            string: Theme.textPragma
                + "{{#rows}}<tr>{{#cells}}<td{{#className}} class=\"{{.}}\"{{/className}}>{{#href}}<a href=\"{{.}}\">"
                + "{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}</td>{{/cells}}</tr>\n{{/rows}}")
        XCTAssertEqual(table.rowsHTML, loop.render(table))
        XCTAssertTrue(table.rowsHTML.contains("&lt;b&gt;B&lt;/b&gt; &amp; &#39;c&#39;"))
        XCTAssertTrue(table.rowsHTML.contains("href=\"/ledger/a-1/?x=1&amp;y=&quot;2&quot;\""))
    }
}
