import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The preview's HTTP/1.1 server: POSIX sockets, one thread per connection, and every limit
/// an attacker could lean on made explicit. A request's line and headers are scanned once as
/// they arrive (linear in their size) and bounded (`Limits`); a client that sends too much
/// gets 414 or 431, one that sends too slowly 408, and an idle one is closed. Connections are
/// counted: beyond `maxConnections` a new one gets 503 at once, so a bad client holds at most
/// its own connections and never stalls the others.
public final class HTTPServer: @unchecked Sendable {
    /// Everything a client could make the server spend, with the preview's defaults.
    public struct Limits: Sendable {
        /// The request line, bytes (a longer one gets 414).
        public var requestLine = 8 * 1024
        /// All header lines together, bytes (more gets 431).
        public var headerBytes = 64 * 1024
        /// Header lines (more gets 431).
        public var headerCount = 100
        /// A request body, which the preview reads and throws away (more gets 413).
        public var bodyBytes = 1024 * 1024
        /// Seconds a connection may sit idle before (or between) requests.
        public var idleTimeout = 10.0
        /// Seconds from a request's first byte to the end of its body (longer gets 408).
        public var requestTimeout = 10.0
        /// Seconds a response may take to be written.
        public var writeTimeout = 30.0
        /// Open connections; one more gets 503 and is closed.
        public var maxConnections = 64
        /// Of those, connections held open by a stream (the reload events).
        public var maxStreams = 32

        public init() {}
    }

    /// A request as the handler sees it: the head only (bodies are read and dropped).
    public struct Request: Sendable {
        public var method: String
        /// The request target as sent (path and query, percent-encoded).
        public var target: String
        /// HTTP/1.x: 0 or 1.
        public var minorVersion: Int
        /// Header names lowercased, in the order received.
        public var headers: [(name: String, value: String)]

        public func header(_ name: String) -> String? {
            headers.first { $0.name == name }?.value
        }
    }

    /// A response: a body, or a stream written to the open connection until it returns (the
    /// connection is closed afterwards).
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: Data
        public var stream: (@Sendable (Stream) -> Void)?

