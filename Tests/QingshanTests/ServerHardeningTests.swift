import Foundation
import QingshanBuild
import QingshanCore
import XCTest

@testable import QingshanServe

#if canImport(Glibc)
    import Glibc
#endif

/// The preview server's HTTP layer under hostile clients: size limits and linear scanning,
/// timeouts, the connection bound, methods, bodies, paths, links and hosts, the reload events,
/// and a serve that cannot listen. Every server here listens on 127.0.0.1 on a port the system
/// picks; every wait has a deadline.
final class ServerHardeningTests: XCTestCase {
    /// A preview of the basic fixture, served on an ephemeral port (stopped at the end of the test).
    func served(_ limits: HTTPServer.Limits = HTTPServer.Limits()) throws -> (
        server: HTTPServer, preview: PreviewServer, site: URL, output: URL
    ) {
        let site = try Fixture.copy("basic")
        let output = site.deletingLastPathComponent().appendingPathComponent("preview")
        let watcher = SiteWatcher(options: BuildOptions(siteRoot: site.path, outputDir: output.path))
        watcher.start()
        let preview = PreviewServer(outputDir: output.path, basePath: "/gxq/hbj/", watcher: watcher)
        let server = try preview.start(port: 0, limits: limits)
        addTeardownBlock { server.stop() }
        return (server, preview, site, output)
    }

