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
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in absolute(path).utf8 {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes spaces, quotes and other bytes that break an href; keeps UTF-8 letters
    /// readable (browsers accept IRIs), which is what gov.cn editors expect to see.
    public static func encode(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case " ": out += "%20"
            case "\"": out += "%22"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "`": out += "%60"
            case "{": out += "%7B"
            case "}": out += "%7D"
            case "|": out += "%7C"
            case "\\": out += "%5C"
            case "^": out += "%5E"
            case "%": out += "%25"
            default:
                if s.value < 0x20 || s.value == 0x7F {
                    out += String(format: "%%%02X", s.value)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }
}
