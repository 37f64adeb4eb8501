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

/// Eight bytes at a time, for the scans that step over most of a page: a word of UTF-8 loaded
/// from any offset, and which of its bytes are below a bound or equal to a byte, by the borrow
/// trick (subtracting 0x01 from every byte borrows into the high bit exactly where a byte was
/// below it; a byte of the word that already had its high bit set never counts).
public enum ByteWord {
    /// The eight bytes at `i` (the caller keeps `i + 8` within the buffer).
    @inlinable @inline(__always)
    public static func load(_ base: UnsafePointer<UInt8>, at i: Int) -> UInt64 {
        UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
    }

    /// `byte` in every byte of a word.
    @inlinable @inline(__always)
    public static func spread(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// Non-zero when some byte of `word` is below `bound` (at most 0x80).
    @inlinable @inline(__always)
    public static func below(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        (word &- spread(bound)) & ~word & 0x8080_8080_8080_8080
    }

    /// Non-zero when some byte of `word` is `byte`.
    @inlinable @inline(__always)
    public static func holds(_ word: UInt64, _ byte: UInt8) -> UInt64 { below(word ^ spread(byte), 1) }
}
