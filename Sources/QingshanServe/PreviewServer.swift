import FlyingFox
import Foundation
import QingshanBuild
import QingshanCore

/// `qingshan serve`: serves the preview build under the base path of base_url on loopback,
/// injects a small reload script into HTML responses (never into `build` output), and shows
/// build errors in an overlay until they are fixed.
public struct PreviewServer: Sendable {
    public let outputDir: String
    public let basePath: String
    public let watcher: SiteWatcher

    public init(outputDir: String, basePath: String, watcher: SiteWatcher) {
        self.outputDir = outputDir
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
        self.watcher = watcher
    }

    static let statusPath = "/__qingshan/status"
    static let livePath = "/__qingshan/live"

    /// The script served pages get: listens on a WebSocket for each rebuild (falling back to
    /// asking for the build state every second), reloads on a new version, shows the errors
    /// of a failed build.
    static let reloadScript = """
        <script>
        (function(){var v=null;function show(e){var d=document.getElementById("qingshan-errors");
        if(!e.length){if(d)d.remove();return}if(!d){d=document.createElement("pre");d.id="qingshan-errors";
        d.setAttribute("role","alert");d.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#fff5f5;color:#8a1010;border-top:4px solid #b3261e;z-index:9999;white-space:pre-wrap;font:14px/1.5 monospace";
        document.body.appendChild(d)}d.textContent="构建失败（仍显示上一次成功的结果）：\\n\\n"+e.join("\\n")}
        function seen(s){if(v!==null&&s.version!==v&&!s.errors.length){location.reload();return}v=s.version;show(s.errors)}
        function tick(){fetch("\(statusPath)",{cache:"no-store"}).then(function(r){return r.json()}).then(seen).catch(function(){})
        .then(function(){setTimeout(tick,1000)})}
        try{var ws=new WebSocket((location.protocol==="https:"?"wss://":"ws://")+location.host+"\(livePath)"),open=false;
        ws.onopen=function(){open=true};ws.onmessage=function(m){seen(JSON.parse(m.data))};
        ws.onclose=function(){if(!open)tick();else setTimeout(function(){location.reload()},1000)}}catch(e){tick()}})();
        </script>
        """

    /// The response for a request path: a file of the preview, the status, a redirect or 404.
    public func respond(to path: String) -> (status: Int, contentType: String, body: Data, location: String?) {
        if path == Self.statusPath {
            return (200, "application/json; charset=utf-8", Data(watcher.state.json.utf8), nil)
        }
        var decoded = path.removingPercentEncoding ?? path
        if decoded + "/" == basePath { decoded = basePath }
        if basePath != "/", decoded == "/" || decoded.isEmpty {
            return (302, "text/plain; charset=utf-8", Data(), basePath)
        }
        guard decoded.hasPrefix(basePath), !decoded.split(separator: "/").contains("..") else {
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
        guard let data = FileManager.default.contents(atPath: outputDir + "/" + relative) else { return notFound() }
        let type = Self.contentType(relative)
        return (200, type, type.hasPrefix("text/html") ? Self.inject(data) : data, nil)
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
        switch (path as NSString).pathExtension.lowercased() {
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

    /// Serves until the process ends.
    public func run(host: String, port: UInt16) async throws {
        let server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled)
        let this = self
        await server.appendRoute(HTTPRoute("GET \(Self.livePath)"), to: .webSocket(LiveReload(watcher: watcher)))
        await server.appendRoute("GET /*") { request in
            let answer = this.respond(to: request.path)
            var headers: HTTPHeaders = [.contentType: answer.contentType, HTTPHeader("Cache-Control"): "no-store"]
            if let location = answer.location { headers[.location] = location }
            return HTTPResponse(
                statusCode: HTTPStatusCode(answer.status, phrase: ""), headers: headers, body: answer.body)
        }
        try await server.run()
    }
}

/// The reload WebSocket: sends the build state as JSON when a page connects and after every
/// rebuild, until the page goes away.
struct LiveReload: WSMessageHandler {
    let watcher: SiteWatcher

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let states = watcher.subscribe()
        return AsyncStream { continuation in
            let forward = Task {
                for await state in states { continuation.yield(.text(state.json)) }
                continuation.finish()
            }
            let listen = Task {
                for await _ in client {}
                forward.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                listen.cancel()
            }
        }
    }
}
