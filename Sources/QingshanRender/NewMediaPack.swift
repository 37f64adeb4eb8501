import Foundation
import QingshanCore
import QingshanModel

/// The 新媒体 pack of a press item or a month of 环保动态 (the plan names the portal and the
/// “枣庄高新环保” 微博 for 环保工作动态, 环境质量 and 科普知识): beside the page, `weibo.txt` — the
/// headline figures as of the day and the page's link, within Weibo's 2,000-character long post
/// — and `wechat.html` — one file with inline styles, no script, absolute links, to paste into
/// the 公众号 editor as it is. Both are for the editors: linked from the page, left out of the
/// sitemap and the search.
public struct NewMediaPack: Sendable {
    /// Weibo's limit for a long post, in characters.
    public static let weiboLimit = 2000
    public static let weiboFile = "weibo.txt"
    public static let wechatFile = "wechat.html"

    public var title: String
    public var issuer: String
    public var date: Day
    /// The day the figures stand on.
    public var asOf: Day
    public var summary: String
    /// The page's narrative (trusted HTML from cmark-gfm), if any.
    public var html: TrustedHTML?
    public var parts: [ReportView.Part]
    public var page: SitePath

    public init(
        title: String, issuer: String, date: Day, asOf: Day, summary: String, html: TrustedHTML?,
        parts: [ReportView.Part], page: SitePath
    ) {
        self.title = title
        self.issuer = issuer
        self.date = date
        self.asOf = asOf
        self.summary = summary
        self.html = html
        self.parts = parts
        self.page = page
    }

    /// The editors' links on the page.
    public static func links(_ page: SitePath, _ links: LinkBuilder) -> [LinkView] {
        [
            LinkView(title: "微博文本", href: links.link(SitePath(page.value + weiboFile))),
            LinkView(title: "微信公众号图文", href: links.link(SitePath(page.value + wechatFile))),
        ]
    }

    public func files(_ links: LinkBuilder, origin: String) -> [OutputFile] {
        [
            OutputFile(
                path: String((page.value + Self.weiboFile).dropFirst()), data: Data(weibo(links).utf8), origin: origin),
            OutputFile(
                path: String((page.value + Self.wechatFile).dropFirst()), data: Data(wechat(links)), origin: origin
            ),
        ]
    }

    /// The headline figures: each part's figures as `label：value`.
    var figureLines: [String] {
        parts.flatMap { part in part.figures.map { "\($0.label)：\($0.value)" } }
    }

    /// `【title】summary` / `截至…：figure；figure。` / the link; the summary is shortened to keep
    /// the post within `weiboLimit`.
    public func weibo(_ links: LinkBuilder) -> String {
        let url = links.absolute(page)
        let figures = figureLines.isEmpty ? "" : "截至\(asOf.chinese)：" + figureLines.joined(separator: "；") + "。\n"
        let tail = "详情：\(url)\n#满意环保#"
        let head = "【\(title)】"
        let room = Self.weiboLimit - head.count - figures.count - tail.count - 2
        var lead = summary
        if lead.count > room { lead = String(lead.prefix(max(0, room - 1))) + "…" }
        return head + lead + "\n" + figures + tail + "\n"
    }

    /// One HTML file for the 公众号 editor: the narrative and the parts, every element styled
    /// inline, links absolute, no script. Made as bytes: the styled article HTML goes in as the
    /// styling pass wrote it, not read back into a String.
    public func wechat(_ links: LinkBuilder) -> [UInt8] {
        let url = links.absolute(page)
        var out: [UInt8] = []
        out.reserveCapacity((html?.utf8.count ?? 0) * 2 + 2048)
        out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n".utf8
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n".utf8
        out += "<meta name=\"description\" content=\"\(HTMLEscape.escape(summary))\">\n".utf8
        out += "<meta name=\"robots\" content=\"noindex\">\n<title>\(HTMLEscape.escape(title))</title>\n</head>\n".utf8
        out +=
            "<body style=\"margin:0 auto;max-width:680px;padding:16px;font-family:'PingFang SC','Microsoft YaHei',".utf8
        out += "'Noto Sans CJK SC',sans-serif;font-size:16px;line-height:1.75;color:#1f2933;\">\n<main>\n".utf8
        out += "<h1 style=\"\(Self.styles["h1"] ?? "")\">\(HTMLEscape.escape(title))</h1>\n".utf8
        out += "<p style=\"color:#4b5563;font-size:14px;\">\(HTMLEscape.escape(issuer))　\(date.chinese)</p>\n".utf8
        if let html { html.utf8.withUnsafeBufferPointer { Self.styled($0, origin: links.origin, into: &out) } }
        for part in parts {
            var section = "<h2>\(HTMLEscape.escape(part.heading))</h2>\n"
            for paragraph in part.paragraphs { section += "<p>\(HTMLEscape.escape(paragraph))</p>\n" }
            if !part.figures.isEmpty {
                section += "<table><tbody>\n"
                for figure in part.figures {
                    section +=
                        "<tr><td>\(HTMLEscape.escape(figure.label))</td><td><strong>\(HTMLEscape.escape(figure.value))</strong>"
                        + (figure.note.map { " " + HTMLEscape.escape($0) } ?? "") + "</td></tr>\n"
                }
                section += "</tbody></table>\n"
            }
            for item in part.items {
                section += "<p>\(HTMLEscape.escape(item.title))（\(item.date.chinese)）</p>\n"
            }
            for table in part.tables { section += Self.table(table) }
            Self.styled(section, origin: links.origin, into: &out)
        }
        out += "<p style=\"\(Self.styles["p"] ?? "")color:#4b5563;\">原文链接：\(HTMLEscape.escape(url))</p>\n".utf8
        out += "</main>\n</body>\n</html>\n".utf8
        return out
    }

