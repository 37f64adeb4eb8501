import Foundation

/// Byte searches over UTF-8 text through libc's `memchr`, which looks at many bytes per step:
/// the checks that run over every document (a CR, a marker byte) cost next to nothing.
public enum ByteSearch {
    /// The first index at or after `from` holding `byte`, or nil.
    @inlinable
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, from < bytes.count else { return nil }
        guard let hit = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `bytes` hold `byte`.
    @inlinable
    public static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: byte, in: bytes) != nil
    }

    /// Whether the UTF-8 of `text` holds `byte`.
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains(byte, in: $0) }
    }

    /// The first index at or after `from` where `pattern` (at least one byte long) starts:
    /// `memchr` finds each place its first byte occurs.
    public static func firstIndex(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let first = pattern.first else { return from }
        var from = from
        while let at = firstIndex(of: first, in: bytes, from: from) {
            if at + pattern.count > bytes.count { return nil }
            var k = 1
            while k < pattern.count, bytes[at + k] == pattern[k] { k += 1 }
            if k == pattern.count { return at }
            from = at + 1
        }
        return nil
    }

    /// Whether `bytes` hold `pattern`.
    public static func contains(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: pattern, in: bytes) != nil
    }
}
