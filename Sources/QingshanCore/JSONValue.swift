import Foundation

/// A JSON document with ordered keys, so open-data files are stable and read in the order
/// docs/RULES.md (Open data files) lists their keys.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func optional(_ value: Day?) -> JSONValue { value.map { .string($0.iso) } ?? .null }
    public static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }

    /// Compact UTF-8 JSON; with `pretty`, one key per line (two-space indent).
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// The same JSON as UTF-8 bytes (written as bytes: open data holds thousands of records).
    public func bytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, pretty: pretty, indent: 0)
        if pretty { out.append(0x0A) }
        return out
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out += [0x20, 0x20] }
    }

    private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): JSONValue.quote(s, into: &out)
        case .int(let i): out += Array(String(i).utf8)
        case .double(let d):
            if d.isFinite {
                // Up to four decimals, without trailing zeros: 0.5, 0.9333.
                var text = String(format: "%.4f", d)
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
                out += Array(text.utf8)
            } else {
                out += Array("null".utf8)
            }
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .null: out += Array("null".utf8)
        case .array(let items):
            if items.isEmpty {
                out += [0x5B, 0x5D]
                return
            }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { newline(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(0x5D)
        case .object(let pairs):
            if pairs.isEmpty {
                out += [0x7B, 0x7D]
                return
            }
            out.append(0x7B)
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { newline(&out, indent + 1) }
                JSONValue.quote(pair.0, into: &out)
                out += pretty ? [0x3A, 0x20] : [0x3A]
                pair.1.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(0x7D)
        }
    }

    /// RFC 8259 string escaping; `<`, `>` and `&` are escaped too so JSON is safe inside HTML.
    public static func quote(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        quote(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The quoting of `quote(_:into:)`, written as UTF-8 bytes.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var bytes = s.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = bytes.next() {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x3C: out += Array("\\u003c".utf8)
            case 0x3E: out += Array("\\u003e".utf8)
            case 0x26: out += Array("\\u0026".utf8)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
                pending = [byte]
                if let second = bytes.next() { pending.append(second) }
                if let third = bytes.next() { pending.append(third) }
                if pending.count == 3, pending[1] == 0x80, pending[2] == 0xA8 || pending[2] == 0xA9 {
                    out += Array((pending[2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    out += pending
                }
            default:
                if byte < 0x20 {
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                } else {
                    out.append(byte)
                }
            }
        }
        out.append(0x22)
    }
}

/// CSV that opens in Excel: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting,
/// and cells that Excel would run as a formula (= + - @, tab, CR) neutralized with a quote.
public enum CSVTable {
    public static func render(header: [String], rows: [[String]]) -> Data {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in [header] + rows {
            for (i, value) in row.enumerated() {
                if i > 0 { out.append(0x2C) }
                cell(value, into: &out)
            }
            out += [0x0D, 0x0A]
        }
        return Data(out)
    }

    /// One cell, written as UTF-8 bytes (a ledger's CSV has 100,000 cells).
    static func cell(_ value: String, into out: inout [UInt8]) {
        let bytes = value.utf8
        let formula = bytes.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } ?? false
        let quoted = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if quoted { out.append(0x22) }
        if formula { out.append(0x27) }
        for byte in bytes {
            out.append(byte)
            if quoted, byte == 0x22 { out.append(0x22) }
        }
        if quoted { out.append(0x22) }
    }

    /// One cell as text (tests).
    static func cell(_ value: String) -> String {
        var out: [UInt8] = []
        cell(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