    static func table(_ table: TableView) -> String {
        var out = "<table>\n<caption>\(HTMLEscape.escape(table.caption))</caption>\n<thead><tr>"
        out += table.head.map { "<th>\(HTMLEscape.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>" + row.cells.map { "<td>\(HTMLEscape.escape($0.text))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The inline style of each element the pack writes or cmark-gfm makes.
    static let styles: [String: String] = [
        "h1": "font-size:22px;line-height:1.4;margin:0 0 8px;",
        "h2": "font-size:18px;line-height:1.5;margin:24px 0 8px;color:#0b5394;",
        "h3": "font-size:17px;margin:20px 0 8px;", "h4": "font-size:16px;margin:16px 0 8px;",
        "p": "margin:0 0 12px;text-align:justify;", "ul": "margin:0 0 12px;padding-left:24px;",
        "ol": "margin:0 0 12px;padding-left:24px;", "li": "margin:0 0 4px;",
        "table": "border-collapse:collapse;width:100%;margin:0 0 16px;font-size:14px;",
        "caption": "font-weight:bold;text-align:left;padding:4px 0;",
        "th": "border:1px solid #9ca3af;padding:4px 6px;background:#f3f4f6;text-align:left;",
        "td": "border:1px solid #9ca3af;padding:4px 6px;",
        "blockquote": "margin:0 0 12px;padding:4px 12px;border-left:4px solid #d1d5db;color:#374151;",
        "img": "max-width:100%;height:auto;", "a": "color:#0b5394;",
        "code": "font-family:monospace;background:#f3f4f6;",
        "pre": "white-space:pre-wrap;background:#f3f4f6;padding:8px;font-size:14px;",
    ]

    /// HTML with a `style` on every element of `styles`, root-relative `href` and `src` made
    /// absolute under `origin`, and any `<script>` element left out. Works on the UTF-8 bytes:
    /// it runs over every press item's HTML.
    static func styled(_ html: String, origin: String, into out: inout [UInt8]) {
        var html = html
        html.withUTF8 { styled($0, origin: origin, into: &out) }
    }

    static func styled(_ bytes: UnsafeBufferPointer<UInt8>, origin: String, into out: inout [UInt8]) {
        let origin = Array(origin.utf8)
        var i = 0
        while i < bytes.count {
            // Text up to the next tag goes over as it is, in one piece.
            let open = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: i) ?? bytes.count
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<open]))
            i = open
            guard i < bytes.count else { break }
            guard let close = ByteSearch.firstIndex(of: UInt8(ascii: ">"), in: bytes, from: i) else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
                break
            }
            var nameEnd = i + 1
            while nameEnd < close, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: bytes[(i + 1)..<nameEnd], as: UTF8.self).lowercased()
            if name == "script" {
                i = scriptEnd(bytes, from: close)
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<nameEnd]))
            if let style = styledTags[name] { out.append(contentsOf: style) }
            var j = nameEnd
            while j <= close {
                let attribute =
                    bytes[j] == UInt8(ascii: "h") && starts(bytes, at: j, with: hrefRoot)
                    ? hrefRoot
                    : bytes[j] == UInt8(ascii: "s") && starts(bytes, at: j, with: srcRoot) ? srcRoot : nil
                if let attribute {
                    out.append(contentsOf: attribute.dropLast())
                    out.append(contentsOf: origin)
                    out.append(UInt8(ascii: "/"))
                    j += attribute.count
                } else {
                    out.append(bytes[j])
                    j += 1
                }
            }
            i = close + 1
        }
    }

    /// ` style="…"` as bytes, by element name.
    static let styledTags: [String: [UInt8]] = styles.mapValues { Array(" style=\"\($0)\"".utf8) }
    static let hrefRoot = Array("href=\"/".utf8)
    static let srcRoot = Array("src=\"/".utf8)

    static func isNameByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }

    /// Just past the `</script>` at or after `from` (letters in any case, blanks before the
    /// `>` allowed, as browsers read it), or the end.
    static func scriptEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var at = from
        while let open = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: at) {
            var end = open + scriptClose.count
            if end <= bytes.count,
                zip(bytes[open..<end], scriptClose).allSatisfy({ isLetter($1) ? $0 | 0x20 == $1 : $0 == $1 })
            {
                while end < bytes.count, [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: ">") { return end + 1 }
            }
            at = open + 1
        }
        return bytes.count
    }
    /// `</script` (the `>` is matched apart, after any blanks).
    static let scriptClose = Array("</script".utf8)

    static func isLetter(_ b: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) }

    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, with pattern: [UInt8]) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
        return true
    }
}
