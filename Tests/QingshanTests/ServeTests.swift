import Foundation
import QingshanBuild
import QingshanCore
import XCTest

@testable import QingshanServe

/// `qingshan serve`: the watcher rebuilds on change and keeps the last good site on errors;
/// the server maps paths under the base path and injects the reload hook into HTML only.
final class ServeTests: XCTestCase {
    func preview() throws -> (site: URL, output: URL, watcher: SiteWatcher, server: PreviewServer) {
        let site = try Fixture.copy("basic")
        let output = site.deletingLastPathComponent().appendingPathComponent("preview")
        let watcher = SiteWatcher(options: BuildOptions(siteRoot: site.path, outputDir: output.path))
        watcher.start()
        return (site, output, watcher, PreviewServer(outputDir: output.path, basePath: "/gxq/hbj/", watcher: watcher))
    }

    func testRebuildsOnChangeAndKeepsTheLastGoodSiteOnErrors() throws {
        let (site, output, watcher, _) = try preview()
        XCTAssertEqual(watcher.state.version, 1)
        XCTAssertFalse(watcher.poll(), "nothing changed")
        let file = site.appendingPathComponent("content/news/2023-05-01-second.md")
        try Fixture.text(site, "content/news/2023-05-01-second.md").replacingOccurrences(of: "第二篇动态", with: "新的标题")
            .write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(settle(watcher))
        XCTAssertEqual(watcher.state.version, 2)
        XCTAssertTrue(Fixture.text(output, "news/index.html").contains("新的标题"))
        try "---\ntitle: 坏\n".write(
            to: site.appendingPathComponent("content/news/broken.md"), atomically: true, encoding: .utf8)
        XCTAssertTrue(settle(watcher))
        XCTAssertEqual(watcher.state.errors.count, 1)
        XCTAssertTrue(watcher.state.errors[0].contains("content/news/broken.md:1:1"))
        XCTAssertTrue(Fixture.text(output, "news/index.html").contains("新的标题"), "the last good site stays")
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/news/broken.md"))
        XCTAssertTrue(settle(watcher))
        XCTAssertEqual(watcher.state.errors, [])
    }

    /// Two looks: the first sees the change, the second finds it settled and rebuilds.
    func settle(_ watcher: SiteWatcher) -> Bool {
        XCTAssertFalse(watcher.poll(), "a change is not built on first sight")
        return watcher.poll()
    }

    func testABurstOfSavesGivesOneRebuild() throws {
        let (site, output, watcher, _) = try preview()
        let file = site.appendingPathComponent("content/news/2023-05-01-second.md")
        let original = Fixture.text(site, "content/news/2023-05-01-second.md")
        // A save in two steps: first an empty file (which would fail to build), then the text.
        try "".write(to: file, atomically: false, encoding: .utf8)
        XCTAssertFalse(watcher.poll())
        try original.replacingOccurrences(of: "第二篇动态", with: "连续保存").write(
            to: file, atomically: true, encoding: .utf8)
        XCTAssertFalse(watcher.poll(), "still changing")
        XCTAssertTrue(watcher.poll(), "settled")
        XCTAssertEqual(watcher.state.version, 2, "one rebuild for the burst")
        XCTAssertEqual(watcher.state.errors, [])
        XCTAssertTrue(Fixture.text(output, "news/index.html").contains("连续保存"))
        XCTAssertFalse(watcher.poll(), "nothing new")
    }

