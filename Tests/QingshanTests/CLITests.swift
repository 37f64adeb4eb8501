import Foundation
import QingshanBuild
import QingshanCore
import XCTest

/// The `qingshan` binary itself: exit statuses and messages (README, "Commands").
final class CLITests: XCTestCase {
    var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qingshan")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try Self.execute(arguments)
    }

    static func execute(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("qingshan")
        let candidates = [
            binary,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("qingshan"),
        ]
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else {
            throw XCTSkip("qingshan binary not built next to the tests")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    /// A folder Qingshan did not make is refused with exit 2 and its name; nothing is moved.
    func testAForeignOutputFolderIsAUsageError() throws {
        let site = try Fixture.copy("basic")
        let mine = site.deletingLastPathComponent().appendingPathComponent("mine")
        try FileManager.default.createDirectory(
            at: mine.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let result = try run(["build", "--site", site.path, "--output", mine.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains(mine.path), result.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: mine.appendingPathComponent(".git").path))
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: site.deletingLastPathComponent().appendingPathComponent(".mine.prev").path))
    }

    /// Two builds of one site at once both succeed, and neither reports a failure as “Success”.
    func testConcurrentBuildsBothSucceed() throws {
        let site = try Fixture.copy("basic")
        XCTAssertEqual(try run(["build", "--site", site.path]).status, 0)
        for _ in 0..<3 {
            let group = DispatchGroup()
            let results = LockedResults()
            for _ in 0..<2 {
                group.enter()
                DispatchQueue.global().async {
                    results.append(try? CLITests.execute(["build", "--site", site.path]))
                    group.leave()
                }
            }
            group.wait()
            for result in results.all {
                XCTAssertEqual(result?.status, 0, result?.err ?? "did not run")
                XCTAssertFalse(result?.err.contains("Success") ?? true)
            }
        }
        XCTAssertFalse(Fixture.text(site.appendingPathComponent("public"), "index.html").isEmpty)
    }

    func testBuildSucceedsAndReports() throws {
        let site = try Fixture.copy("basic")
        let result = try run(["build", "--site", site.path])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("已生成"), result.out)
        XCTAssertTrue(result.out.contains("截至 2023-07-01"), result.out)
    }

    func testInputErrorsExitOneWithPositions() throws {
        let site = try Fixture.copy("invalid/missing-title")
        let result = try run(["build", "--site", site.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.err.contains("content/news/2023-06-01-a.md:2:1: error:"), result.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try run(["build", "--as-of", "2023-02-30"]).status, 2)
        XCTAssertEqual(try run(["build", "--edition", "secret"]).status, 2)
        XCTAssertEqual(try run(["frobnicate"]).status, 2)
    }

    func testInternalEditionRefusesThePublicFolder() throws {
        let site = try Fixture.copy("ledger")
        XCTAssertEqual(try run(["build", "--site", site.path]).status, 0)
        let before = Fixture.tree(site.appendingPathComponent("public"))
        let result = try run(["build", "--site", site.path, "--edition", "internal", "--output", site.path + "/public"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains("内部版不能写入"), result.err)
        XCTAssertEqual(Fixture.tree(site.appendingPathComponent("public")), before)
        XCTAssertEqual(try run(["build", "--site", site.path, "--edition", "internal"]).status, 0)
        XCTAssertFalse(Fixture.text(site.appendingPathComponent("internal"), "supervision/index.html").isEmpty)
    }

    func testCheckWritesNothing() throws {
        let site = try Fixture.copy("basic")
        let result = try run(["check", "--site", site.path, "--as-of", "2023-12-31"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }
}
