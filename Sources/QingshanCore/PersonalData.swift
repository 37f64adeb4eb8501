/// Recognizers for personal data in published text: mainland mobile numbers (with +86/0086,
/// spaces, hyphens or dots) and 18-digit resident ID numbers (GB 11643-1999); the rules are
/// written out in docs/THREAT-MODEL.md (the privacy guard).
public enum PersonalData {
    public enum Kind: String, Sendable {
        case mobile = "手机号码"
        case residentID = "身份证号码"
    }

    /// A number found in text: its kind, the text as written, its digits, and where it starts.
    public struct Match: Hashable, Sendable {
        public let kind: Kind
        public let text: String
        public let digits: String
        public let byteOffset: Int
    }

    /// The next index from `i` that may hold a digit: eight bytes at a time while none is one
    /// (most of a page's bytes). XOR with 0x30 maps exactly the digits below 10 (`ByteWord`).
    @inline(__always)
    static func skipNonDigits(_ base: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
        var i = start
        while i + 8 <= n {
            if ByteWord.below(ByteWord.load(base, at: i) ^ ByteWord.spread(0x30), 10) != 0 { break }
            i += 8
        }
        return i
    }

    /// A single character between digit groups of one number: space, hyphen or dot.
    @inline(__always)
    static func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2D || b == 0x2E }

    /// Every mobile or ID number in `bytes` (UTF-8), one linear scan. Run it over text folded
    /// by `ReaderText` (entities decoded, full-width digits as digits, invisible characters gone).
    /// Mobile: `(?<!\d)(?:(?:\+|00)86[-\s.]?)?1[3-9]\d{9}(?!\d)` and the grouped forms
    /// 3-4-4, 3-8, 7-4 and 4-4-3 with a space, hyphen or dot between groups; ID: `[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])
    /// (0[1-9]|[12]\d|3[01])\d{3}[\dXx]` between non-alphanumerics.
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var matches: [Match] = []
        let n = bytes.count
        @inline(__always) func isDigit(_ i: Int) -> Bool { i >= 0 && i < n && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        @inline(__always) func isAlnum(_ i: Int) -> Bool {
            guard i >= 0 && i < n else { return false }
            let b = bytes[i]
            return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
        guard let base = bytes.baseAddress else { return [] }
        var i = 0
        while i < n {
            guard isDigit(i) else {
                i = skipNonDigits(base, from: i + 1, count: n)
                continue
            }
            guard !isDigit(i - 1) else {
                i += 1
                continue
            }
            // A token: digit groups joined by single spaces or hyphens. Most numbers in a page
            // (dates, page numbers, counts) have fewer than the 11 digits any match needs: they
            // are stepped over without building anything.
            var tokenEnd = i
            var digitCount = 0
            var lastGroup = 0
            while tokenEnd < n {
                if isDigit(tokenEnd) {
                    digitCount += 1
                    lastGroup += 1
                    tokenEnd += 1
                } else if isSeparator(bytes[tokenEnd]), isDigit(tokenEnd + 1), lastGroup > 0 {
                    lastGroup = 0
                    tokenEnd += 1
                } else {
                    break
                }
            }
            if digitCount < 11 {
                i = tokenEnd
                continue
            }
            var digits: [UInt8] = []
            var groups: [Int] = []
            var j = i
            var groupLength = 0
            while j < n {
                if isDigit(j) {
                    digits.append(bytes[j])
                    groupLength += 1
                    j += 1
                } else if isSeparator(bytes[j]), isDigit(j + 1), groupLength > 0 {
                    groups.append(groupLength)
                    groupLength = 0
                    j += 1
                } else {
                    break
                }
            }
            groups.append(groupLength)
            let end = j
            // The whole token as one number, after an international prefix (+86, 0086).
            var candidate = digits
            var candidateGroups = groups
            var start = i
            func dropPrefix(_ count: Int) {
                candidate.removeFirst(count)
                if candidateGroups[0] == count { candidateGroups.removeFirst() } else { candidateGroups[0] -= count }
            }
            if i > 0, bytes[i - 1] == 0x2B, candidate.starts(with: [0x38, 0x36]), groups[0] >= 2 {
                dropPrefix(2)
                start = i - 1
            } else if candidate.starts(with: [0x30, 0x30, 0x38, 0x36]), groups[0] >= 4 {
                dropPrefix(4)
            }
            if !candidateGroups.isEmpty, isMobile(candidate, groups: candidateGroups) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                matches.append(
                    Match(
                        kind: .mobile, text: text, digits: String(decoding: candidate, as: UTF8.self), byteOffset: start
                    ))
                i = end
                continue
            }
            // Otherwise each run of digits on its own: an 11-digit mobile or an 18-character ID.
            var runStart = i
            while runStart < end {
                var runEnd = runStart
                while runEnd < end, isDigit(runEnd) { runEnd += 1 }
                let run = Array(bytes[runStart..<runEnd])
                if isMobile(run, groups: [run.count]) {
                    matches.append(
                        Match(
                            kind: .mobile, text: String(decoding: run, as: UTF8.self),
                            digits: String(decoding: run, as: UTF8.self), byteOffset: runStart))
                } else if !isAlnum(runStart - 1) {
                    var id = run
                    var idEnd = runEnd
                    if id.count == 17, idEnd < n, bytes[idEnd] == 0x58 || bytes[idEnd] == 0x78 {
                        id.append(bytes[idEnd])
                        idEnd += 1
                    }
                    if id.count == 18, !isAlnum(idEnd), isResidentID(id) {
                        matches.append(
                            Match(
                                kind: .residentID, text: String(decoding: id, as: UTF8.self),
                                digits: String(decoding: id, as: UTF8.self), byteOffset: runStart))
                    }
                }
                runStart = runEnd + 1
            }
            i = end
        }
        return matches
    }

    /// A number's digits as a dictionary key without a String: its value (the last 18 digits)
    /// and how many digits it has (leading zeros count: `0632…` is not `632…`).
    public struct DigitKey: Hashable, Sendable {
        public var value: UInt64
        public var count: Int

        static let limit: UInt64 = 100_000_000_000_000_000  // 10^17: keeps 18 digits

        public init(value: UInt64 = 0, count: Int = 0) {
            self.value = value
            self.count = count
        }

        /// The key of a string of digits; nil when it holds anything else.
        public init?(_ digits: String) {
            self.init()
            for byte in digits.utf8 {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                append(byte)
            }
        }

        @inline(__always)
        mutating func append(_ digit: UInt8) {
            value = (value % Self.limit) * 10 + UInt64(digit - 0x30)
            count += 1
        }

        /// The last `k` digits (k ≤ 18).
        public func suffix(_ k: Int) -> DigitKey {
            var power: UInt64 = 1
            for _ in 0..<k { power *= 10 }
            return DigitKey(value: value % power, count: k)
        }
    }

    /// Calls `body` with every number in `bytes` written with at least `minimum` digits, groups
    /// joined by single spaces, hyphens or dots (`0632-555 1234` → 06325551234): landlines and
    /// other phone-like values are looked up by them.
    public static func forEachNumber(
        _ bytes: UnsafeBufferPointer<UInt8>, minimum: Int, _ body: (DigitKey) -> Void
    ) {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return }
        var i = 0
        while i < n {
            guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else {
                i = skipNonDigits(base, from: i + 1, count: n)
                continue
            }
            var key = DigitKey()
            while i < n {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 {
                    key.append(b)
                    i += 1
                } else if isSeparator(b), i + 1 < n, bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 {
                    i += 1
                } else {
                    break
                }
            }
            if key.count >= minimum { body(key) }
        }
    }

    public static func scan(_ text: String) -> [Match] {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    /// 11 digits, 1[3-9]…; written whole or grouped 3-4-4.
    static func isMobile(_ digits: [UInt8], groups: [Int]) -> Bool {
        guard digits.count == 11, digits[0] == 0x31, digits[1] >= 0x33, digits[1] <= 0x39 else { return false }
        return groups == [11] || groups == [3, 4, 4] || groups == [3, 8] || groups == [7, 4] || groups == [4, 4, 3]
    }

    /// The shape of an 18-character resident ID (the checksum is not required: any number of
    /// this shape is masked, the checksum only adds confidence).
    static func isResidentID(_ c: [UInt8]) -> Bool {
        guard c.count == 18, c[0] != 0x30 else { return false }
        func num(_ a: Int, _ b: Int) -> Int { c[a..<b].reduce(0) { $0 * 10 + Int($1) - 0x30 } }
        let century = num(6, 8)
        let month = num(10, 12)
        let day = num(12, 14)
        return (18...20).contains(century) && (1...12).contains(month) && (1...31).contains(day)
    }

    /// GB 11643-1999 check character (ISO 7064 MOD 11-2): weights 2^(18−i) mod 11.
    public static func checkCharacter(_ first17: String) -> Character? {
        let digits = first17.compactMap(\.wholeNumberValue)
        guard digits.count == 17 else { return nil }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    /// The digits of a phone-like value (`0632-0000000` → `06320000000`), for allow lists.
    public static func digits(of value: String) -> String {
        String(value.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.map(Character.init))
    }
}
