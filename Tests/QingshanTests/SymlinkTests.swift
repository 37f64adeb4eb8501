import Foundation
import XCTest

@testable import QingshanBuild
@testable import QingshanCore

/// A symbolic link under static/ or templates/ that leads outside the site is an error naming
/// it, and nothing it points at is published; a link inside the site is fine.
final class SymlinkTests: XCTestCase {
    func testLinksOutOfTheSiteAreRefused() throws {
        let site = try Fixture.copy("basic")
        let fm = FileManager.default
        let outside = site.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try Data("root:x:0:0:secret".utf8).write(to: outside)
        try fm.createSymbolicLink(
            atPath: site.appendingPathComponent("static/passwd").path, withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(
            atPath: site.appendingPathComponent("static/secret.txt").path, withDestinationPath: outside.path)
        try fm.createDirectory(at: site.appendingPathComponent("templates/assets"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            atPath: site.appendingPathComponent("templates/assets/x.css").path,
            withDestinationPath: "../../../secret.txt")
        let (report, diagnostics) = Fixture.build(site)
        XCTAssertNil(report)
        let files = Set(diagnostics.all.filter { $0.severity == .error }.map(\.location.file))
        XCTAssertEqual(files, ["static/passwd", "static/secret.txt", "templates/assets/x.css"])
        XCTAssertFalse(fm.fileExists(atPath: site.appendingPathComponent("public/passwd").path))

        // Links that stay inside the site are copied as before.
        for name in ["passwd", "secret.txt"] {
            try fm.removeItem(at: site.appendingPathComponent("static/" + name))
        }
        try fm.removeItem(at: site.appendingPathComponent("templates/assets/x.css"))
        try Data("inside".utf8).write(to: site.appendingPathComponent("inside.txt"))
        try fm.createSymbolicLink(
            atPath: site.appendingPathComponent("static/inside.txt").path, withDestinationPath: "../inside.txt")
        let (again, notes) = Fixture.build(site)
        XCTAssertNotNil(again, notes.all.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(Fixture.text(site.appendingPathComponent("public"), "inside.txt"), "inside")
    }

    func testTheRule() throws {
        let root = Fixture.temporaryFolder("qingshan-link")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("a/l").path, withDestinationPath: "/etc/hostname")
        XCTAssertTrue(FileTree.passesThroughLink(root.path + "/a/l", below: root.path))
        XCTAssertFalse(FileTree.passesThroughLink(root.path + "/a", below: root.path))
        XCTAssertFalse(FileTree.liesInside(root.path + "/a/l", root: root.path))
        XCTAssertTrue(FileTree.liesInside(root.path + "/a", root: root.path))
        XCTAssertFalse(FileTree.liesInside(root.path + "/missing", root: root.path))
    }
}
