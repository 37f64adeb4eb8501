import CCmarkGFM
import CmarkArena
import Foundation
import QingshanCore

/// A heading of a rendered document, with the id its `<hN>` carries.
public struct MarkdownHeading: Hashable, Sendable {
    public let level: Int
    public let text: String
    public let id: String
}

/// What one Markdown document becomes.
public struct RenderedMarkdown: Sendable {
    public let html: TrustedHTML
    /// The visible text as UTF-8, blocks separated by newlines (reading time, search): bytes,
    /// as the search and the measure read it, not a String validated once more.
    public let plainText: [UInt8]
    /// The text of the paragraphs alone, without headings, tables and code (summaries).
    public let paragraphText: String
    /// Site-internal link and image targets as the author wrote them (`/news/slug/`).
    public let internalLinks: [String]
    public let headings: [MarkdownHeading]
    /// Link and image targets that were not published as links (`LinkSafety`), with the line
    /// of the document they stand on.
    public var blockedLinks: [(target: String, line: Int)] = []
    /// The `{{NAME}}` figures the text cites (code spans and blocks keep theirs as written):
    /// their markers stand in `html`, `plainText` and `paragraphText` (`FigureMarkers`).
    public var figures: [FigureReference] = []
    /// Figures written inside a link or image target, where no figure can go.
    public var figuresInTargets: [FigureReference] = []
}

/// Markdown to HTML through cmark-gfm (GFM tables, strikethrough, autolinks, task lists,
/// tag filter, footnotes), with the fixes Chinese text needs. Safe to use from many threads.
public struct MarkdownRenderer: Sendable, Equatable {
    /// When false (the default), raw HTML written in Markdown is shown as text.
    public let allowRawHTML: Bool
    /// The path of base_url (`/hbj/`): root-relative links (`/news/x/`) are placed under it.
    public let basePath: String

    public init(allowRawHTML: Bool = false, basePath: String = "/") {
        self.allowRawHTML = allowRawHTML
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// Reserved private-use markers that carry heading ids through cmark's renderer.
    static let markOpen = "\u{E000}"
    static let markClose = "\u{E001}"

    public func render(_ markdown: String) -> RenderedMarkdown {
        var source = markdown
        return source.withUTF8 { render(utf8: $0) }
    }

    /// Renders a document's UTF-8 (well-formed: the loader checked it). Text with reserved
    /// characters or a `{{` goes through `marked`; the rest is rendered from the bytes as they are.
    public func render(utf8 markdown: UnsafeBufferPointer<UInt8>) -> RenderedMarkdown {
        if Self.holdsReserved(markdown) || FigureMarkers.mayHoldReferences(markdown) {
            return marked(String(decoding: markdown, as: UTF8.self))
        }
        return flanked(markdown, figures: nil)
    }

    /// The document with reserved characters removed and its figures marked, rendered.
    private func marked(_ markdown: String) -> RenderedMarkdown {
        var source = markdown
        if Self.holdsReserved(source) { source = Self.withoutReserved(source) }
        var references: [FigureReference]? = nil
        if FigureMarkers.mayHoldReferences(source) { (source, references) = FigureMarkers.mark(source) }
        return source.withUTF8 { flanked($0, figures: references) }
    }

    /// The document with emphasis sentinels added where CJK punctuation needs them, rendered.
    private func flanked(_ bytes: UnsafeBufferPointer<UInt8>, figures: [FigureReference]?) -> RenderedMarkdown {
        guard let flanked = EmphasisFlanking.apply(bytes) else { return render(utf8: bytes, figures: figures) }
        return flanked.withUnsafeBufferPointer { render(utf8: $0, figures: figures) }
    }

    /// What only Qingshan may write into a document, because a later pass removes it from the
    /// HTML: the heading-id markers U+E000 and U+E001 (EE 80 80, EE 80 81), the emphasis
    /// sentinel U+2E2E (E2 B8 AE) and the figure markers (`FigureMarkers`). Typed by an author,
    /// they would vanish from the page.
    static func holdsReserved(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(holdsReserved)
    }

    static func holdsReserved(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.contains([0xEE, 0x80, 0x80], in: bytes) || ByteSearch.contains([0xEE, 0x80, 0x81], in: bytes)
            || ByteSearch.contains([0xE2, 0xB8, 0xAE], in: bytes) || FigureMarkers.holdsMarkers(bytes)
    }

    /// The text without what `holdsReserved` looks for.
    static func withoutReserved(_ text: String) -> String {
        FigureMarkers.withoutMarkers(
            String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { $0 != "\u{E000}" && $0 != "\u{E001}" && $0 != "\u{2E2E}" })))
    }

    /// The document's UTF-8 source, markers removed and emphasis sentinels added, rendered.
    private func render(utf8 source: UnsafeBufferPointer<UInt8>, figures: [FigureReference]?) -> RenderedMarkdown {
        guard let (parser, root) = CmarkEngine.parse(source) else {
            return RenderedMarkdown(html: .empty, plainText: [], paragraphText: "", internalLinks: [], headings: [])
        }
        defer { CmarkEngine.release(root: root, parser: parser) }

        let tree = CmarkTree(root: root)
        let inTargets = figures.map { tree.placeFigures($0) } ?? []
        var blocked: [(target: String, line: Int)] = []
        tree.removeSentinelsFromTargets()
        if !allowRawHTML {
            tree.escapeRawHTML()
            blocked = tree.unlinkUnsafeTargets()
        }
        tree.splitAutolinksAtCJK()
        let internalLinks = tree.rebaseRootRelativeLinks(basePath: basePath)
        tree.dropSoftBreaksBetweenCJK()
        let headings = tree.markHeadings(open: Self.markOpen, close: Self.markClose)
        let plain = tree.plainText()
        let paragraphs = tree.leadParagraphs(characters: 400)

        let html = TrustedHTML(utf8: CmarkEngine.withHTML(root: root, parser: parser, HTMLFinisher.finish))
        var rendered = RenderedMarkdown(
            html: html, plainText: plain, paragraphText: paragraphs, internalLinks: internalLinks, headings: headings)
        rendered.blockedLinks = blocked
        if let figures {
            let cited = Set(FigureMarkers.indices(in: html.string))
            rendered.figures = figures.filter { cited.contains($0.index) }
            rendered.figuresInTargets = inTargets
        }
        return rendered
    }
}