        public init(
            status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(),
            stream: (@Sendable (Stream) -> Void)? = nil
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.stream = stream
        }
    }

    /// The open connection of a streamed response.
    public final class Stream: @unchecked Sendable {
        let socket: Int32
        let server: HTTPServer

        init(socket: Int32, server: HTTPServer) {
            self.socket = socket
            self.server = server
        }

        /// False once the client is gone or the server stops.
        public func write(_ text: String) -> Bool {
            !server.isStopped && server.send(socket, Array(text.utf8))
        }

        /// True when the client closed its end (or sent anything: a stream's client only listens).
        public var clientLeft: Bool {
            if server.isStopped { return true }
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 0) > 0 else { return false }
            return true
        }
    }

    /// Why the server could not listen, with the host and port it was asked for.
    public struct ListenError: Error, CustomStringConvertible {
        public let host: String
        public let port: UInt16
        public let reason: String
        /// The host is not an address this server can listen on (a usage error).
        public let badHost: Bool

        public var description: String { "无法在 \(host):\(port) 监听：\(reason)" }
    }

    public let limits: Limits
    private let listener: Int32
    /// The port listened on (the one the system chose when asked for 0).
    public let port: UInt16
    private let lock = NSLock()
    private var stopped = false
    private var open: Set<Int32> = []
    private var streams = 0
    private var handler: (@Sendable (Request) -> Response)?

    /// Binds and listens on `host` (an IPv4 or IPv6 address, or `localhost`) and `port` (0: any
    /// free port); requests are taken once `start` is called.
    public init(host: String, port: UInt16, limits: Limits = Limits()) throws {
        self.limits = limits
        func failure(_ reason: String, badHost: Bool = false) -> ListenError {
            ListenError(host: host, port: port, reason: reason, badHost: badHost)
        }
        func systemError(_ call: String, _ code: Int32) -> ListenError {
            failure("\(call)：\(String(cString: strerror(code)))（errno \(code)）")
        }
        var storage = sockaddr_storage()
        let length: socklen_t
        let family: Int32
        let name = host == "localhost" ? "127.0.0.1" : host
        if name.contains(":") {
            var address = sockaddr_in6()
            guard inet_pton(AF_INET6, name, &address.sin6_addr) == 1 else {
                throw failure("不是有效的 IPv6 地址", badHost: true)
            }
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            withUnsafeBytes(of: address) { raw in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) }
            }
            (family, length) = (AF_INET6, socklen_t(MemoryLayout<sockaddr_in6>.size))
        } else {
            var address = sockaddr_in()
            guard inet_pton(AF_INET, name, &address.sin_addr) == 1 else {
                throw failure("不是有效的 IPv4 地址（只接受 IP 地址或 localhost）", badHost: true)
            }
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            withUnsafeBytes(of: address) { raw in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) }
            }
            (family, length) = (AF_INET, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let listener = socket(family, socketType, 0)
        guard listener >= 0 else { throw systemError("socket", errno) }
        var on: Int32 = 1
        _ = setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        if family == AF_INET6 {
            _ = setsockopt(listener, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        if bound != 0 {
            let code = errno
            close(listener)
            throw systemError("bind", code)
        }
        if listen(listener, 128) != 0 {
            let code = errno
            close(listener)
            throw systemError("listen", code)
        }
        var actual = sockaddr_storage()
        var actualLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &actualLength) }
        }
        let networkPort =
            family == AF_INET6
            ? withUnsafeBytes(of: actual) { $0.load(as: sockaddr_in6.self).sin6_port }
            : withUnsafeBytes(of: actual) { $0.load(as: sockaddr_in.self).sin_port }
        self.listener = listener
        self.port = UInt16(bigEndian: networkPort)
    }

    /// Takes connections on a thread of its own until `stop`.
    public func start(_ handler: @escaping @Sendable (Request) -> Response) {
        lock.lock()
        self.handler = handler
        lock.unlock()
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "qingshan.http.accept"
        thread.start()
    }

    /// Stops taking connections and ends the open ones (their threads close them).
    public func stop() {
        lock.lock()
        stopped = true
        let connections = open
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Open connections (for tests and the limit).
    public var openConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return open.count
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                let code = errno
                if isStopped { return }
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    var nothing = pollfd(fd: -1, events: 0, revents: 0)
                    _ = poll(&nothing, 0, 100)  // out of descriptors: let some close first
                }
                continue
            }
            lock.lock()
            let admitted = !stopped && open.count < limits.maxConnections
            if admitted { open.insert(connection) }
            lock.unlock()
            guard admitted else {
                // Over the limit: say so without waiting for the client, and close.
                let busy = Array(
                    "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
                        .utf8)
                _ = busy.withUnsafeBytes {
                    Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL))
                }
                close(connection)
                continue
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            var timeout = timeval(tv_sec: 1, tv_usec: 0)  // each send waits at most this long
            _ = setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let thread = Thread { [self] in
                serve(connection)
                lock.lock()
                open.remove(connection)
                lock.unlock()
                close(connection)
            }
            thread.name = "qingshan.http.connection"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Waits until `socket` has bytes (or is closed) or `deadline` passes; reads what is there.
    /// nil: the deadline passed; empty: the client closed its end (or an error).
    private func receive(_ socket: Int32, until deadline: Double, into buffer: inout [UInt8]) -> Int? {
        while true {
            let left = deadline - Self.now()
            if left <= 0 || isStopped { return nil }
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left * 1000, 1000).rounded(.up)))
            if ready < 0, errno == EINTR { continue }
            if ready < 0 { return 0 }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let got = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if got < 0, errno == EINTR || errno == EAGAIN { continue }
            if got <= 0 { return 0 }
            buffer.append(contentsOf: chunk[0..<got])
            return got
        }
    }

    /// Writes all of `bytes` within the write timeout; false when the client is gone or too slow.
    func send(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        let deadline = Self.now() + limits.writeTimeout
        var offset = 0
        while offset < bytes.count {
            if Self.now() > deadline { return false }
            let sent = bytes.withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress.map { $0 + offset }, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    /// One connection: requests one after another (keep-alive, pipelining) until the client
    /// closes, asks to close, breaks a limit, or idles too long.
    private func serve(_ socket: Int32) {
        var buffer: [UInt8] = []
        while !isStopped {
            var scanner = RequestHeadScanner(limits: limits)
            var started: Double? = buffer.isEmpty ? nil : Self.now()
            let idleUntil = Self.now() + limits.idleTimeout
            var outcome = scanner.scan(buffer)
            while case .incomplete = outcome {
                let deadline = started.map { $0 + limits.requestTimeout } ?? idleUntil
                guard let got = receive(socket, until: deadline, into: &buffer) else {
                    // Timed out: silently when nothing was sent, 408 in the middle of a request.
                    if started != nil { reject(socket, status: 408) }
                    return
                }
                if got == 0 { return }
                if started == nil { started = Self.now() }
                outcome = scanner.scan(buffer)
            }
            let head: RequestHeadScanner.Head
            switch outcome {
            case .incomplete: return
            case .failed(let status):
                reject(socket, status: status)
                return
            case .complete(let found): head = found
            }
            let request: Request
            let bodyLength: Int
            switch RequestHeadScanner.parse(buffer[head.start..<head.end], limits: limits) {
            case .failure(let failure):
                reject(socket, status: failure.status)
                return
            case .success(let parsed): (request, bodyLength) = parsed
            }
            // A body is read and dropped, so the next request on the connection starts where it should.
            var bodyEnd = head.next + bodyLength
            while buffer.count < bodyEnd {
                guard let got = receive(socket, until: (started ?? Self.now()) + limits.requestTimeout, into: &buffer)
                else {
                    reject(socket, status: 408)
                    return
                }
                if got == 0 { return }
                if buffer.count > head.next + 64 * 1024, buffer.count < bodyEnd {
                    // Keep memory flat for a large body: drop what has been read of it.
                    let drop = buffer.count - head.next
                    buffer.removeSubrange(head.next..<buffer.count)
                    bodyEnd -= drop
                }
            }
            buffer.removeSubrange(0..<bodyEnd)
            let connection = request.header("connection")?.lowercased() ?? ""
            let closes =
                connection.contains("close") || (request.minorVersion == 0 && !connection.contains("keep-alive"))
            let response = handlerValue.map { $0(request) } ?? Response(status: 503)
            if !write(response, to: socket, method: request.method, closes: closes) || closes || response.stream != nil
            {
                return
            }
        }
    }

    private var handlerValue: (@Sendable (Request) -> Response)? {
        lock.lock()
        defer { lock.unlock() }
        return handler
    }

    /// Writes a response; a HEAD gets the headers a GET would, without the body.
    private func write(_ response: Response, to socket: Int32, method: String, closes: Bool) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if let stream = response.stream {
            if method == "HEAD" { return send(socket, Array((head + "Connection: close\r\n\r\n").utf8)) }
            lock.lock()
            let admitted = streams < limits.maxStreams
            if admitted { streams += 1 }
            lock.unlock()
            guard admitted else {
                reject(socket, status: 503)
                return false
            }
            defer {
                lock.lock()
                streams -= 1
                lock.unlock()
            }
            guard send(socket, Array((head + "Connection: close\r\n\r\n").utf8)) else { return false }
            stream(Stream(socket: socket, server: self))
            return false
        }
        head += "Content-Length: \(response.body.count)\r\n"
        head += closes ? "Connection: close\r\n\r\n" : "\r\n"
        var bytes = Array(head.utf8)
        if method != "HEAD" { bytes += response.body }
        return send(socket, bytes)
    }

    /// Answers a broken request with `status` and closes: the write side first, then what the
    /// client is still sending is read and dropped for a moment, so that closing with unread
    /// bytes does not reset the connection before the client has read the answer.
    private func reject(_ socket: Int32, status: Int) {
        let text = "\(status) \(Self.reason(status))\n"
        let head =
            "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(text.utf8.count)\r\nConnection: close\r\n\r\n"
        guard send(socket, Array((head + text).utf8)) else { return }
        shutdown(socket, Int32(SHUT_WR))
        let deadline = Self.now() + 1
        var drained = 0
        var scratch: [UInt8] = []
        while drained < 1 << 20, let got = receive(socket, until: deadline, into: &scratch), got > 0 {
            drained += got
            scratch.removeAll(keepingCapacity: true)
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 204: return "No Content"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status"
        }
    }
}

