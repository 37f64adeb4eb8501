import Foundation
import QingshanBuild
import QingshanCore
import XCTest

@testable import QingshanLedger

/// The internal edition of the `ledger` fixture.
final class InternalEditionTests: XCTestCase {
    func buildInternal(_ site: URL, output: URL? = nil) -> (BuildReport?, Diagnostics) {
        let diagnostics = Diagnostics()
        let options = BuildOptions(siteRoot: site.path, outputDir: output?.path, edition: .internal)
        return (BuildPipeline(options: options).run(diagnostics: diagnostics), diagnostics)
    }

    func testPages() throws {
        let site = try Fixture.copy("ledger")
        let (report, diagnostics) = buildInternal(site)
        XCTAssertNotNil(report, diagnostics.all.map(\.description).joined(separator: "\n"))
        let out = site.appendingPathComponent("internal")
        let files = Fixture.tree(out)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(html.contains("<meta name=\"robots\" content=\"noindex,nofollow\">"), path)
            XCTAssertTrue(html.contains("内部资料"), path)
        }
        XCTAssertEqual(Fixture.text(out, "robots.txt"), "User-agent: *\nDisallow: /\n")
        XCTAssertNil(files["sitemap.xml"])

        // June dispatch: the records open on 2023-06-30.
        let june = Fixture.text(out, "dispatch/2023-06/index.html")
        for open in ["L02", "L03", "L06", "L07"] { XCTAssertTrue(june.contains(">\(open)<"), "June lists \(open)") }
        for done in ["L01", "L04", "L05", "L08", "L09"] {
            XCTAssertFalse(june.contains(">\(done)<"), "June omits \(done)")
        }
        XCTAssertTrue(june.contains("逾期 86 天"), "L02 is 86 days past 2023-04-05")

        // Supervision: exactly the supervised records, with owners.
        let supervision = Fixture.text(out, "supervision/index.html")
        for id in ["L01", "L02", "L03", "L06", "L07", "L08"] { XCTAssertTrue(supervision.contains("\(id)　"), id) }
        for id in ["L04", "L05", "L09"] { XCTAssertFalse(supervision.contains("\(id)　"), id) }
        XCTAssertTrue(supervision.contains("专人盯办：责任人甲"))

        // Q2 spot check: both Q2 closures (fewer than 5: all), with the complainant's phone.
        let q2 = Fixture.text(out, "spotcheck/2023-Q2/index.html")
        XCTAssertTrue(q2.contains(">L05<") && q2.contains(">L08<"))
        XCTAssertFalse(q2.contains(">L01<"), "closed in Q1")
        let q1 = Fixture.text(out, "spotcheck/2023-Q1/index.html")
        XCTAssertTrue(q1.contains("电话：13900000001"))
        XCTAssertFalse(Fixture.text(out, "meetings/2023-06/index.html").isEmpty)
    }

    /// A finished campaign reads 已完成 in the dispatch, never days overdue beside its status.
    func testTheDispatchShowsFinishedCampaignsAsFinished() throws {
        let site = try Fixture.copy("ledger")
        let campaigns = Fixture.text(try Fixture.copy("campaigns"), "content/data/campaigns.yaml")
            .replacingOccurrences(of: "  deadline: 2023-12-31", with: "  deadline: 2023-05-31")
        try campaigns.write(
            to: site.appendingPathComponent("content/data/campaigns.yaml"), atomically: true, encoding: .utf8)
        let (report, diagnostics) = buildInternal(site)
        XCTAssertNotNil(report, "\(diagnostics.all)")
        let june = Fixture.text(site.appendingPathComponent("internal"), "dispatch/2023-06/index.html")
        let row = try XCTUnwrap(june.components(separatedBy: "<tr>").first { $0.contains("全部完成") })
        XCTAssertTrue(row.contains(">已完成<"), row)
        XCTAssertFalse(row.contains("逾期"), row)
        XCTAssertTrue(june.contains("按责任科室"), "the analysis by 科室")
    }

    func testRefusesThePublicOutputFolder() throws {
        let site = try Fixture.copy("ledger")
        XCTAssertNotNil(Fixture.build(site).0)
        let publicOut = site.appendingPathComponent("public")
        let before = Fixture.tree(publicOut)
        XCTAssertNotNil(OutputPlacement.problem(output: publicOut.path, site: site.path, edition: .internal))
        let (report, _) = buildInternal(site, output: publicOut)
        XCTAssertNil(report)
        XCTAssertEqual(Fixture.tree(publicOut), before)
        // Any folder that holds a public build is refused too.
        let copy = site.deletingLastPathComponent().appendingPathComponent("elsewhere")
        try FileManager.default.copyItem(at: publicOut, to: copy)
        XCTAssertNotNil(OutputPlacement.problem(output: copy.path, site: site.path, edition: .internal))
    }

    func testPublicEditionStaysCleanAfterAnInternalBuild() throws {
        let site = try Fixture.copy("ledger")
        XCTAssertNotNil(buildInternal(site).0)
        XCTAssertNotNil(Fixture.build(site).0)
        for (path, data) in Fixture.tree(site.appendingPathComponent("public")) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["投诉人一号", "13900000001", "责任人甲", "内部资料", "/dispatch/", "/supervision/"] {
                XCTAssertFalse(text.contains(secret), "\(path) contains \(secret)")
            }
        }
    }
}