/// A cmark-gfm document tree and the passes Qingshan runs over it before rendering.
final class CmarkTree {
    let root: OpaquePointer
    /// The nodes the passes work on, collected in one walk (document order).
    private var rawHTML: [OpaquePointer] = []
    private var links: [OpaquePointer] = []
    private var softBreaks: [OpaquePointer] = []
    private var headingNodes: [OpaquePointer] = []
    private var paragraphs: [OpaquePointer] = []

    init(root: OpaquePointer) {
        self.root = root
        CmarkTree.enter(root) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: rawHTML.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            case CMARK_NODE_SOFTBREAK: softBreaks.append(node)
            case CMARK_NODE_HEADING: headingNodes.append(node)
            case CMARK_NODE_PARAGRAPH: paragraphs.append(node)
            default: break
            }
        }
    }

    /// Calls `body` with every node under `root` (itself included), in document order.
    static func enter(_ root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            body(node)
        }
    }

    /// A node's text as the reader sees it (without emphasis sentinels).
    static func literal(_ node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        appendLiteral(node, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a node's literal as UTF-8, dropping the emphasis sentinel (E2 B8 AE).
    static func appendLiteral(_ node: OpaquePointer, to out: inout [UInt8]) {
        guard let c = cmark_node_get_literal(node) else { return }
        let count = strlen(c)
        c.withMemoryRebound(to: UInt8.self, capacity: count) { p in
            let bytes = UnsafeBufferPointer(start: p, count: count)
            var copied = 0
            var from = 0
            while let at = ByteSearch.firstIndex(of: 0xE2, in: bytes, from: from) {
                from = at + 1
                guard at + 2 < count, bytes[at + 1] == 0xB8, bytes[at + 2] == 0xAE else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<at]))
                copied = at + 3
                from = copied
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        }
    }

    /// A new node in the document's allocator: cmark-gfm links only nodes of one allocator
    /// (and the document's is its arena).
    func makeNode(_ type: cmark_node_type) -> OpaquePointer? {
        cmark_node_new_with_mem(type, qs_arena_mem())
    }

    func makeText(_ text: String) -> OpaquePointer? {
        guard let node = makeNode(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, text)
        return node
    }

    /// Code shows the figures as written (`{{ledger.received}}`, `\{{`), text shows `\{{` as
    /// braces. Returns the figures written into a link or image target (their markers are
    /// taken out of it).
    func placeFigures(_ references: [FigureReference]) -> [FigureReference] {
        var inTargets: [FigureReference] = []
        CmarkTree.enter(root) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                let literal = CmarkTree.rawLiteral(node)
                guard FigureMarkers.holdsMarkers(literal) else { return }
                cmark_node_set_literal(node, FigureMarkers.restoringWritten(literal, references: references))
            case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                let literal = CmarkTree.rawLiteral(node)
                guard FigureMarkers.holdsMarkers(literal) else { return }
                cmark_node_set_literal(node, FigureMarkers.unescapingBraces(literal))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard let urlC = cmark_node_get_url(node) else { return }
                let url = String(cString: urlC)
                guard FigureMarkers.holdsMarkers(url) else { return }
                inTargets += FigureMarkers.indices(in: url).compactMap { i in references.first { $0.index == i } }
                cmark_node_set_url(node, FigureMarkers.restoringWritten(url, references: references))
            default: return
            }
        }
        return inTargets
    }

    /// A node's literal exactly as stored.
    static func rawLiteral(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_literal(node) else { return "" }
        return String(cString: c)
    }

    /// Raw HTML becomes visible text: `<script>` never reaches the page.
    func escapeRawHTML() {
        for node in rawHTML {
            let raw = CmarkTree.literal(node)
            if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
                guard let text = makeText(raw) else { continue }
                cmark_node_replace(node, text)
                cmark_node_free(node)
            } else {
                guard let paragraph = makeNode(CMARK_NODE_PARAGRAPH) else { continue }
                let lines = raw.hasSuffix("\n") ? String(raw.dropLast()) : raw
                for (i, line) in lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if i > 0, let br = makeNode(CMARK_NODE_LINEBREAK) { cmark_node_append_child(paragraph, br) }
                    if let text = makeText(String(line)) { cmark_node_append_child(paragraph, text) }
                }
                cmark_node_replace(node, paragraph)
                cmark_node_free(node)
            }
        }
    }

    /// The emphasis pass may put sentinels into a link target, and an author can spell one with
    /// a reference (`&#x2E2E;`): they go here, in the tree, so that the finisher never edits a
    /// target and the safety check sees what is published (when the finisher removed them
    /// after the check, `java%E2%B8%AEscript:` passed as relative: found by fuzzing).
    func removeSentinelsFromTargets() {
        for node in links {
            guard let urlC = cmark_node_get_url(node) else { continue }
            let target = String(cString: urlC)
            guard target.unicodeScalars.contains("\u{2E2E}") else { continue }
            cmark_node_set_url(
                node, String(String.UnicodeScalarView(target.unicodeScalars.filter { $0 != "\u{2E2E}" })))
        }
    }

    /// A link or image whose target may run a script or open a document (`LinkSafety`) is not
    /// published as one: its text (an image's description) stays, as text. Returns the targets.
    func unlinkUnsafeTargets() -> [(target: String, line: Int)] {
        var blocked: [(target: String, line: Int)] = []
        links = links.filter { node in
            guard let urlC = cmark_node_get_url(node) else { return true }
            let target = String(cString: urlC)
            let image = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            if LinkSafety.isSafe(target, image: image) { return true }
            blocked.append((target, Int(cmark_node_get_start_line(node))))
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
            return false
        }
        return blocked
    }

    /// A bare URL runs until whitespace in GFM; in Chinese text it must stop at the first
    /// CJK character or full-width punctuation: `请登录https://example.gov.cn/查询。`.
    func splitAutolinksAtCJK() {
        links = links.filter { cmark_node_get_type($0) != CMARK_NODE_LINK || splitAutolink($0) }
    }

    /// Splits one autolink; false when the link was replaced by plain text (and freed).
    private func splitAutolink(_ link: OpaquePointer) -> Bool {
        guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT, let urlC = cmark_node_get_url(link)
        else { return true }
        let url = String(cString: urlC)
        let text = CmarkTree.literal(child)
        let prefix: String
        if url == text {
            prefix = ""
        } else if url == "http://" + text {
            prefix = "http://"
        } else if url == "mailto:" + text {
            prefix = "mailto:"
        } else {
            return true
        }
        guard let cut = text.unicodeScalars.firstIndex(where: CJK.isWide) else { return true }
        let head = String(text.unicodeScalars[..<cut])
        let tail = String(text.unicodeScalars[cut...])
        if head.isEmpty || head.hasSuffix("://") {
            // Nothing of a URL is left: the whole thing is plain text.
            guard let whole = makeText(text) else { return true }
            cmark_node_replace(link, whole)
            cmark_node_free(link)
            return false
        }
        guard let tailNode = makeText(tail) else { return true }
        cmark_node_set_literal(child, head)
        cmark_node_set_url(link, prefix + head)
        cmark_node_insert_after(link, tailNode)
        return true
    }

    /// Links and images written root-relative (`/news/x/`) point into the site: they get the
    /// base path of base_url. Returns the targets as written, for the broken-link check.
    func rebaseRootRelativeLinks(basePath: String) -> [String] {
        var targets: [String] = []
        for node in links {
            guard let urlC = cmark_node_get_url(node) else { continue }
            let url = String(cString: urlC)
            guard url.hasPrefix("/"), !url.hasPrefix("//") else { continue }
            targets.append(url)
            if basePath != "/" { cmark_node_set_url(node, basePath + url.dropFirst()) }
        }
        return targets
    }

    /// A line break inside a paragraph between two CJK characters is not a space.
    func dropSoftBreaksBetweenCJK() {
        for node in softBreaks {
            guard let prev = cmark_node_previous(node), let next = cmark_node_next(node),
                let a = CmarkTree.edgeScalar(prev, last: true), let b = CmarkTree.edgeScalar(next, last: false),
                CJK.isWide(a), CJK.isWide(b)
            else { continue }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// The first or last visible character of an inline node (descending into emphasis, links).
    static func edgeScalar(_ node: OpaquePointer, last: Bool) -> Unicode.Scalar? {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
            let text = literal(node).unicodeScalars
            return last ? text.last : text.first
        }
        guard let child = last ? cmark_node_last_child(node) : cmark_node_first_child(node) else { return nil }
        return edgeScalar(child, last: last)
    }

    /// Gives each heading an id from its text (Chinese kept, duplicates numbered) and
    /// prepends a private-use marker that `MarkdownRenderer.finish` turns into the attribute.
    func markHeadings(open: String, close: String) -> [MarkdownHeading] {
        var used: [String: Int] = [:]
        var headings: [MarkdownHeading] = []
        for node in headingNodes {
            let text = ChineseText.collapseWhitespace(CmarkTree.text(of: node))
            // A figure's value changes with the data; the heading's address may not.
            var id = Slug.make(FigureMarkers.resolve(text) { _ in "" })
            if id.isEmpty { id = "section" }
            if let n = used[id] {
                used[id] = n + 1
                var candidate = "\(id)-\(n)"
                while used[candidate] != nil { candidate += "-1" }
                used[candidate] = 1
                id = candidate
            } else {
                used[id] = 1
            }
            guard let marker = makeNode(CMARK_NODE_HTML_INLINE) else { continue }
            cmark_node_set_literal(marker, open + id + close)
            cmark_node_prepend_child(node, marker)
            headings.append(MarkdownHeading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
        }
        return headings
    }

    /// The first paragraphs' text, until it holds at least `characters` bytes' worth (summaries).
    func leadParagraphs(characters: Int) -> String {
        var parts: [String] = []
        var total = 0
        for node in paragraphs {
            let text = CmarkTree.text(of: node)
            parts.append(text)
            total += text.utf8.count / 3 + 1
            if total >= characters { break }
        }
        return parts.joined(separator: "\n")
    }

    /// The text under a node, inline breaks as spaces.
    static func text(of node: OpaquePointer) -> String {
        var out: [UInt8] = []
        guard let iter = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(n)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                appendLiteral(n, to: &out)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out.append(0x20)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The document's visible text, one line per block.
    func plainText() -> [UInt8] {
        var out: [UInt8] = []
        guard let iter = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let n = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(n)
            if event == CMARK_EVENT_ENTER {
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                    CmarkTree.appendLiteral(n, to: &out)
                } else if type == CMARK_NODE_CODE_BLOCK {
                    CmarkTree.appendLiteral(n, to: &out)
                    out.append(0x0A)
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    out.append(0x20)
                }
            } else if event == CMARK_EVENT_EXIT,
                type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK),
                out.last != 0x0A
            {
                out.append(0x0A)
            }
        }
        while let last = out.last, last == 0x0A || last == 0x20 { out.removeLast() }
        var start = 0
        while start < out.count, out[start] == 0x0A || out[start] == 0x20 { start += 1 }
        // A copy of exactly its size, from the bytes (an Array of a whole-array slice would keep
        // the buffer, which grew by doubling): 10,000 articles keep their text the whole build.
        return out.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[start...])) }
    }
}