/// Finds the end of a request's line and headers in the bytes received so far, looking at
/// each byte once however the bytes arrive, and enforces the size limits while it looks.
struct RequestHeadScanner {
    let limits: HTTPServer.Limits
    /// Bytes looked at so far: at most the bytes received (the linear-time guarantee tests check).
    private(set) var examined = 0
    /// Where the request starts (after empty lines a client may send first).
    private var start: Int?
    /// Where the request line ends (its `\n`).
    private var lineEnd: Int?
    private var lines = 0
    private var position = 0

    init(limits: HTTPServer.Limits) {
        self.limits = limits
    }

    struct Head {
        /// The request line and headers, `\r\n` included, without the blank line.
        var start: Int
        var end: Int
        /// Where the body (or the next request) starts.
        var next: Int
    }

    enum Outcome {
        case incomplete
        case complete(Head)
        case failed(status: Int)
    }

    /// Scans the bytes after those already scanned (`bytes` only ever grows between calls).
    mutating func scan(_ bytes: [UInt8]) -> Outcome {
        while position < bytes.count {
            let byte = bytes[position]
            examined += 1
            defer { position += 1 }
            guard let first = start else {
                if byte != 0x0D && byte != 0x0A {
                    start = position
                } else if position >= 8 {
                    return .failed(status: 400)  // empty lines and nothing else
                }
                continue
            }
            guard byte == 0x0A else { continue }
            if lineEnd == nil {
                lineEnd = position
                continue
            }
            // The end of a header line, or the blank line that ends the head.
            let previous = position >= 1 ? bytes[position - 1] : 0
            let before = position >= 2 ? bytes[position - 2] : 0
            if previous == 0x0A {
                position += 1
                return .complete(Head(start: first, end: position - 2, next: position))
            }
            if previous == 0x0D, before == 0x0A {
                position += 1
                return .complete(Head(start: first, end: position - 3, next: position))
            }
            lines += 1
            if lines > limits.headerCount { return .failed(status: 431) }
            if let end = lineEnd, position - end > limits.headerBytes { return .failed(status: 431) }
        }
        if let first = start {
            if let end = lineEnd {
                if end - first > limits.requestLine { return .failed(status: 414) }
                if position - end > limits.headerBytes { return .failed(status: 431) }
            } else if position - first > limits.requestLine {
                return .failed(status: 414)
            }
        }
        return .incomplete
    }

