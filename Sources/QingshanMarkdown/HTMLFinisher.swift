/// The last pass over cmark-gfm's HTML, one scan over its UTF-8 bytes: strips the emphasis
/// sentinels (raw and percent-encoded), turns heading markers into `id` attributes and gives
/// task-list checkboxes an accessible name (WCAG 4.1.2).
enum HTMLFinisher {
    // U+2E2E in UTF-8, and as cmark percent-encodes it inside URLs.
    private static let sentinel: [UInt8] = [0xE2, 0xB8, 0xAE]
    private static let encodedSentinel = Array("%E2%B8%AE".utf8)
    // U+E000 and U+E001, the heading-id markers.
    private static let markOpen: [UInt8] = [0xEE, 0x80, 0x80]
    private static let markClose: [UInt8] = [0xEE, 0x80, 0x81]
    private static let checkbox = Array("<input type=\"checkbox\"".utf8)
    private static let checked = Array(" checked=\"\"".utf8)
    private static let doneLabel = Array(" aria-label=\"已完成\"".utf8)
    private static let openLabel = Array(" aria-label=\"未完成\"".utf8)

    /// Bytes that may start something to rewrite; runs of any other byte are copied whole.
    private static let special: [Bool] = (0...255).map { $0 == 0xE2 || $0 == 0x25 || $0 == 0xEE || $0 == 0x3C }

    static func finish(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var i = 0
            let n = bytes.count
            func matches(_ pattern: [UInt8], at index: Int) -> Bool {
                guard index + pattern.count <= n else { return false }
                for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
                return true
            }
            while i < n {
                let b = bytes[i]
                if !special[Int(b)] {
                    var end = i + 1
                    while end < n, !special[Int(bytes[end])] { end += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                } else if b == 0xE2, matches(sentinel, at: i) {
                    i += 3
                } else if b == 0x25, matches(encodedSentinel, at: i) {
                    i += encodedSentinel.count
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
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func matchesIn(_ bytes: [UInt8], _ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
        return true
    }
}
