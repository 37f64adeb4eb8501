import QingshanCore
import QingshanModel
import Yams

/// Splits a Markdown file into YAML front matter and body, and reads the front matter
/// (README, "Articles").
public enum FrontMatterParser {
    static let keys: Set<String> = [
        "title", "date", "summary", "tags", "slug", "draft", "doc_no", "source", "campaign", "attachments",
        "as_of", "panels", "theme",
    ]

    /// Finds the `---` block at the top of a file's UTF-8; reports a missing or unclosed one.
    /// Returns the front matter, where the body lies in the bytes and the line it starts on
    /// (1-based). (Line ends are LF here: the loader normalizes CRLF.)
    public static func split(utf8 bytes: UnsafeBufferPointer<UInt8>, file: String, diagnostics: Diagnostics) -> (
        yaml: String, body: Range<Int>, bodyLine: Int
    )? {
        switch locate(bytes) {
        case .some(.some(let found)):
            let yaml = String(decoding: UnsafeBufferPointer(rebasing: bytes[found.yaml]), as: UTF8.self)
            return (yaml, found.body..<bytes.count, found.bodyLine)
        case .some(.none):
            diagnostics.error(
                SourceLocation(file: file, line: 1), "缺少文首的 YAML 元数据（front matter）",
                hint: "文件应以 --- 开头，例如：\n---\ntitle: 标题\ndate: 2023-06-01\n---")
            return nil
        case .none:
            diagnostics.error(
                SourceLocation(file: file, line: 1, column: 1), "文首元数据没有结束：找不到第二个 ---",
                hint: "在元数据最后一行之后加一行 ---")
            return nil
        }
    }

    /// The byte ranges of the front matter and the body and the body's first line; `.some(nil)`
    /// when the file does not open with `---`, nil when the block is not closed.
    static func locate(_ bytes: UnsafeBufferPointer<UInt8>) -> (yaml: Range<Int>, body: Int, bodyLine: Int)?? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }  // BOM
        func lineEnd(from index: Int) -> Int {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            return end
        }
        func isFence(_ from: Int, _ to: Int) -> Bool {
            var a = from
            var b = to
            while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
            while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
            return b - a == 3 && bytes[a] == 0x2D && bytes[a + 1] == 0x2D && bytes[a + 2] == 0x2D
        }
        let firstEnd = lineEnd(from: start)
        guard isFence(start, firstEnd) else { return .some(nil) }
        var line = 2
        var lineStart = firstEnd + 1
        while lineStart <= bytes.count {
            let end = lineEnd(from: lineStart)
            if isFence(lineStart, end) {
                return (
                    yaml: (firstEnd + 1)..<max(firstEnd + 1, lineStart - 1), body: min(end + 1, bytes.count),
                    bodyLine: line + 1
                )
            }
            line += 1
            lineStart = end + 1
        }
        return nil
    }

    /// Reads the keys of the front matter; nil when a required key is missing or invalid.
    public static func parse(_ yaml: String, file: String, diagnostics: Diagnostics) -> FrontMatter? {
        // The YAML starts on line 2 of the file.
        guard let root = YAMLReader.compose(yaml, file: file, lineOffset: 1, diagnostics: diagnostics) else {
            if YAMLReader.holdsNoDocument(yaml) {
                diagnostics.error(SourceLocation(file: file, line: 1), "文首元数据是空的（或只有注释）：缺少必填项“title”和“date”")
            }
            return nil
        }
        guard let map = MappingReader(root, file: file, lineOffset: 1, diagnostics: diagnostics, what: "文首元数据")
        else { return nil }
        map.warnUnknownKeys(allowed: keys, context: "文首元数据")
        let title = map.requireString("title", what: "标题")
        if let title, title.trimmingSpaces().isEmpty {
            diagnostics.error(map.location(ofKey: "title"), "标题不能为空")
        }
        var date: Timestamp? = nil
        if let raw = map.requireString("date", what: "发布日期") {
            date = Timestamp(parsing: raw)
            if date == nil {
                diagnostics.error(
                    map.location(map.value("date") ?? map.node), "发布日期“\(raw)”无效",
                    hint: "写作 2023-06-01、2023-06-01 09:30 或 2023-06-01T09:30:00+08:00")
            }
        }
        var front = FrontMatter(title: title ?? "", date: date ?? Timestamp(day: Day(year: 1970, month: 1, day: 1)!))
        front.summary = map.string("summary")
        front.tags = uniqueTags(map.stringList("tags") ?? [])
        if let slug = map.string("slug") {
            if Slug.isValidSegment(slug) {
                front.slug = slug
            } else {
                diagnostics.error(map.location(ofKey: "slug"), "slug“\(slug)”不能含有空格、/、?、#、% 等字符")
            }
        }
        front.draft = map.bool("draft") ?? false
        front.docNo = map.string("doc_no")
        if let docNo = front.docNo, docNo.contains("[") || docNo.contains("【") || docNo.contains("(") {
            diagnostics.warning(
                map.location(ofKey: "doc_no"), "文号“\(docNo)”的年份应使用六角括号〔〕（GB/T 9704）",
                hint: "例如 枣高环〔2023〕4号")
        }
        front.source = map.string("source")
        front.campaign = map.string("campaign")
        front.asOf = map.day("as_of")
        front.theme = map.string("theme")
        if let panels = map.stringList("panels") {
            for panel in panels where Panel(rawValue: panel) == nil {
                diagnostics.error(
                    map.location(ofKey: "panels"), "未知的数据面板“\(panel)”",
                    hint: "可用：\(Panel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            front.panels = panels.compactMap(Panel.init(rawValue:))
        }
        front.attachments = attachments(map)
        guard title != nil, date != nil else { return nil }
        return front
    }

    static func uniqueTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.map { $0.trimmingSpaces() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func attachments(_ map: MappingReader) -> [Attachment] {
        guard let node = map.value("attachments") else { return [] }
        guard let items = node.sequence else {
            map.diagnostics.error(map.location(node), "attachments 应为列表：[{title: 名称, file: files/x.pdf}]")
            return []
        }
        var out: [Attachment] = []
        for item in items {
            guard
                let entry = MappingReader(
                    item, file: map.file, lineOffset: map.lineOffset, diagnostics: map.diagnostics, what: "附件")
            else { continue }
            entry.warnUnknownKeys(allowed: ["title", "file"], context: "附件")
            guard let file = entry.requireString("file", what: "static/ 下的文件路径") else { continue }
            out.append(
                Attachment(title: entry.string("title") ?? file, file: file, location: entry.location(ofKey: "file")))
        }
        return out
    }
}
