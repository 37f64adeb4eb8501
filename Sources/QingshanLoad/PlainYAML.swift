/// Composes the plain block YAML that front matter and ledgers almost always are — `key: value`
/// lines, `- ` items, `[a, b]` lists, quoted strings without escapes — into the tree Yams would
/// give, positions included, without Yams' per-document cost (parser set-up, an event object
/// per token). Anything else — comments, flow mappings, escapes, multi-line or block scalars,
/// anchors, tags, tabs, empty values, duplicate keys — answers nil, and the caller asks Yams,
/// which also reports every syntax error. `PlainYAMLTests` composes every fixture and sample
/// file both ways and compares the trees.
enum PlainYAML {
    struct Line {
        var number: Int
        var indent: Int
        /// The content's byte range in the text (after the indent, trailing spaces dropped).
        var start: Int
        var end: Int
        /// Unicode scalars from the line start to `start` (for columns).
        var column: Int
    }

    static func compose(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes -> YAMLNode? in
            guard var lines = split(bytes), !lines.isEmpty else { return nil }
            var cursor = 0
            guard let root = block(bytes, &lines, &cursor, indent: lines[0].indent), cursor == lines.count
            else { return nil }
            return root
        }
    }

    /// Non-blank lines; nil for what the subset leaves to Yams (tabs, CR, comments, markers,
    /// characters YAML does not allow or reads as line breaks).
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line]? {
        guard printable(bytes) else { return nil }
        var lines: [Line] = []
        var number = 1
        var i = 0
        let n = bytes.count
        while i <= n {
            var end = i
            while end < n, bytes[end] != 0x0A { end += 1 }
            var start = i
            while start < end, bytes[start] == 0x20 { start += 1 }
            var last = end
            while last > start, bytes[last - 1] == 0x20 { last -= 1 }
            if last > start {
                let first = bytes[start]
                if first == 0x23 { return nil }  // a comment line
                if last - start >= 3, first == 0x2D || first == 0x2E, bytes[start + 1] == first,
                    bytes[start + 2] == first
                {
                    return nil  // --- or ...
                }
                for k in start..<last where bytes[k] == 0x23 && k > start && bytes[k - 1] == 0x20 { return nil }
                lines.append(Line(number: number, indent: start - i, start: start, end: last, column: start - i + 1))
            }
            number += 1
            i = end + 1
        }
        return lines
    }

    /// No control characters but LF (so no tab and no CR either), no C1 controls (U+0085 is a YAML line break), no U+2028/
    /// U+2029 line and paragraph separators, no U+FFFE/U+FFFF: libyaml rejects or splits on them.
    static func printable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var k = 0
        while k < n {
            let b = bytes[k]
            if b < 0x20 && b != 0x0A || b == 0x7F { return false }
            if b == 0xC2, k + 1 < n, (0x80...0x9F).contains(bytes[k + 1]) { return false }
            if b == 0xE2, k + 2 < n, bytes[k + 1] == 0x80, bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9 { return false }
            if b == 0xEF, k + 2 < n, bytes[k + 1] == 0xBF, bytes[k + 2] == 0xBE || bytes[k + 2] == 0xBF { return false }
            k += 1
        }
        return true
    }

    static func isDash(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        bytes[line.start] == 0x2D && (line.end == line.start + 1 || bytes[line.start + 1] == 0x20)
    }

    static func block(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: inout [Line], _ cursor: inout Int, indent: Int)
        -> YAMLNode?
    {
        guard cursor < lines.count, lines[cursor].indent == indent else { return nil }
        return isDash(bytes, lines[cursor])
            ? sequence(bytes, &lines, &cursor, indent: indent) : mapping(bytes, &lines, &cursor, indent: indent)
    }

    static func mapping(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: inout [Line], _ cursor: inout Int, indent: Int)
        -> YAMLNode?
    {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys = Set<String>()
        let mark = YAMLNode.YAMLMark(line: lines[cursor].number, column: lines[cursor].column)
        while cursor < lines.count, lines[cursor].indent == indent, !isDash(bytes, lines[cursor]) {
            let line = lines[cursor]
            guard let colon = keyEnd(bytes, line) else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.start..<colon]), as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }  // Yams reports duplicates
            let keyNode = YAMLNode.scalar(
                .init(string: key, isPlain: true, mark: .init(line: line.number, column: line.column)))
            var valueStart = colon + 1
            while valueStart < line.end, bytes[valueStart] == 0x20 { valueStart += 1 }
            cursor += 1
            let value: YAMLNode?
            if valueStart == line.end {
                if cursor < lines.count, lines[cursor].indent > indent {
                    value = block(bytes, &lines, &cursor, indent: lines[cursor].indent)
                } else if cursor < lines.count, lines[cursor].indent == indent, isDash(bytes, lines[cursor]) {
                    value = sequence(bytes, &lines, &cursor, indent: indent)
                } else {
                    value = nil  // an empty value: null, left to Yams
                }
            } else {
                value = inline(
                    bytes, valueStart, line.end, line: line.number,
                    column: line.column + scalars(bytes, line.start, valueStart))
            }
            guard let value else { return nil }
            pairs.append((keyNode, value))
        }
        if cursor < lines.count, lines[cursor].indent > indent { return nil }
        return .mapping(pairs, mark)
    }

    static func sequence(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: inout [Line], _ cursor: inout Int, indent: Int)
        -> YAMLNode?
    {
        var items: [YAMLNode] = []
        let mark = YAMLNode.YAMLMark(line: lines[cursor].number, column: lines[cursor].column)
        while cursor < lines.count, lines[cursor].indent == indent, isDash(bytes, lines[cursor]) {
            let line = lines[cursor]
            var start = line.start + 1
            while start < line.end, bytes[start] == 0x20 { start += 1 }
            guard start < line.end else { return nil }  // an item on the lines below: left to Yams
            let offset = scalars(bytes, line.start, start)
            let item = Line(
                number: line.number, indent: line.indent + offset, start: start, end: line.end,
                column: line.column + offset)
            if keyEnd(bytes, item) != nil {
                // `- key: value`: a mapping whose first line starts after the dash.
                lines[cursor] = item
                guard let map = mapping(bytes, &lines, &cursor, indent: item.indent) else { return nil }
                items.append(map)
            } else {
                guard let scalar = inline(bytes, start, line.end, line: line.number, column: item.column) else {
                    return nil
                }
                items.append(scalar)
                cursor += 1
            }
        }
        if cursor < lines.count, lines[cursor].indent > indent { return nil }
        return .sequence(items, mark)
    }

    /// The colon ending a plain key (`key: value` or `key:`), or nil when the line is not one.
    static func keyEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Int? {
        guard startsPlain(bytes[line.start]) else { return nil }
        var k = line.start
        while k < line.end {
            let b = bytes[k]
            if b == 0x3A {
                guard k + 1 == line.end || bytes[k + 1] == 0x20 else {
                    k += 1
                    continue
                }
                return k > line.start && bytes[k - 1] != 0x20 ? k : nil
            }
            if b == 0x22 || b == 0x27 || b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D || b == 0x2C { return nil }
            k += 1
        }
        return nil
    }

    /// A scalar or `[a, b]` list on one line.
    static func inline(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int, column: Int)
        -> YAMLNode?
    {
        let first = bytes[start]
        let mark = YAMLNode.YAMLMark(line: line, column: column)
        if first == 0x22 || first == 0x27 {
            // "…" or '…' with no escapes and no quote inside.
            guard end - start >= 2, bytes[end - 1] == first else { return nil }
            for k in (start + 1)..<(end - 1) where bytes[k] == first || (first == 0x22 && bytes[k] == 0x5C) {
                return nil
            }
            let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(end - 1)]), as: UTF8.self)
            return .scalar(.init(string: inner, isPlain: false, mark: mark))
        }
        if first == 0x5B {
            guard bytes[end - 1] == 0x5D else { return nil }
            var items: [YAMLNode] = []
            var k = start + 1
            while k < end - 1 {
                while k < end - 1, bytes[k] == 0x20 { k += 1 }
                var itemEnd = k
                while itemEnd < end - 1, bytes[itemEnd] != 0x2C { itemEnd += 1 }
                var last = itemEnd
                while last > k, bytes[last - 1] == 0x20 { last -= 1 }
                if last == k {
                    // An empty list, or an empty item (left to Yams).
                    guard items.isEmpty, itemEnd == end - 1 else { return nil }
                    break
                }
                guard startsPlain(bytes[k]) else { return nil }
                for j in k..<last {
                    let b = bytes[j]
                    if b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D || b == 0x22 || b == 0x27 { return nil }
                    if b == 0x3A, j + 1 == last || bytes[j + 1] == 0x20 || bytes[j + 1] == 0x2C { return nil }
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<last]), as: UTF8.self)
                items.append(
                    .scalar(
                        .init(
                            string: text, isPlain: true,
                            mark: .init(line: line, column: column + scalars(bytes, start, k)))))
                k = itemEnd + 1
                if itemEnd < end - 1, k >= end - 1 { return nil }  // a trailing comma
            }
            return .sequence(items, mark)
        }
        guard startsPlain(first) else { return nil }
        for k in start..<end where bytes[k] == 0x3A && (k + 1 == end || bytes[k + 1] == 0x20) { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return .scalar(.init(string: text, isPlain: true, mark: mark))
    }

    /// Whether a plain scalar may start with this byte (not an indicator, not a space).
    static func startsPlain(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25,
            0x40, 0x60:
            return false
        default:
            return true
        }
    }

    /// Unicode scalars in bytes[from..<to] (columns count scalars, as libyaml does).
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        for k in from..<to where bytes[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
