import Foundation
import QingshanBuild
import QingshanCore
import XCTest

/// One invalid fixture site per diagnostic: each fails with the right file and line and
/// leaves an existing output folder untouched.
final class DiagnosticTests: XCTestCase {
    /// Builds an invalid fixture over an existing output folder and returns the errors.
    func errors(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Diagnostic] {
        let site = try Fixture.copy("invalid/" + name)
        let out = site.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "old".write(to: out.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try Fixture.markAsOutput(out)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report, "build of \(name) should fail", file: file, line: line)
        XCTAssertEqual(Fixture.tree(out), ["index.html": Data("old".utf8)], "output touched", file: file, line: line)
        return diagnostics.all.filter { $0.severity == .error }
    }

    func testMissingTitle() throws {
        let errors = try errors("missing-title")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.file, "content/news/2023-06-01-a.md")
        XCTAssertEqual(errors.first?.location.line, 2)
        XCTAssertTrue(errors.first?.message.contains("title") == true)
    }

    func testUnclosedFrontMatter() throws {
        let errors = try errors("unclosed-front-matter")
        XCTAssertEqual(
            errors.map(\.location), [SourceLocation(file: "content/news/2023-06-01-a.md", line: 1, column: 1)])
    }

    /// An article that is not UTF-8 (a GBK file) fails naming the file; one saved with a byte
    /// order mark builds like one without.
    func testArticleNotInUTF8AndArticleWithByteOrderMark() throws {
        let site = try Fixture.copy("basic")
        let news = site.appendingPathComponent("content/news")
        let gbk: [UInt8] =
            Array("---\ntitle: ".utf8) + [0xBB, 0xB7, 0xBE, 0xB3] + Array("\ndate: 2023-06-01\n---\n\n正文\n".utf8)
        try Data(gbk).write(to: news.appendingPathComponent("2023-06-01-gbk.md"))
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        let errors = diagnostics.all.filter { $0.severity == .error }
        XCTAssertEqual(
            errors.map(\.location), [SourceLocation(file: "content/news/2023-06-01-gbk.md", line: 2, column: 8)])
        XCTAssertTrue(errors.first?.message.contains("UTF-8") == true)

        try FileManager.default.removeItem(at: news.appendingPathComponent("2023-06-01-gbk.md"))
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\ntitle: 带签名的文件\ndate: 2023-06-01\n---\n\n正文。\n".utf8)
        try Data(bom).write(to: news.appendingPathComponent("2023-06-01-bom.md"))
        let output = site.deletingLastPathComponent().appendingPathComponent("bom-out")
        XCTAssertNotNil(Fixture.build(site, output: output).0)
        XCTAssertTrue(Fixture.text(output, "news/bom/index.html").contains("<h1>带签名的文件</h1>"))
    }

    func testSiteWithoutBaseURL() throws {
        let site = try Fixture.copy("invalid/no-base-url")
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        let errors = diagnostics.all.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.file, "site.yaml")
        XCTAssertEqual(errors.first?.location.line, 1)
        XCTAssertTrue(errors.first?.message.contains("base_url") == true)
        // The misspelt footer key is a warning naming its line.
        let warning = diagnostics.all.first { $0.severity == .warning && $0.message.contains("sit_code") }
        XCTAssertEqual(warning?.location.line, 4)
        XCTAssertEqual(warning?.hint, "是否想写“site_code”？")
    }

    func testDuplicateURLNamesBothFiles() throws {
        let errors = try errors("duplicate-url")
        XCTAssertEqual(
            Set(errors.map(\.location.file)),
            ["content/news/2023-06-01-same.md", "content/news/2023-06-02-other.md"])
        XCTAssertTrue(errors.allSatisfy { $0.message.contains("/news/same/") })
        XCTAssertTrue(errors[0].message.contains("2023-06-02-other.md"))
    }

    func testImpossibleDate() throws {
        let errors = try errors("bad-date")
        XCTAssertEqual(
            errors.map(\.location), [SourceLocation(file: "content/news/2023-06-01-a.md", line: 3, column: 7)])
    }

    func testYAMLSyntaxErrorHasLine() throws {
        let errors = try errors("yaml-syntax")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.file, "content/news/2023-06-01-a.md")
        XCTAssertNotNil(errors.first?.location.line)
        XCTAssertGreaterThanOrEqual(errors.first?.location.line ?? 0, 3)
    }

    func testTemplateSyntaxErrorNamesFileLineColumn() throws {
        let errors = try errors("bad-template")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.file, "templates/list.mustache")
        XCTAssertEqual(errors.first?.location.line, 5)
        XCTAssertNotNil(errors.first?.location.column)
    }

    func testMissingPartialIsAnError() throws {
        let errors = try errors("missing-partial")
        XCTAssertEqual(errors.map(\.location), [SourceLocation(file: "templates/tags.mustache", line: 4, column: 1)])
        XCTAssertTrue(errors[0].message.contains("partials/nothing"))
    }

    func testMissingAttachment() throws {
        let errors = try errors("missing-attachment")
        XCTAssertEqual(errors.map(\.location.file), ["content/news/2023-06-01-a.md"])
        XCTAssertEqual(errors.first?.location.line, 4)
        XCTAssertTrue(errors[0].message.contains("files/none.pdf"))
    }

    func testAllProblemsOfARunAreReported() throws {
        let site = try Fixture.copy("invalid/missing-title")
        try "---\ntitle: 乙\ndate: 2023-13-01\n---\n".write(
            to: site.appendingPathComponent("content/news/b.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: 丙\n".write(
            to: site.appendingPathComponent("content/news/c.md"), atomically: true, encoding: .utf8)
        let (_, diagnostics) = Fixture.build(site)
        XCTAssertEqual(
            diagnostics.all.filter { $0.severity == .error }.map(\.location.file),
            ["content/news/2023-06-01-a.md", "content/news/b.md", "content/news/c.md"])
    }

    func testMissingSiteYAML() throws {
        let site = try Fixture.copy("invalid/missing-title")
        try FileManager.default.removeItem(at: site.appendingPathComponent("site.yaml"))
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertEqual(diagnostics.all.first?.location.file, "site.yaml")
    }
}