    func get(_ path: String, _ extra: String = "") -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)\r\n"
    }

    // MARK: 1. Size limits, linear scanning, timeouts, the connection bound

    /// Four clients each send a 100 KB request line (and never end it): each gets 414 at once,
    /// and a normal request made while they are open is answered. (FlyingFox took 2.6 s for
    /// 10 KB, 69 s for 40 KB in a debug build, and stalled every other request meanwhile.)
    func testALongRequestLineGets414AtOnceAndOthersAreStillServed() throws {
        let (server, _, _, _) = try served()
        let line = "GET /gxq/hbj/" + String(repeating: "a", count: 100_000)
        let hostile = try (0..<4).map { _ in try RawClient(port: server.port) }
        for client in hostile { XCTAssertTrue(client.send(line)) }
        let started = Date()
        let normal = try RawClient(port: server.port)
        XCTAssertTrue(normal.send(get("/gxq/hbj/")))
        let reply = normal.readResponse(within: 2)
        XCTAssertEqual(reply?.status, 200)
        for client in hostile {
            XCTAssertEqual(client.readResponse(within: 2)?.status, 414)
            XCTAssertTrue(client.readUntilClosed(within: 2).closed, "the connection is closed after 414")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
    }

    /// The work: each byte of a request head is looked at once however it arrives, so a head
    /// sent one byte at a time costs what it costs in one piece (a rescan per piece would
    /// examine n²/2 bytes); and scanning stops at the limits.
    func testRequestHeadScanningIsLinearAndBounded() {
        let limits = HTTPServer.Limits()
        var head = Array("GET /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
        for index in 0..<90 { head += Array("X-Filler-\(index): \(String(repeating: "v", count: 600))\r\n".utf8) }
        head += Array("\r\n".utf8)
        var scanner = RequestHeadScanner(limits: limits)
        var received: [UInt8] = []
        var outcome = RequestHeadScanner.Outcome.incomplete
        for byte in head {
            received.append(byte)
            outcome = scanner.scan(received)
            if case .complete = outcome { break }
        }
        guard case .complete(let found) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(found.next, head.count)
        XCTAssertEqual(scanner.examined, head.count, "each byte once")

        var long = RequestHeadScanner(limits: limits)
        var line = Array("GET /".utf8)
        var failed: Int?
        for _ in 0..<100_000 {
            line.append(UInt8(ascii: "a"))
            if case .failed(let status) = long.scan(line) {
                failed = status
                break
            }
        }
        XCTAssertEqual(failed, 414)
        XCTAssertLessThanOrEqual(line.count, limits.requestLine + 2, "stops at the limit")
        XCTAssertEqual(long.examined, line.count)
    }

    func testTooManyOrTooLargeHeadersGet431() throws {
        let (server, _, _, _) = try served()
        let big = try RawClient(port: server.port)
        XCTAssertTrue(big.send(get("/gxq/hbj/", "X-Big: " + String(repeating: "b", count: 70_000) + "\r\n")))
        XCTAssertEqual(big.readResponse(within: 2)?.status, 431)
        let many = try RawClient(port: server.port)
        XCTAssertTrue(many.send(get("/gxq/hbj/", (0..<101).map { "X-\($0): 1\r\n" }.joined())))
        XCTAssertEqual(many.readResponse(within: 2)?.status, 431)
        let fine = try RawClient(port: server.port)
        XCTAssertTrue(fine.send(get("/gxq/hbj/", (0..<50).map { "X-\($0): 1\r\n" }.joined())))
        XCTAssertEqual(fine.readResponse(within: 2)?.status, 200)
    }

    /// A client that opens a connection and says nothing is closed; one that stops in the
    /// middle of a request gets 408 and is closed.
    func testIdleAndSlowConnectionsTimeOut() throws {
        var limits = HTTPServer.Limits()
        limits.idleTimeout = 0.3
        limits.requestTimeout = 0.3
        let (server, _, _, _) = try served(limits)
        let idle = try RawClient(port: server.port)
        let slow = try RawClient(port: server.port)
        XCTAssertTrue(slow.send("GET /gxq/hbj/ HTTP/1.1\r\nHost: 127."))
        let quiet = idle.readUntilClosed(within: 5)
        XCTAssertTrue(quiet.closed)
        XCTAssertEqual(quiet.bytes, [], "nothing said to a client that asked nothing")
        XCTAssertEqual(slow.readResponse(within: 5)?.status, 408)
        XCTAssertTrue(slow.readUntilClosed(within: 5).closed)
        XCTAssertTrue(waitUntil { server.openConnections == 0 })
    }

    /// Connections beyond the bound get 503 at once; once the others close, requests are served again.
    func testConnectionsAreBounded() throws {
        var limits = HTTPServer.Limits()
        limits.maxConnections = 4
        let (server, _, _, _) = try served(limits)
        var holders = try (0..<4).map { _ in try RawClient(port: server.port) }
        XCTAssertTrue(waitUntil { server.openConnections == 4 })
        // Said at once, before any request (a request sent first could meet a closed socket).
        let extra = try RawClient(port: server.port)
        XCTAssertEqual(extra.readResponse(within: 2)?.status, 503)
        holders.removeAll()
        XCTAssertTrue(waitUntil { server.openConnections == 0 })
        let later = try RawClient(port: server.port)
        XCTAssertTrue(later.send(get("/gxq/hbj/")))
        XCTAssertEqual(later.readResponse(within: 2)?.status, 200)
    }

    // MARK: 2. Methods

    /// HEAD answers as GET does (status, Content-Type, Content-Length) without a body: the
    /// GET that follows on the same connection is read right after the HEAD's headers.
    func testHeadAnswersLikeGetWithoutABody() throws {
        let (server, _, _, _) = try served()
        for path in ["/gxq/hbj/", "/gxq/hbj/assets/qingshan.css", "/gxq/hbj/nothing/", "/"] {
            let client = try RawClient(port: server.port)
            XCTAssertTrue(client.send(get(path).replacingOccurrences(of: "GET", with: "HEAD") + get(path)))
            let head = client.readResponse(within: 2, bodyless: true)
            let full = client.readResponse(within: 2)
            XCTAssertNotNil(head, path)
            XCTAssertEqual(head?.status, full?.status, path)
            XCTAssertEqual(head?.headers["content-type"], full?.headers["content-type"], path)
            XCTAssertEqual(head?.headers["content-length"], full.map { String($0.body.count) }, path)
            XCTAssertEqual(head?.headers["location"], full?.headers["location"], path)
        }
    }

    func testOtherMethodsGet405WithAllow() throws {
        let (server, _, _, _) = try served()
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW"] {
            let client = try RawClient(port: server.port)
            XCTAssertTrue(client.send("\(method) /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"))
            let reply = client.readResponse(within: 2)
            XCTAssertEqual(reply?.status, 405, method)
            XCTAssertEqual(reply?.headers["allow"], "GET, HEAD", method)
        }
    }

    // MARK: 4. Malformed heads, bodies, paths, links, hosts

    func testMalformedHeadsGet400() throws {
        let (server, _, _, _) = try served()
        let heads = [
            "GET /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n",
            "GET /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Name : spaced\r\n\r\n",
            "GET /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: 1\r\n folded\r\n\r\n",
            "GET /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\n: empty name\r\n\r\n",
            "GET /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\u{0}b\r\n\r\n",
            "GET  /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /gxq/hbj/\r\n\r\n",
            "GET /gxq/hbj/ HTTP/1.1\r\n\r\n",  // HTTP/1.1 without Host
            "GET /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\n\r\n",
        ]
        for head in heads {
            let client = try RawClient(port: server.port)
            XCTAssertTrue(client.send(head))
            XCTAssertEqual(client.readResponse(within: 2)?.status, 400, head.debugDescription)
        }
        let version = try RawClient(port: server.port)
        XCTAssertTrue(version.send("GET /gxq/hbj/ HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n"))
        XCTAssertEqual(version.readResponse(within: 2)?.status, 505)
    }

    /// A body is read and dropped, so the next request on the connection is read where it
    /// starts; bodies too large, chunked or with conflicting lengths are refused.
    func testRequestsWithABody() throws {
        let (server, _, _, _) = try served()
        let client = try RawClient(port: server.port)
        XCTAssertTrue(
            client.send(
                "GET /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 11\r\n\r\nGET /x HTTP"
                    + "POST /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nBODY"
                    + get("/gxq/hbj/news/")))
        XCTAssertEqual(client.readResponse(within: 2)?.status, 200)
        XCTAssertEqual(client.readResponse(within: 2)?.status, 405)
        let last = client.readResponse(within: 2)
        XCTAssertEqual(last?.status, 200)
        XCTAssertTrue(String(decoding: last?.body ?? [], as: UTF8.self).contains("<html"))
        let refused = [
            ("Content-Length: 100000000\r\n", 413),
            ("Transfer-Encoding: chunked\r\n", 501),
            ("Content-Length: 3\r\nContent-Length: 4\r\n", 400),
            ("Content-Length: -1\r\n", 400),
            ("Content-Length: 99999999999999999999999\r\n", 400),
        ]
        for (header, status) in refused {
            let client = try RawClient(port: server.port)
            XCTAssertTrue(client.send(get("/gxq/hbj/", header)))
            XCTAssertEqual(client.readResponse(within: 2)?.status, status, header)
        }
    }

    func testTraversalAndOddPaths() throws {
        let (server, preview, _, _) = try served()
        let notFound = [
            "/gxq/hbj/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/gxq/hbj/%2E%2E/%2E%2E/etc/passwd",
            "/gxq/hbj/..%2f..%2f..%2fetc/passwd", "/gxq/hbj/./index.html", "/gxq/hbj/%252e%252e/etc/passwd",
        ]
        for path in notFound { XCTAssertEqual(preview.respond(to: path).status, 404, path) }
        let bad = [
            "/gxq/hbj/..%5c..%5cetc%5cpasswd", "/gxq/hbj/..\\..\\etc\\passwd", "/gxq/hbj/index.html%00.css",
            "/gxq/hbj/%zz", "/gxq/hbj/%ff%fe", "/gxq/hbj/%0a", "/gxq/hbj/%",
        ]
        for path in bad { XCTAssertEqual(preview.respond(to: path).status, 400, path) }
        XCTAssertEqual(preview.respond(to: "/gxq/hbj/?v=1").status, 200)
        XCTAssertEqual(preview.respond(to: "/gxq/hbj/news/#top").status, 200)
        XCTAssertEqual(preview.respond(to: "http://127.0.0.1/gxq/hbj/news/").status, 200)
        // The same over the wire, where no client library tidies the path first.
        for (path, status) in [("/gxq/hbj/../../../etc/passwd", 404), ("/gxq/hbj/%2e%2e/%2e%2e/etc/passwd", 404)] {
            let client = try RawClient(port: server.port)
            XCTAssertTrue(client.send(get(path)))
            let reply = client.readResponse(within: 2)
            XCTAssertEqual(reply?.status, status, path)
            XCTAssertFalse(String(decoding: reply?.body ?? [], as: UTF8.self).contains("root:"), path)
        }
    }

    /// A link in the preview folder that leads out of it is not followed (a file or a folder);
    /// one that stays inside is.
    func testLinksOutOfThePreviewAreNotFollowed() throws {
        let (_, preview, site, output) = try served()
        let secret = site.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try "top secret".write(to: secret, atomically: true, encoding: .utf8)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: output.path + "/leak.txt", withDestinationPath: secret.path)
        try fm.createSymbolicLink(atPath: output.path + "/outside", withDestinationPath: site.path)
        try fm.createSymbolicLink(atPath: output.path + "/same.css", withDestinationPath: "assets/qingshan.css")
        XCTAssertEqual(preview.respond(to: "/gxq/hbj/leak.txt").status, 404)
        XCTAssertEqual(preview.respond(to: "/gxq/hbj/outside/site.yaml").status, 404)
        XCTAssertEqual(preview.respond(to: "/gxq/hbj/same.css").status, 200)
        XCTAssertEqual(preview.respond(to: "/gxq/hbj/assets").status, 404, "a folder without an index")
    }

    /// A page on another site cannot read the preview through a DNS name rebound to 127.0.0.1.
    func testOnlyHostsNamingThisMachineAreServed() throws {
        let (server, _, _, _) = try served()
        let hosts = [
            ("evil.example", 403), ("evil.example:\(server.port)", 403), ("127.0.0.1:\(server.port)", 200),
            ("localhost:\(server.port)", 200), ("[::1]:\(server.port)", 200), ("LOCALHOST", 200),
        ]
        for (host, status) in hosts {
            let client = try RawClient(port: server.port)
            XCTAssertTrue(client.send("GET /gxq/hbj/ HTTP/1.1\r\nHost: \(host)\r\n\r\n"))
            XCTAssertEqual(client.readResponse(within: 2)?.status, status, host)
        }
    }

    /// The live path streams the build state now and after each rebuild, as Server-Sent Events.
    func testReloadEventsOverTheWire() throws {
        let (server, preview, site, _) = try served()
        let client = try RawClient(port: server.port)
        XCTAssertTrue(client.send(get("/__qingshan/live")))
        let first = client.readUntil("\"version\":1", within: 5)
        XCTAssertTrue(first.contains("HTTP/1.1 200"), first)
        XCTAssertTrue(first.contains("text/event-stream"), first)
        XCTAssertTrue(first.contains("data: {\"version\":1,\"errors\":[]}"), first)
        let file = site.appendingPathComponent("content/news/2023-05-01-second.md")
        try Fixture.text(site, "content/news/2023-05-01-second.md").replacingOccurrences(of: "第二篇动态", with: "又改了")
            .write(to: file, atomically: true, encoding: .utf8)
        XCTAssertFalse(preview.watcher.poll())
        XCTAssertTrue(preview.watcher.poll())
        XCTAssertTrue(client.readUntil("\"version\":2", within: 5).contains("data: {\"version\":2,\"errors\":[]}"))
        let page = String(decoding: preview.respond(to: "/gxq/hbj/").body, as: UTF8.self)
        XCTAssertTrue(page.contains("new EventSource(\"/__qingshan/live\")"))
    }

    // MARK: 3. A serve that cannot listen

    /// A taken port and a bad host: a clear message with host, port and reason, a non-zero
    /// status, and no preview folder left behind (it used to stay in /dev/shm).
    func testAServeThatCannotListenSaysWhyAndLeavesNothing() throws {
        let binary = try Self.binary()
        let site = try Fixture.copy("basic")
        let temporary = site.deletingLastPathComponent().appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let taken = try HTTPServer(host: "127.0.0.1", port: 0)
        defer { taken.stop() }
        let busy = try Self.run(binary, ["serve", "--site", site.path, "--port", "\(taken.port)"], tmp: temporary)
        XCTAssertEqual(busy.status, 1, busy.err)
        XCTAssertTrue(busy.err.contains("127.0.0.1:\(taken.port)"), busy.err)
        XCTAssertTrue(busy.err.contains("Address already in use"), busy.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
        for host in ["300.1.1.1", "example.com", "::zz"] {
            let bad = try Self.run(binary, ["serve", "--site", site.path, "--host", host], tmp: temporary)
            XCTAssertEqual(bad.status, 2, bad.err)
            XCTAssertTrue(bad.err.contains(host), bad.err)
            XCTAssertFalse(bad.err.contains("Success"), bad.err)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
        }
    }

    /// A serve that runs: it removes a preview folder a killed serve left, serves on the port
    /// the system gave it, and removes its own folder when told to stop.
    func testServeCleansUpAbandonedAndOwnPreviews() throws {
        let binary = try Self.binary()
        let site = try Fixture.copy("basic")
        let temporary = site.deletingLastPathComponent().appendingPathComponent("tmp")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let abandoned = temporary.appendingPathComponent("qingshan-preview-\(finished.processIdentifier)/site")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--site", site.path, "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let lines = LockedText()
        out.fileHandleForReading.readabilityHandler = { lines.append($0.availableData) }
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        XCTAssertTrue(waitUntil(seconds: 30) { lines.text.contains("预览地址") }, lines.text)
        let text = lines.text
        guard let range = text.range(of: "http://127.0.0.1:"),
            let port = UInt16(text[range.upperBound...].prefix(while: { $0.isNumber }))
        else { return XCTFail(text) }
        let names = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        XCTAssertEqual(names, ["qingshan-preview-\(process.processIdentifier)"], "the abandoned one is gone")
        let client = try RawClient(port: port)
        XCTAssertTrue(client.send("HEAD /gxq/hbj/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        XCTAssertEqual(client.readResponse(within: 5, bodyless: true)?.status, 200)
        process.terminate()
        XCTAssertEqual(ended.wait(timeout: .now() + 30), .success)
        out.fileHandleForReading.readabilityHandler = nil
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
    }

    // MARK: Helpers

    static func binary() throws -> URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            here.appendingPathComponent("qingshan"),
            here.deletingLastPathComponent().appendingPathComponent("qingshan"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("qingshan binary not built next to the tests")
        }
        return found
    }

    /// Runs the binary to its end (killed after 30 s: a serve that should have failed but listens).
    static func run(_ binary: URL, _ arguments: [String], tmp: URL) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp.path]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        if ended.wait(timeout: .now() + 30) == .timedOut {
            process.terminate()
            _ = ended.wait(timeout: .now() + 5)
            XCTFail("serve \(arguments) did not end")
        }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Waits (on a semaphore, in short slices) until `condition` holds or `seconds` pass.
func waitUntil(seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    let never = DispatchSemaphore(value: 0)
    while !condition() {
        if Date() > deadline { return false }
        _ = never.wait(timeout: .now() + 0.01)
    }
    return true
}

/// Text a reader thread appends to while the test reads it.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        data.append(more)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A client on a plain socket, so requests arrive exactly as written; every read has a deadline.
final class RawClient {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    struct Failure: Error {
        var what: String
    }

    let socket: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(what: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        _ = inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(what: "connect")
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress.map { $0 + offset }, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Reads what arrives within the deadline; false when the deadline passed first, or the
    /// server closed (then `closed`).
    private func fill(until deadline: Date, closed: inout Bool) -> Bool {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { return false }
        var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(left * 1000) + 1) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let got = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if got <= 0 {
            closed = true
            return false
        }
        buffer += chunk[0..<got]
        return true
    }

    /// Everything until the server closes (or the deadline).
    func readUntilClosed(within seconds: Double) -> (bytes: [UInt8], closed: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var closed = false
        while fill(until: deadline, closed: &closed) {}
        defer { buffer = [] }
        return (buffer, closed)
    }

    /// The text received until it holds `marker` (or the deadline); what came is kept for the next read.
    func readUntil(_ marker: String, within seconds: Double) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var closed = false
        while !String(decoding: buffer, as: UTF8.self).contains(marker), fill(until: deadline, closed: &closed) {}
        return String(decoding: buffer, as: UTF8.self)
    }

    /// One response: its head, and then as many body bytes as Content-Length says (none for a HEAD).
    func readResponse(within seconds: Double, bodyless: Bool = false) -> Reply? {
        let deadline = Date().addingTimeInterval(seconds)
        var closed = false
        let blank = Array("\r\n\r\n".utf8)
        var end: Int?
        while end == nil {
            if buffer.count >= 4 {
                end = (0...(buffer.count - 4)).first { buffer[$0..<$0 + 4].elementsEqual(blank) }
            }
            if end == nil, !fill(until: deadline, closed: &closed) { return nil }
        }
        guard let headEnd = end else { return nil }
        let lines = String(decoding: buffer[0..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let length = bodyless ? 0 : headers["content-length"].flatMap { Int($0) } ?? 0
        while buffer.count < headEnd + 4 + length {
            if !fill(until: deadline, closed: &closed) { return nil }
        }
        let body = Array(buffer[(headEnd + 4)..<(headEnd + 4 + length)])
        buffer.removeSubrange(0..<(headEnd + 4 + length))
        return Reply(status: status, headers: headers, body: body)
    }
}