    func testPathsUnderTheBasePath() throws {
        let (_, _, _, server) = try preview()
        let root = server.respond(to: "/")
        XCTAssertEqual(root.status, 302)
        XCTAssertEqual(root.location, "/gxq/hbj/")
        for path in ["/gxq/hbj/", "/gxq/hbj", "/gxq/hbj/news/", "/gxq/hbj/news"] {
            let page = server.respond(to: path)
            XCTAssertEqual(page.status, 200, path)
            XCTAssertTrue(String(decoding: page.body, as: UTF8.self).contains("/__qingshan/status"), path)
        }
        let css = server.respond(to: "/gxq/hbj/assets/qingshan.css")
        XCTAssertEqual(css.contentType, "text/css; charset=utf-8")
        XCTAssertFalse(String(decoding: css.body, as: UTF8.self).contains("__qingshan"))
        XCTAssertEqual(server.respond(to: "/gxq/hbj/tags/%E6%BB%A1%E6%84%8F%E7%8E%AF%E4%BF%9D/").status, 200)
        XCTAssertEqual(server.respond(to: "/gxq/hbj/nothing/").status, 404)
        XCTAssertEqual(server.respond(to: "/gxq/hbj/../../../etc/passwd").status, 404)
        XCTAssertEqual(server.respond(to: "/other/").status, 404)
        let status = String(decoding: server.respond(to: "/__qingshan/status").body, as: UTF8.self)
        XCTAssertEqual(status, "{\"version\":1,\"errors\":[]}")
    }

    /// What the reload events send: the state when a page connects, then every rebuild's.
    func testListenersHearEveryRebuild() throws {
        let (site, _, watcher, server) = try preview()
        let soon = { Date().addingTimeInterval(5) }
        XCTAssertEqual(watcher.state(after: -1, waitingUntil: soon()), SiteWatcher.BuildState(version: 1, errors: []))
        let unchanged = watcher.state(after: 1, waitingUntil: Date().addingTimeInterval(0.05))
        XCTAssertEqual(unchanged.version, 1, "no rebuild: the wait ends at its deadline")
        try "---\ntitle: 坏\n".write(
            to: site.appendingPathComponent("content/news/broken.md"), atomically: true, encoding: .utf8)
        XCTAssertTrue(settle(watcher))
        let failed = watcher.state(after: 1, waitingUntil: soon())
        XCTAssertEqual(failed.version, 2)
        XCTAssertEqual(failed.errors.count, 1)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/news/broken.md"))
        // A listener already waiting on another thread is woken by the rebuild.
        let heard = LockedText()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            heard.append(Data(watcher.state(after: 2, waitingUntil: Date().addingTimeInterval(10)).json.utf8))
            done.signal()
        }
        XCTAssertTrue(settle(watcher))
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(heard.text, "{\"version\":3,\"errors\":[]}")
        let page = String(decoding: server.respond(to: "/gxq/hbj/").body, as: UTF8.self)
        XCTAssertTrue(page.contains("/__qingshan/live"))
    }

    func testBuildOutputNeverCarriesTheReloadHook() throws {
        let site = try Fixture.copy("basic")
        XCTAssertNotNil(Fixture.build(site).0)
        for (path, data) in Fixture.tree(site.appendingPathComponent("public")) {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("__qingshan"), path)
        }
    }

    /// An idle look costs nothing: inotify says nothing happened. A write in a nested folder,
    /// and a file in a folder made after the watch began, are both noticed.
    func testDirectoryEventsSeeChangesAndNewFolders() throws {
        #if canImport(Glibc)
            let site = try Fixture.copy("basic")
            let events = DirectoryEvents(root: site.path, folders: SiteWatcher.folders)
            XCTAssertFalse(events.changed(), "nothing happened yet")
            try "新的一段\n".write(
                to: site.appendingPathComponent("content/news/2023-05-01-second.md"), atomically: false,
                encoding: .utf8)
            XCTAssertTrue(events.changed())
            XCTAssertFalse(events.changed(), "each event is told once")
            let folder = site.appendingPathComponent("content/news/2024")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            XCTAssertTrue(events.changed(), "the new folder")
            try "---\ntitle: 新\ndate: 2024-01-01\n---\n".write(
                to: folder.appendingPathComponent("a.md"), atomically: false, encoding: .utf8)
            XCTAssertTrue(events.changed(), "a file in the new folder")
            try "title: 改\n".write(to: site.appendingPathComponent("site.yaml"), atomically: false, encoding: .utf8)
            XCTAssertTrue(events.changed(), "site.yaml at the root")
        #endif
    }
}
