import Foundation
import QingshanBuild
import QingshanCore

#if canImport(Glibc)
    import Glibc
#endif

/// `qingshan serve`: serves the preview build under the base path of base_url (on loopback
/// unless told otherwise), injects a small reload script into HTML responses (never into
/// `build` output), and shows build errors in an overlay until they are fixed. GET and HEAD
/// only; files are served only from inside the preview folder (links out of it are not
/// followed), and only to a Host that names this machine by address or `localhost` (a page
/// elsewhere cannot read the preview through a rebound DNS name).
public struct PreviewServer: Sendable {
    public let outputDir: String
    public let basePath: String
    public let watcher: SiteWatcher
    /// The address listened on: a Host header naming it is accepted besides addresses and localhost.
    public let host: String

    public init(outputDir: String, basePath: String, watcher: SiteWatcher, host: String = "127.0.0.1") {
        self.outputDir = outputDir
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
        self.watcher = watcher
        self.host = host
    }

    static let statusPath = "/__qingshan/status"
    static let livePath = "/__qingshan/live"

    /// The script served pages get: listens to the rebuild events (Server-Sent Events; while
    /// the tab is hidden it lets go of the connection, so open tabs do not use up the browser's
    /// connections to the server), falls back to asking for the build state every second,
    /// reloads on a new version, shows the errors of a failed build.
    static let reloadScript = """
        <script>
        (function(){var v=null,es=null,polling=false;function show(e){var d=document.getElementById("qingshan-errors");
        if(!e.length){if(d)d.remove();return}if(!d){d=document.createElement("pre");d.id="qingshan-errors";
        d.setAttribute("role","alert");d.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#fff5f5;color:#8a1010;border-top:4px solid #b3261e;z-index:9999;white-space:pre-wrap;font:14px/1.5 monospace";
        document.body.appendChild(d)}d.textContent="构建失败（仍显示上一次成功的结果）：\\n\\n"+e.join("\\n")}
        function seen(s){if(v!==null&&s.version!==v&&!s.errors.length){location.reload();return}v=s.version;show(s.errors)}
        function tick(){polling=true;fetch("\(statusPath)",{cache:"no-store"}).then(function(r){return r.json()}).then(seen).catch(function(){})
        .then(function(){setTimeout(tick,1000)})}
        function listen(){if(polling||es)return;if(!window.EventSource){tick();return}var open=false;
        es=new EventSource("\(livePath)");es.onopen=function(){open=true};es.onmessage=function(m){seen(JSON.parse(m.data))};
        es.onerror=function(){if(!open){es.close();es=null;tick()}}}
        document.addEventListener("visibilitychange",function(){if(document.hidden){if(es){es.close();es=null}}else listen()});
        listen()})();
        </script>
        """

