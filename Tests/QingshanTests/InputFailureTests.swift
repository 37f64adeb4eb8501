import Foundation
import QingshanCore
import XCTest

@testable import QingshanBuild
@testable import QingshanLoad
@testable import QingshanStarter

/// Hostile or careless input is an error at its place, never a crash, a hang or a silent drop.
final class InputFailureTests: XCTestCase {
    /// Nested aliases (“billion laughs”): 10 levels of 9 would be 3.5 billion nodes.
    func bomb(levels: Int, indent: String = "") -> String {
        var lines = [indent + "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for i in 1..<levels {
            lines.append(
                indent + "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testAliasBombsAreRefusedWhereverYAMLIsRead() throws {
        let diagnostics = Diagnostics()
        XCTAssertNil(YAMLReader.compose(bomb(levels: 10), file: "x.yaml", diagnostics: diagnostics))
        XCTAssertTrue(diagnostics.all.first?.message.contains("别名") ?? false)
        // Ordinary anchors still work.
        let ok = YAMLReader.compose("base: &b {a: 1}\nother: *b\n", file: "x.yaml", diagnostics: Diagnostics())
        XCTAssertEqual(ok?.mapping?.count, 2)

        let site = try Fixture.copy("ledger")
        let config = site.appendingPathComponent("site.yaml")
        let original = try String(contentsOf: config, encoding: .utf8)
        try (original + bomb(levels: 9)).write(to: config, atomically: true, encoding: .utf8)
        let (report, notes) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertTrue(notes.all.contains { $0.location.file == "site.yaml" && $0.message.contains("别名") })
        try original.write(to: config, atomically: true, encoding: .utf8)

        try "---\ntitle: 炸弹\ndate: 2023-06-01\n\(bomb(levels: 9))---\n正文\n".write(
            to: site.appendingPathComponent("content/news/2023-06-01-bomb.md"), atomically: true, encoding: .utf8)
        let ledger = site.appendingPathComponent("content/data/ledger/bomb.yaml")
        try FileManager.default.createDirectory(
            at: ledger.deletingLastPathComponent(), withIntermediateDirectories: true)
        try
            "- id: B1\n  x: &a0 [x, x]\n\(bomb(levels: 9, indent: "  ").replacingOccurrences(of: "  a0: &a0 [x, x, x, x, x, x, x, x, x]\n", with: ""))"
            .write(to: ledger, atomically: true, encoding: .utf8)
        let (again, more) = Fixture.build(site)
        XCTAssertNil(again)
        let files = Set(more.all.filter { $0.message.contains("别名") }.map(\.location.file))
        XCTAssertTrue(files.contains("content/news/2023-06-01-bomb.md"), "\(files)")
    }

    func testDocumentsOfOnlyCommentsAreErrors() throws {
        let site = try Fixture.copy("basic")
        try "---\n# title: 待定\n---\n正文\n".write(
            to: site.appendingPathComponent("content/news/2023-06-01-c.md"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        XCTAssertTrue(diagnostics.all.contains { $0.location.file == "content/news/2023-06-01-c.md" })

        let config = Diagnostics()
        XCTAssertNil(SiteConfigLoader.parse("# 站点配置\n# title: x\n", diagnostics: config))
        XCTAssertEqual(config.errorCount, 1)
    }

    func testEncodingErrorsNameLineAndColumn() throws {
        let site = try Fixture.copy("basic")
        var bytes = Array("---\ntitle: 甲\ndate: 2023-06-01\n---\n第一行\n正文".utf8)
        bytes += [0xD5, 0xFD]  // 正 in GBK
        try Data(bytes).write(to: site.appendingPathComponent("content/news/2023-06-01-gbk.md"))
        let (_, diagnostics) = Fixture.build(site)
        let error = diagnostics.all.first { $0.location.file == "content/news/2023-06-01-gbk.md" }
        XCTAssertEqual(error?.location.line, 6)
        XCTAssertEqual(error?.location.column, 3)
    }

    func testSlugsThatCannotBeFoldersAreArticleErrors() throws {
        for slug in ["index.html", String(repeating: "长", count: 100)] {
            let site = try Fixture.copy("basic")
            let file = "content/news/2023-06-01-s.md"
            try "---\ntitle: 甲\ndate: 2023-06-01\nslug: \(slug)\n---\n正文\n".write(
                to: site.appendingPathComponent(file), atomically: true, encoding: .utf8)
            let (report, diagnostics) = Fixture.build(site)
            XCTAssertNil(report)
            let errors = diagnostics.all.filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.location.file), [file], errors.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(errors.first?.location.line, 4)
        }
    }

    func testTagsSharingAnAddressAreMergedWithAWarning() throws {
        let site = try Fixture.copy("basic")
        for (i, tag) in ["a/b", "ab", "AB"].enumerated() {
            try "---\ntitle: 甲\(i)\ndate: 2023-06-0\(i + 1)\ntags: [\"\(tag)\"]\n---\n正文\n".write(
                to: site.appendingPathComponent("content/news/2023-06-0\(i + 1)-t\(i).md"), atomically: true,
                encoding: .utf8)
        }
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNotNil(report)
        let merged = diagnostics.all.filter { $0.message.contains("网址相同") }
        XCTAssertEqual(merged.count, 2, merged.map(\.message).joined(separator: "\n"))
    }

    func testTheSameWarningIsPrintedOnce() throws {
        let site = try Fixture.copy("basic")
        for i in 0..<40 {
            try "---\ntitle: 迁移\(i)\ndate: 2023-05-\(10 + i % 20)\ncategory: 旧栏目\nid: \(i)\n---\n正文\n".write(
                to: site.appendingPathComponent("content/news/m\(i).md"), atomically: true, encoding: .utf8)
        }
        let (_, diagnostics) = Fixture.build(site)
        let grouped = diagnostics.grouped.filter { $0.diagnostic.message.contains("category") }
        XCTAssertEqual(grouped.count, 1)
        XCTAssertEqual(grouped.first?.count, 40)
        XCTAssertEqual(grouped.first?.diagnostic.location.file, "content/news/m0.md")
        XCTAssertEqual(diagnostics.grouped.filter { $0.diagnostic.message.contains("“id”") }.first?.count, 40)
    }

    func testInitBelowAFileSaysSo() throws {
        let file = Fixture.temporaryFolder("qingshan-file")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try NewContent.site(at: file.path + "/site")) { error in
            XCTAssertTrue("\(error)".contains("是文件而不是目录"), "\(error)")
        }
    }
}
