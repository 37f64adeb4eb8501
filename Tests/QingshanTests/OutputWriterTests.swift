import Foundation
import QingshanModel
import XCTest

@testable import QingshanBuild

final class OutputWriterTests: XCTestCase {
    func temporaryFolder() throws -> URL {
        let url = Fixture.temporaryFolder("qingshan-writer")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func file(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, text: text) }

    /// Three builds in a row: the spare tree is reused, stale files and folders disappear,
    /// unchanged files are not rewritten, a file may become a folder.
    func testSuccessiveWritesSyncTheTree() throws {
        let root = try temporaryFolder()
        let out = root.appendingPathComponent("public")
        let writer = OutputWriter(outputDir: out.path)

        let first = try writer.write(
            files: [file("index.html", "a"), file("news/x/index.html", "x"), file("old/index.html", "o")], copies: [])
        XCTAssertEqual(first, .init(written: 3, kept: 0))
        XCTAssertEqual(Fixture.tree(out).count, 3)

        let second = try writer.write(files: [file("index.html", "a"), file("news/x/index.html", "x2")], copies: [])
        XCTAssertEqual(second.written + second.kept, 2)
        XCTAssertEqual(
            Fixture.tree(out), ["index.html": Data("a".utf8), "news/x/index.html": Data("x2".utf8)])

        // The spare now holds the first tree; syncing it must drop old/ and keep index.html.
        let third = try writer.write(
            files: [file("index.html", "a"), file("news/x/index.html", "x2"), file("news/x/y", "file-then")],
            copies: [])
        XCTAssertEqual(third.kept, 1)
        XCTAssertEqual(Fixture.tree(out).keys.sorted(), ["index.html", "news/x/index.html", "news/x/y"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("old").path))

        let fourth = try writer.write(
            files: [file("index.html", "b"), file("news/x/y/index.html", "folder-now")], copies: [])
        XCTAssertEqual(fourth.written + fourth.kept, 2)
        XCTAssertEqual(
            Fixture.tree(out), ["index.html": Data("b".utf8), "news/x/y/index.html": Data("folder-now".utf8)])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(siblings, [".public.prev", "public"])
    }

    /// The tree listing (two levels first, the rest on all cores) finds every file and folder
    /// at every depth, hidden and empty ones included, as FileManager does.
    func testTheTreeListingFindsEverything() throws {
        let root = try temporaryFolder()
        let fm = FileManager.default
        for folder in ["a", "a/b", "a/b/c/d", "e", ".hidden/x", "news/1", "news/2/deep", "empty"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for path in [
            "top.html", ".dot", "a/f", "a/b/g", "a/b/c/d/h", ".hidden/x/i", "news/1/index.html", "news/2/deep/j",
        ] {
            try Data(path.utf8).write(to: root.appendingPathComponent(path))
        }
        var files = Set<String>()
        var folders = Set<String>()
        for case let path as String in fm.enumerator(atPath: root.path) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            _ = fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
            if isFolder.boolValue { folders.insert(path) } else { files.insert(path) }
        }
        let listed = OutputWriter.listTree(root.path)
        XCTAssertEqual(listed.files, files)
        XCTAssertEqual(listed.folders, folders)
        XCTAssertTrue(listed.folders.contains("a/b/c/d") && listed.files.contains("a/b/c/d/h"))
    }

    /// A staged write fills the folder in batches and swaps it in at the end, like one write; a
    /// write given up leaves the output as it was and the folder as the next build's spare.
    func testStagedWritesInBatchesAndGivesUp() throws {
        let root = try temporaryFolder()
        let out = root.appendingPathComponent("public")
        try OutputWriter(outputDir: out.path).write(
            files: [file("index.html", "old"), file("gone/index.html", "g"), file("news/a/index.html", "a")], copies: []
        )
        try OutputWriter(outputDir: out.path).write(files: [file("index.html", "old")], copies: [])

        let staged = try StagedOutput(outputDir: out.path, edition: .public)
        try staged.write([file("news/a/index.html", "a"), file("news/b/index.html", "b")])
        try staged.write([file("index.html", "new")])
        XCTAssertEqual(Fixture.tree(out), ["index.html": Data("old".utf8)], "nothing shows before the swap")
        let summary = try staged.finish()
        XCTAssertEqual(summary, .init(written: 2, kept: 1))
        XCTAssertEqual(
            Fixture.tree(out),
            [
                "index.html": Data("new".utf8), "news/a/index.html": Data("a".utf8),
                "news/b/index.html": Data("b".utf8),
            ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("gone").path))

        let abandoned = try StagedOutput(outputDir: out.path, edition: .public)
        try abandoned.write([file("index.html", "never")])
        abandoned.abandon()
        XCTAssertEqual(Fixture.tree(out)["index.html"], Data("new".utf8))
        // Nothing of a build that gave up stays on disk (it may be what a check refused).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["public"])
        try OutputWriter(outputDir: out.path).write(files: [file("index.html", "new")], copies: [])
        XCTAssertEqual(Fixture.tree(out), ["index.html": Data("new".utf8)])
    }

    /// The staging folder of a build that was killed (its process is gone) becomes the next
    /// build's spare; one of a build still running is left alone.
    func testLeftoverStagingFoldersAreRecovered() throws {
        let root = try temporaryFolder()
        let out = root.appendingPathComponent("public")
        try OutputWriter(outputDir: out.path).write(files: [file("index.html", "a")], copies: [])
        var dead: Int32 = 99_999
        while kill(dead, 0) == 0 || errno == EPERM { dead += 1 }
        let leftover = root.appendingPathComponent(".public.tmp-\(dead)")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data("a".utf8).write(to: leftover.appendingPathComponent("index.html"))
        let running = root.appendingPathComponent(".public.tmp-1")  // init: always alive
        try FileManager.default.createDirectory(at: running, withIntermediateDirectories: true)

        let summary = try OutputWriter(outputDir: out.path).write(files: [file("index.html", "a")], copies: [])
        XCTAssertEqual(summary.kept, 1, "the leftover was taken as the spare and its file kept")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(),
            [".public.prev", ".public.tmp-1", "public"])
    }

    func testCopiesAreWrittenAndKept() throws {
        let root = try temporaryFolder()
        let source = root.appendingPathComponent("plan.pdf")
        try Data("pdf".utf8).write(to: source)
        let writer = OutputWriter(outputDir: root.appendingPathComponent("public").path)
        try writer.write(files: [], copies: [(source.path, "files/plan.pdf")])
        try writer.write(files: [], copies: [(source.path, "files/plan.pdf")])
        let summary = try writer.write(files: [], copies: [(source.path, "files/plan.pdf")])
        XCTAssertEqual(summary, .init(written: 0, kept: 1))
        XCTAssertEqual(Fixture.tree(root.appendingPathComponent("public")), ["files/plan.pdf": Data("pdf".utf8)])
    }
}
