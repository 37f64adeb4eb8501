import Foundation
import QingshanBuild
import QingshanCore
import XCTest

@testable import QingshanRender

/// Article pages of the built-in theme are written directly (BuiltInArticlePage); every
/// fixture site and the sample portal must come out byte for byte as through the templates.
final class BuiltInPageTests: XCTestCase {
    func build(_ site: URL, into output: URL, direct: Bool) throws -> [String: Data] {
        var options = BuildOptions(siteRoot: site.path, outputDir: output.path)
        options.directPages = direct
        let diagnostics = Diagnostics()
        XCTAssertNotNil(BuildPipeline(options: options).run(diagnostics: diagnostics), "\(diagnostics.all)")
        return Fixture.tree(output)
    }

    func compare(_ site: URL, _ name: String) throws {
        let work = site.deletingLastPathComponent()
        let direct = try build(site, into: work.appendingPathComponent("direct"), direct: true)
        let templated = try build(site, into: work.appendingPathComponent("templated"), direct: false)
        XCTAssertEqual(Set(direct.keys), Set(templated.keys), name)
        var articles = 0
        for (path, data) in templated {
            let html = String(decoding: data, as: UTF8.self)
            if html.contains("<article class=\"article\">") || html.contains("<ul class=\"item-list\">") {
                articles += 1
            }
            if direct[path] != data {
                XCTFail(
                    "\(name): \(path) differs\n--- templates\n\(String(decoding: data, as: UTF8.self))\n--- direct\n"
                        + String(decoding: direct[path] ?? Data(), as: UTF8.self))
            }
        }
        XCTAssertGreaterThan(articles, 0, "\(name) has article pages")
    }

    func testFixtureSitesBuildTheSameBothWays() throws {
        for name in ["basic", "campaigns", "ledger", "publishing"] {
            try compare(try Fixture.copy(name), name)
        }
        // A fact sheet with a document number and a source.
        let site = try Fixture.copy("basic")
        let press = site.appendingPathComponent("content/press/2023-06-03-fabu.md")
        try Fixture.text(site, "content/press/2023-06-03-fabu.md")
            .replacingOccurrences(of: "as_of: 2023-06-02", with: "as_of: 2023-06-02\ndoc_no: 枣高环〔2023〕9号\nsource: 办公室")
            .write(to: press, atomically: true, encoding: .utf8)
        try compare(site, "basic with a numbered fact sheet")
    }

    /// The sample portal: attachments, document numbers, sources, tags and neighbours.
    func testTheSamplePortalBuildsTheSameBothWays() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-test-\(UUID().uuidString)")
        let site = target.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["site.yaml", "content", "static"] {
            let source = Fixture.repositoryRoot.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: site.appendingPathComponent(item))
            }
        }
        try compare(site, "sample portal")
    }

    /// The direct path is taken with the built-in theme and left the moment a site overrides
    /// one of the templates it stands for.
    func testTheDirectPathFollowsTheTheme() throws {
        let diagnostics = Diagnostics()
        let builtIn = try XCTUnwrap(Theme.load(siteRoot: nil, diagnostics: diagnostics))
        XCTAssertTrue(builtIn.isBuiltIn(BuiltInPages.articleTemplates))
        let site = try Fixture.copy("basic")
        let partials = site.appendingPathComponent("templates/partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        try "<meta name=\"description\" content=\"{{page.description}}\">\n".write(
            to: partials.appendingPathComponent("meta.mustache"), atomically: true, encoding: .utf8)
        let overridden = try XCTUnwrap(Theme.load(siteRoot: site.path, diagnostics: diagnostics))
        XCTAssertFalse(overridden.isBuiltIn(BuiltInPages.articleTemplates))
        let output = site.deletingLastPathComponent().appendingPathComponent("out")
        XCTAssertNotNil(Fixture.build(site, output: output).0)
        XCTAssertFalse(
            Fixture.text(output, "news/second/index.html").contains("ArticleTitle"), "the site's meta partial")
    }
}