    /// The response for a request target (path and perhaps a query, percent-encoded): a file
    /// of the preview, the status, a redirect, 404, or 400 for a target no file can have (bad
    /// percent-encoding or UTF-8, control bytes, backslashes).
    public func respond(to target: String) -> (status: Int, contentType: String, body: Data, location: String?) {
        let path = Self.path(of: target)
        if path == Self.statusPath {
            return (200, "application/json; charset=utf-8", Data(watcher.state.json.utf8), nil)
        }
        guard var decoded = Self.percentDecoded(path) else {
            return (400, "text/plain; charset=utf-8", Data("400 Bad Request\n".utf8), nil)
        }
        if decoded + "/" == basePath { decoded = basePath }
        if basePath != "/", decoded == "/" || decoded.isEmpty {
            return (302, "text/plain; charset=utf-8", Data(), basePath)
        }
        guard decoded.hasPrefix(basePath),
            !decoded.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
        else {
            return notFound()
        }
        var relative = String(decoded.dropFirst(basePath.count))
        var isDirectory: ObjCBool = false
        let full = outputDir + "/" + relative
        // The server hands paths over without their trailing slash: a folder serves its index.
        if relative.isEmpty || relative.hasSuffix("/") {
            relative += "index.html"
        } else if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
            relative += "/index.html"
        }
        guard let data = contents(of: relative) else { return notFound() }
        let type = Self.contentType(relative)
        return (200, type, type.hasPrefix("text/html") ? Self.inject(data) : data, nil)
    }

    /// The path of a request target: origin form (`/a/b?q`) or absolute form
    /// (`http://host/a/b`), without its query or fragment.
    static func path(of target: String) -> String {
        var path = Substring(target)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        let lower = path.prefix(8).lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let rest = path.dropFirst(lower.hasPrefix("http://") ? 7 : 8)
            path = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        return String(path)
    }

    /// `%XX` decoded; nil when an escape is broken, the bytes are not UTF-8, or they hold a
    /// control byte (NUL among them) or a backslash.
    static func percentDecoded(_ path: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        var input = path.utf8.makeIterator()
        func hex(_ byte: UInt8?) -> UInt8? {
            switch byte {
            case .some(let b) where b >= 0x30 && b <= 0x39: return b - 0x30
            case .some(let b) where b >= 0x41 && b <= 0x46: return b - 0x41 + 10
            case .some(let b) where b >= 0x61 && b <= 0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        while let byte = input.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = hex(input.next()), let low = hex(input.next()) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A regular file of the preview, read; nil when missing, not a regular file, or reached
    /// through a link that leads out of the preview folder.
    func contents(of relative: String) -> Data? {
        guard let root = Self.realPath(outputDir), let file = Self.realPath(outputDir + "/" + relative),
            file.hasPrefix(root + "/")
        else { return nil }
        var info = stat()
        guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileManager.default.contents(atPath: file)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    func notFound() -> (status: Int, contentType: String, body: Data, location: String?) {
        let page = FileManager.default.contents(atPath: outputDir + "/404.html") ?? Data("404".utf8)
        return (404, "text/html; charset=utf-8", Self.inject(page), nil)
    }

    /// Adds the reload script before `</body>`.
    static func inject(_ html: Data) -> Data {
        let text = String(decoding: html, as: UTF8.self)
        guard let range = text.range(of: "</body>", options: .backwards) else {
            return Data((text + reloadScript).utf8)
        }
        return Data(text.replacingCharacters(in: range, with: reloadScript + "</body>").utf8)
    }

    static func contentType(_ path: String) -> String {
        switch PathText.fileExtension(path) {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "pdf": return "application/pdf"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// A request's answer: GET and HEAD only (the server leaves a HEAD's body out), a Host
    /// that names this machine, the reload events at the live path, else `respond(to:)`.
    public func handle(_ request: HTTPServer.Request) -> HTTPServer.Response {
        func text(_ status: Int, _ message: String, _ extra: [(name: String, value: String)] = [])
            -> HTTPServer.Response
        {
            HTTPServer.Response(
                status: status,
                headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")] + extra,
                body: Data((message + "\n").utf8))
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return text(405, "405 Method Not Allowed", [("Allow", "GET, HEAD")])
        }
        if let name = request.header("host"), !allows(host: name) {
            return text(403, "403 Forbidden: the preview answers to localhost and IP addresses only")
        }
        if Self.path(of: request.target) == Self.livePath {
            let watcher = self.watcher
            return HTTPServer.Response(
                status: 200,
                headers: [("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-store")],
                stream: { Self.sendRebuilds(of: watcher, to: $0) })
        }
        let answer = respond(to: request.target)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", answer.contentType), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
        ]
        if let location = answer.location { headers.append(("Location", location)) }
        return HTTPServer.Response(status: answer.status, headers: headers, body: answer.body)
    }

    /// Whether a Host header names this machine: an IP address, localhost (or a name under
    /// .localhost), or the address listened on.
    func allows(host value: String) -> Bool {
        var name = Substring(value.lowercased())
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            var address = in6_addr()
            return inet_pton(AF_INET6, String(name[name.index(after: name.startIndex)..<close]), &address) == 1
        }
        if let colon = name.lastIndex(of: ":") { name = name[..<colon] }
        if name.hasSuffix(".") { name = name.dropLast() }
        var address = in_addr()
        return name == "localhost" || name.hasSuffix(".localhost") || name == host.lowercased()
            || inet_pton(AF_INET, String(name), &address) == 1
    }

    /// The reload events: the build state when a page connects and after every rebuild, a
    /// comment now and then so a closed page is noticed, until the page goes away.
    static func sendRebuilds(of watcher: SiteWatcher, to stream: HTTPServer.Stream) {
        guard stream.write("retry: 1000\n\n") else { return }
        var sent = -1
        var lastWrite = HTTPServer.now()
        while !stream.clientLeft {
            let state = watcher.state(after: sent, waitingUntil: Date().addingTimeInterval(1))
            if state.version != sent {
                guard stream.write("data: \(state.json)\n\n") else { return }
                sent = state.version
                lastWrite = HTTPServer.now()
            } else if HTTPServer.now() - lastWrite > 15 {
                guard stream.write(": still here\n\n") else { return }
                lastWrite = HTTPServer.now()
            }
        }
    }

    /// Listens on `host` and `port` (an `HTTPServer.ListenError` when it cannot) and serves
    /// from a thread of its own until the server is stopped.
    public func start(port: UInt16, limits: HTTPServer.Limits = HTTPServer.Limits()) throws -> HTTPServer {
        let server = try HTTPServer(host: host, port: port, limits: limits)
        serve(on: server)
        return server
    }

    /// Serves requests taken by `server` (already listening).
    public func serve(on server: HTTPServer) {
        let this = self
        server.start { this.handle($0) }
    }
}
