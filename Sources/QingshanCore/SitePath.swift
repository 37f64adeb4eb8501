import Foundation

/// Site-relative URL paths (`/news/slug/`) and how they become links and files.
public struct SitePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Always starts and ends with `/` for folders, or ends with a file name (`/feed.xml`).
    public let value: String

    public init(_ value: String) {
        var v = value.hasPrefix("/") ? value : "/" + value
        if v.utf8.count > 1,
            v.utf8.indices.dropLast().contains(where: { i in
                v.utf8[i] == 0x2F && v.utf8[v.utf8.index(after: i)] == 0x2F
            })
        {
            while v.contains("//") { v = v.replacingOccurrences(of: "//", with: "/") }
        }
        self.value = v
    }

    public static func folder(_ segments: String...) -> SitePath { folder(segments) }

    public static func folder(_ segments: [String]) -> SitePath {
        let joined = segments.filter { !$0.isEmpty }.joined(separator: "/")
        return SitePath(joined.isEmpty ? "/" : "/" + joined + "/")
    }

    public var isFolder: Bool { value.hasSuffix("/") }

    /// The file a page at this path is written to, relative to the output root.
    public var outputFile: String {
        let trimmed = String(value.dropFirst())
        return isFolder ? trimmed + "index.html" : trimmed
    }

    public var description: String { value }

    public static func < (a: SitePath, b: SitePath) -> Bool { a.value < b.value }
}

/// Turns site paths into links under the base path of `base_url`.
public struct LinkBuilder: Sendable {
    /// The path of base_url, `/` or `/gxq/hbj/`.
    public let basePath: String
    /// `https://www.example.gov.cn` without a path.
    public let origin: String

    public init(baseURL: String) {
        var origin = baseURL
        var path = "/"
        if let schemeEnd = baseURL.range(of: "://") {
            let afterScheme = baseURL[schemeEnd.upperBound...]
            if let slash = afterScheme.firstIndex(of: "/") {
                origin = String(baseURL[..<slash])
                path = String(baseURL[slash...])
            }
        }
        if !path.hasSuffix("/") { path += "/" }
        self.origin = origin
        self.basePath = path
    }

    /// A root-relative link carrying the base path, percent-encoding what a URL may not hold raw.
    public func link(_ path: SitePath) -> String {
        basePath + LinkBuilder.encode(String(path.value.dropFirst()))
    }

    public func link(_ path: SitePath, fragment: String) -> String {
        link(path) + "#" + LinkBuilder.encode(fragment)
    }

    /// The absolute URL (feeds, sitemaps, canonical links).
    public func absolute(_ path: SitePath) -> String { origin + link(path) }

    /// The absolute URL with every non-ASCII byte percent-encoded (sitemaps want plain URIs).
    public func absoluteURI(_ path: SitePath) -> String {
        var out: [UInt8] = []
        for byte in absolute(path).utf8 {
            if byte < 0x80 { out.append(byte) } else { Self.appendPercent(byte, to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes spaces, quotes and other bytes that break an href; keeps UTF-8 letters
    /// readable (browsers accept IRIs), which is what gov.cn editors expect to see.
    public static func encode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Most paths need nothing encoded: then the text is returned as it is.
            guard let first = bytes.firstIndex(where: needsEncoding) else { return nil }
            var out = Array(bytes[..<first])
            out.reserveCapacity(bytes.count + 16)
            for b in bytes[first...] {
                if needsEncoding(b) { appendPercent(b, to: &out) } else { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The ASCII bytes `encode` writes as `%HH`: controls, DEL, space and ``"<>`{}|\^%``. Bytes
    /// of UTF-8 sequences (0x80 and above) stay as they are.
    @inline(__always)
    static func needsEncoding(_ b: UInt8) -> Bool {
        switch b {
        case 0..<0x21, 0x7F, 0x22, 0x3C, 0x3E, 0x60, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x25: true
        default: false
        }
    }

    /// `%HH`, upper-case hex.
    static func appendPercent(_ b: UInt8, to out: inout [UInt8]) {
        out += [UInt8(ascii: "%"), hexDigits[Int(b >> 4)], hexDigits[Int(b & 0x0F)]]
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
