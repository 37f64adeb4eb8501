import QingshanCore

/// Tokens for the site search: Han text as overlapping character bigrams, Latin words and
/// numbers as lower-cased words. (A one-character query is answered from the bigrams.)
public enum SearchTokenizer {
    /// A Han token packed as two 21-bit scalars (a lone character has 0 as its second half);
    /// packing keeps the indexer free of string allocations.
    public static func pack(_ a: Unicode.Scalar, _ b: Unicode.Scalar?) -> UInt64 {
        UInt64(a.value) << 21 | UInt64(b?.value ?? 0)
    }

    public static func unpack(_ token: UInt64) -> String {
        var out = String.UnicodeScalarView()
        if let a = Unicode.Scalar(UInt32(token >> 21)) { out.append(a) }
        if token & 0x1F_FFFF != 0, let b = Unicode.Scalar(UInt32(token & 0x1F_FFFF)) { out.append(b) }
        return String(out)
    }

    /// Gives `sink` every bigram (or lone Han character) and every word. Walks the UTF-8 bytes:
    /// Han characters of the basic block and ASCII are told apart without decoding, and a word
    /// is cut from the bytes it spans. (Generic, not closures: a call per bigram through a
    /// closure was a third of the search's time.)
    public static func visit<Sink: SearchTokenSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { visit(utf8: $0, into: &sink) }
    }

    /// `visit` over UTF-8 text.
    public static func visit<Sink: SearchTokenSink>(_ text: [UInt8], into sink: inout Sink) {
        text.withUnsafeBufferPointer { visit(utf8: $0, into: &sink) }
    }

    static func visit<Sink: SearchTokenSink>(utf8 bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var previous: UInt32 = 0  // 0: no Han character before
        var runLength = 0
        var wordStart = -1  // -1: no word open
        var wordASCII = true
        var wordDigits = true
        @inline(__always) func endHan() {
            if runLength == 1 { sink.han(UInt64(previous) << 21) }
            runLength = 0
            previous = 0
        }
        func endWord(at end: Int) {
            guard wordStart >= 0 else { return }
            var w: String
            let part = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
            if wordASCII {
                w = String(unsafeUninitializedCapacity: part.count) { buffer in
                    for (k, b) in part.enumerated() { buffer[k] = (0x41...0x5A).contains(b) ? b | 0x20 : b }
                    return part.count
                }
            } else {
                w = String(decoding: part, as: UTF8.self).lowercased()
            }
            if w.hasSuffix(".") { w.removeLast() }
            if !w.isEmpty { sink.word(w) }
            wordStart = -1
        }
        @inline(__always) func letter(_ value: UInt32) {
            if previous != 0 { sink.han(UInt64(previous) << 21 | UInt64(value)) }
            previous = value
            runLength += 1
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) {
                    endHan()
                    if wordStart < 0 {
                        wordStart = i
                        wordASCII = true
                        wordDigits = true
                    }
                    if b > 0x39 { wordDigits = false }
                } else if b == 0x2E, wordStart >= 0, wordDigits {
                    wordDigits = false  // keep decimals together: 2.5, 0.15 (one point)
                } else {
                    endHan()
                    endWord(at: i)
                }
                i += 1
                continue
            }
            if (0xE4...0xE9).contains(b), i + 2 < bytes.count {
                var value = UTF8Scalar.threeByteValue(bytes, at: i)
                if value >= 0x4E00 {  // U+4E00…U+9FFF, a Han character
                    if wordStart >= 0 { endWord(at: i) }
                    // The run of such characters, its state in locals (most of a Chinese
                    // text is such runs).
                    var last = previous
                    var run = runLength
                    repeat {
                        if last != 0 { sink.han(UInt64(last) << 21 | UInt64(value)) }
                        last = value
                        run += 1
                        i += 3
                        guard i + 2 < bytes.count, (0xE4...0xE9).contains(bytes[i]) else { break }
                        value = UTF8Scalar.threeByteValue(bytes, at: i)
                    } while value >= 0x4E00
                    previous = last
                    runLength = run
                    continue
                }
            }
            guard let (value, length) = UTF8Scalar.decode(bytes, at: i, upTo: bytes.count),
                let s = Unicode.Scalar(value)
            else { break }
            if CJK.isLetter(s) {
                endWord(at: i)
                letter(value)
            } else if WordScalars.isAlphabeticOrDigit(s) {
                endHan()
                if wordStart < 0 {
                    wordStart = i
                    wordDigits = true
                }
                wordASCII = false
                wordDigits = false
            } else {
                endHan()
                endWord(at: i)
            }
            i += length
        }
        endHan()
        endWord(at: bytes.count)
    }

    /// The tokens as strings, in order (tests and small inputs).
    public static func tokens(_ text: String) -> [String] {
        struct Strings: SearchTokenSink {
            var out: [String] = []
            mutating func han(_ token: UInt64) { out.append(SearchTokenizer.unpack(token)) }
            mutating func word(_ word: String) { out.append(word) }
        }
        var strings = Strings()
        visit(text, into: &strings)
        return strings.out
    }
}

/// What takes the tokens of a text (`SearchTokenizer.visit`).
public protocol SearchTokenSink {
    /// A Han bigram, or a lone Han character (`SearchTokenizer.pack`).
    mutating func han(_ token: UInt64)
    /// A Latin word or number, lower-cased.
    mutating func word(_ word: String)
}

/// The tokens of a text in order, Han and words apart.
struct TokenLists: SearchTokenSink {
    var han: [UInt64] = []
    var words: [String] = []
    mutating func han(_ token: UInt64) { han.append(token) }
    mutating func word(_ word: String) { words.append(word) }
}
