import QingshanCore

/// The last pass over cmark-gfm's HTML, one scan over its UTF-8 bytes: strips the emphasis
/// sentinels from the text, turns heading markers into `id` attributes and gives task-list
/// checkboxes an accessible name (WCAG 4.1.2). It never edits a link target: sentinels are
/// taken out of targets in the tree, before their safety is checked.
enum HTMLFinisher {
    // U+2E2E in UTF-8.
    private static let sentinel: [UInt8] = [0xE2, 0xB8, 0xAE]
    // U+E000 and U+E001, the heading-id markers.
    private static let markOpen: [UInt8] = [0xEE, 0x80, 0x80]
    private static let markClose: [UInt8] = [0xEE, 0x80, 0x81]
    private static let checkbox = Array("<input type=\"checkbox\"".utf8)
    private static let checked = Array(" checked=\"\"".utf8)
    private static let doneLabel = Array(" aria-label=\"已完成\"".utf8)
    private static let openLabel = Array(" aria-label=\"未完成\"".utf8)

    static func finish(_ html: String) -> String {
        var html = html
        return String(decoding: html.withUTF8(finish), as: UTF8.self)
    }

    /// The finished HTML of cmark-gfm's UTF-8 output, as bytes (`TrustedHTML`).
    static func finish(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // The bytes that may start something to rewrite in this document, each looked for only
        // when its pattern occurs at all (a page without task lists never stops at `<`).
        var starts: [UInt8] = []
        for (lead, pattern) in [(0xE2, sentinel), (0xEE, markOpen), (0x3C, checkbox)]
        where ByteSearch.contains(pattern, in: bytes) {
            starts.append(UInt8(lead))
        }
        if starts.isEmpty { return Array(bytes) }
        let n = bytes.count
        var next = starts.map { ByteSearch.firstIndex(of: $0, in: bytes, from: 0) ?? n }
        var out: [UInt8] = []
        out.reserveCapacity(n + 64)
        var i = 0
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            guard index + pattern.count <= n else { return false }
            for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
            return true
        }
        while i < n {
            let stop = next.min() ?? n
            if stop > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<stop]))
                i = stop
                if i >= n { break }
            }
            let b = bytes[i]
            if b == 0xE2, matches(sentinel, at: i) {
                i += 3
            } else if b == 0xEE, matches(markOpen, at: i) {
                // Preceded by `<hN>`: reopen the tag and write the id into it.
                var end = i + 3
                while end < n, !matches(markClose, at: end) { end += 1 }
                if out.count >= 4, out[out.count - 1] == UInt8(ascii: ">"), out[out.count - 4] == UInt8(ascii: "<"),
                    out[out.count - 3] == UInt8(ascii: "h")
                {
                    out.removeLast()
                    out.append(contentsOf: Array(" id=\"".utf8))
                    out.append(contentsOf: bytes[(i + 3)..<min(end, n)])
                    out.append(contentsOf: Array("\">".utf8))
                }
                i = min(end + 3, n)
            } else if b == 0x3C, matches(checkbox, at: i) {
                var end = i
                while end < n, bytes[end] != UInt8(ascii: ">") { end += 1 }
                var tag = Array(bytes[i..<min(end, n)])
                let isChecked = tag.indices.contains { matchesIn(tag, checked, at: $0) }
                if tag.last == UInt8(ascii: "/") { tag.removeLast() }
                while tag.last == UInt8(ascii: " ") { tag.removeLast() }
                out.append(contentsOf: tag)
                out.append(contentsOf: isChecked ? doneLabel : openLabel)
                out.append(contentsOf: Array(" />".utf8))
                i = min(end + 1, n)
            } else {
                out.append(b)
                i += 1
            }
            for k in starts.indices where next[k] < i {
                next[k] = ByteSearch.firstIndex(of: starts[k], in: bytes, from: i) ?? n
            }
        }
        return out
    }

    private static func matchesIn(_ bytes: [UInt8], _ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
        return true
    }
}