    struct Failure: Error {
        var status: Int
    }

    /// The request line and headers (already found complete and within the limits) checked
    /// and parsed, with the length of the body that follows.
    static func parse(_ head: ArraySlice<UInt8>, limits: HTTPServer.Limits) -> Result<
        (HTTPServer.Request, Int), Failure
    > {
        var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        guard !lines.isEmpty else { return .failure(Failure(status: 400)) }
        let requestLine = lines.removeFirst()
        if requestLine.count > limits.requestLine { return .failure(Failure(status: 414)) }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isToken), !parts[1].isEmpty,
            parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return .failure(Failure(status: 400)) }
        let version = String(decoding: parts[2], as: UTF8.self)
        let minor: Int
        switch version {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        default:
            let looksLikeHTTP =
                version.hasPrefix("HTTP/") && version.dropFirst(5).allSatisfy { $0.isNumber || $0 == "." }
            return .failure(Failure(status: looksLikeHTTP ? 505 : 400))
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            // No colon, an empty or spaced name, folded lines, control bytes: all refused.
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                line[line.startIndex..<colon].allSatisfy(isToken)
            else { return .failure(Failure(status: 400)) }
            let value = line[line.index(after: colon)...]
            guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                return .failure(Failure(status: 400))
            }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let text = String(decoding: value, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            headers.append((name, text))
        }
        let request = HTTPServer.Request(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
            minorVersion: minor, headers: headers)
        if headers.contains(where: { $0.name == "transfer-encoding" }) {
            return .failure(Failure(status: 501))  // no chunked bodies: nothing here takes a body
        }
        let hosts = headers.filter { $0.name == "host" }
        if hosts.count > 1 || (minor == 1 && hosts.isEmpty) { return .failure(Failure(status: 400)) }
        let lengths = Set(headers.filter { $0.name == "content-length" }.map(\.value))
        var bodyLength = 0
        if let only = lengths.first {
            guard lengths.count == 1, !only.isEmpty, only.count <= 18, only.allSatisfy({ $0.isASCII && $0.isNumber }),
                let length = Int(only)
            else { return .failure(Failure(status: 400)) }
            if length > limits.bodyBytes { return .failure(Failure(status: 413)) }
            bodyLength = length
        }
        return .success((request, bodyLength))
    }

    /// RFC 9110's tchar.
    static func isToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
