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

    /// Table cells escape their text, links and classes (the view's `text(_:)`), compiled or
    /// through swift-mustache alike.
    func testTableCellsAreEscaped() throws {
        let table = TableView(
            caption: "表", head: ["编号", "状态"],
            rows: [
                [
                    TableView.Cell("A-1", href: "/ledger/a-1/?x=1&y=\"2\""),
                    TableView.Cell("办结", className: "grade green"),
                ],
                [TableView.Cell("<b>B</b> & 'c'"), TableView.Cell("—")],
            ])
        let diagnostics = Diagnostics()
        let theme = try XCTUnwrap(Theme.load(siteRoot: nil, diagnostics: diagnostics))
        let html = theme.library.render(table, withTemplate: "partials/table") ?? ""
        XCTAssertTrue(html.contains("<td>&lt;b&gt;B&lt;/b&gt; &amp; &#39;c&#39;</td>"), html)
        XCTAssertTrue(html.contains("<a href=\"/ledger/a-1/?x=1&amp;y=&quot;2&quot;\">A-1</a>"), html)
        XCTAssertTrue(html.contains("<td class=\"grade green\">办结</td></tr>\n<tr>"), html)
        XCTAssertTrue(html.contains("<td>—</td></tr>\n</tbody>"), html)
    }
}
