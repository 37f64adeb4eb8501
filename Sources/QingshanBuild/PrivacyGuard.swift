import Foundation
import QingshanCore
import QingshanLedger
import QingshanModel

/// The last check before the swap: no output file may contain a ledger record's `owner`, a
/// value from its `private:` fields (a name, a landline, an address), a mainland mobile number
/// or an 18-digit resident ID number that `privacy.allow` does not list (a private value is
/// never allowed, listed or not). Every file of the output is read as a reader sees it
/// (`ReaderText`: entities decoded, full-width digits as digits, invisible characters gone);
/// a file that is not text is named as not scanned. Every hit is an error naming the output
/// file and where the value came from.
struct PrivacyGuard: Sendable {
    /// A private value and the record it belongs to.
    struct Secret: Sendable {
        let value: String
        let bytes: [UInt8]
        let digits: String?
        let recordID: String
        let location: SourceLocation
        /// `owner`, or the key under `private:`.
        let field: String
    }

    let secrets: [Secret]
    /// Digits of numbers allowed in public pages (the bureau's own phone, hotlines).
    let allowedDigits: Set<String>
    /// Where text came from: ledger records and content files, to name the source of a leak.
    let ledger: [LedgerRecord]
    let siteRoot: String
    /// Markdown files of the site, relative to it, searched for the source of a leak.
    let contentFiles: [String]
    /// A bitmap of the secrets' first scalars (low 16 bits) that rejects most positions at
    /// once; then the byte lengths of the secrets starting with the position's first two
    /// scalars, and the secrets by a hash of their bytes. A position costs one hash per
    /// distinct length, however many secrets share a prefix (thousands of names share 王).
    private let firstScalarBits: [UInt64]
    /// Whether some secret starts with an ASCII character; when none does (names and
    /// addresses in Chinese), the markup's ASCII bytes are stepped over without decoding.
    private let asciiLeads: Bool
    private let lengthsByPrefix: [UInt64: [Int]]
    private let byHash: [UInt64: [Int]]
    /// Phone-like secrets by their digits.
    private let byDigits: [PersonalData.DigitKey: Int]

    init(ledger: [LedgerRecord], allow: [String], siteRoot: String, contentFiles: [String]) {
        self.contentFiles = contentFiles
        var secrets: [Secret] = []
        for record in ledger {
            let fields = record.privateFields + (record.owner.map { [("owner", $0)] } ?? [])
            for (key, raw) in fields {
                let value = ReaderText.fold(raw).trimmingCharacters(in: .whitespaces)
                guard value.count >= 2 else { continue }
                let digits = PersonalData.digits(of: value)
                let phoneLike = digits.count >= 7 && digits.count * 2 >= value.unicodeScalars.count
                secrets.append(
                    Secret(
                        value: value, bytes: Array(value.utf8), digits: phoneLike ? digits : nil, recordID: record.id,
                        location: record.location, field: key))
            }
        }
        self.secrets = secrets
        allowedDigits = Set(allow.map { PersonalData.digits(of: ReaderText.fold($0)) }.filter { !$0.isEmpty })
        self.ledger = ledger
        self.siteRoot = siteRoot
        var bits = [UInt64](repeating: 0, count: 1024)
        var lengths: [UInt64: Set<Int>] = [:]
        var hashes: [UInt64: [Int]] = [:]
        var digitsIndex: [PersonalData.DigitKey: Int] = [:]
        for (i, secret) in secrets.enumerated() {
            if let digits = secret.digits {
                guard let whole = PersonalData.DigitKey(digits), whole.count <= 18 else { continue }
                // A landline is found with its area code or without it (0632-5551234, 5551234).
                var keys = [whole]
                if digits.hasPrefix("0"), digits.count >= 10 {
                    keys += [7, 8].filter { digits.count - $0 >= 3 }.map { whole.suffix($0) }
                }
                for key in keys where digitsIndex[key] == nil { digitsIndex[key] = i }
                continue
            }
            let scalars = Array(secret.value.unicodeScalars.prefix(2))
            guard scalars.count == 2 else { continue }
            bits[Int(scalars[0].value & 0xFFFF) >> 6] |= 1 << UInt64(scalars[0].value & 63)
            lengths[Self.prefixKey(scalars[0].value, scalars[1].value), default: []].insert(secret.bytes.count)
            secret.bytes.withUnsafeBufferPointer { hashes[Self.hash($0, 0, $0.count), default: []].append(i) }
        }
        firstScalarBits = bits
        asciiLeads = secrets.contains { $0.digits == nil && ($0.bytes.first ?? 0) < 0x80 }
        lengthsByPrefix = lengths.mapValues { $0.sorted() }
        byHash = hashes
        byDigits = digitsIndex
    }

    /// Scans every file of the output; returns one error per leaked value, naming the output
    /// files it appears in.
    func check(_ files: [OutputFile]) -> [Diagnostic] {
        report(findings(files))
    }

    /// What a scan found in one file: the leaked value's key, its diagnostic (with `{files}` to
    /// fill in) and the file's path.
    typealias Finding = (key: String, diagnostic: Diagnostic, file: String)

    /// What the scan of some files found, and the files it could not read as text.
    struct Scan: Sendable {
        var findings: [Finding] = []
        var unscanned: [String] = []

        static func + (a: Scan, b: Scan) -> Scan {
            Scan(findings: a.findings + b.findings, unscanned: a.unscanned + b.unscanned)
        }
    }

    /// The leaks in `files`, in their order (scanned on all cores). Scans of consecutive runs
    /// of files joined in order are the scan of the whole run.
    func findings(_ files: [OutputFile]) -> Scan {
        findings(count: files.count) { files[$0] }
    }

    /// The leaks in `count` files that `file` hands over one at a time (nil: nothing to scan),
    /// each let go once scanned; in their order, on all cores.
    func findings(count: Int, _ file: @Sendable (Int) -> OutputFile?) -> Scan {
        let scans = Parallel.map(Array(0..<count)) { i -> (path: String, found: [Finding]?)? in
            file(i).map { ($0.path, scan($0)) }
        }
        var out = Scan()
        for case let (path, found)? in scans {
            if let found { out.findings += found } else { out.unscanned.append(path) }
        }
        return out
    }

    /// One error per leaked value, naming the files it appears in.
    func report(_ scan: Scan) -> [Diagnostic] {
        var order: [String] = []
        var byKey: [String: (diagnostic: Diagnostic, files: [String])] = [:]
        for (key, diagnostic, file) in scan.findings {
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = (diagnostic, [])
            }
            byKey[key]?.files.append(file)
        }
        return order.compactMap { key in
            guard var (diagnostic, files) = byKey[key] else { return nil }
            files.sort()
            let shown = files.prefix(3).joined(separator: "、") + (files.count > 3 ? " 等 \(files.count) 个文件" : " ")
            diagnostic.message = diagnostic.message.replacingOccurrences(of: "{files}", with: shown)
            return diagnostic
        }
    }

    /// The leaks in one file, or nil when it is not text (not UTF-8: a PDF, an image).
    func scan(_ file: OutputFile) -> [Finding]? {
        file.data.withUnsafeBytes { raw -> [Finding]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            // Files Qingshan made are UTF-8 already; static files are checked.
            switch ReaderText.fold(bytes, validate: file.origin.hasPrefix("static/")) {
            case .binary: return nil
            case .unchanged: return scan(text: bytes, file: file)
            case .folded(let folded): return folded.withUnsafeBufferPointer { scan(text: $0, file: file) }
            }
        }
    }

    /// The leaks in a file's text as a reader sees it.
    private func scan(text bytes: UnsafeBufferPointer<UInt8>, file: OutputFile) -> [Finding] {
        var out: [Finding] = []
        var seen = Set<String>()
        // Phone-like private values by their digits, with or without an area code; a private
        // value is a leak even where privacy.allow lists it.
        if !byDigits.isEmpty {
            func look(_ key: PersonalData.DigitKey) {
                guard let index = byDigits[key], seen.insert(secrets[index].value).inserted else { return }
                out.append((secrets[index].value, leak(of: secrets[index], shown: secrets[index].value), file.path))
            }
            PersonalData.forEachNumber(bytes, minimum: 7) { number in
                look(number)
                if number.count > 8 {
                    look(number.suffix(8))
                    look(number.suffix(7))
                }
            }
        }
        for match in PersonalData.scan(bytes) where PersonalData.DigitKey(match.digits).flatMap({ byDigits[$0] }) == nil
        {
            guard !allowedDigits.contains(match.digits), seen.insert(match.digits).inserted else { continue }
            let (location, what) = source(of: match.text, digits: match.digits, file: file)
            out.append(
                (
                    match.digits,
                    .error(
                        location, "公开版输出 {files}含有\(match.kind.rawValue) \(match.text)（来源：\(what)）",
                        hint: "删除或打码；确需公开的号码列入 site.yaml 的 privacy.allow"),
                    file.path
                ))
        }
        guard !lengthsByPrefix.isEmpty else { return out }
        var i = 0
        let n = bytes.count
        while i < n {
            if !asciiLeads, bytes[i] < 0x80 {
                i += 1
                continue
            }
            let (scalar, length) = Self.decode(bytes, i)
            defer { i += length }
            let slot = Int(scalar & 0xFFFF)
            guard firstScalarBits[slot >> 6] & (1 << UInt64(slot & 63)) != 0, i + length < n else { continue }
            let (second, _) = Self.decode(bytes, i + length)
            guard let lengths = lengthsByPrefix[Self.prefixKey(scalar, second)] else { continue }
            for size in lengths where i + size <= n {
                for index in byHash[Self.hash(bytes, i, size)] ?? [] where !seen.contains(secrets[index].value) {
                    let needle = secrets[index].bytes
                    guard needle.count == size, needle.indices.allSatisfy({ bytes[i + $0] == needle[$0] }) else {
                        continue
                    }
                    seen.insert(secrets[index].value)
                    out.append(
                        (secrets[index].value, leak(of: secrets[index], shown: secrets[index].value), file.path))
                }
            }
        }
        return out
    }

    /// The scalar at byte `i` of UTF-8 text and its length in bytes (at least 1).
    /// A sequence cut short at the end of the file counts as its lead byte alone.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        // Three bytes (Han and the punctuation of Chinese text), the most frequent, in place.
        if bytes[i] & 0xF0 == 0xE0, i + 2 < bytes.count { return (UTF8Scalar.threeByteValue(bytes, at: i), 3) }
        guard let scalar = UTF8Scalar.decode(bytes, at: i, upTo: bytes.count) else { return (UInt32(bytes[i]), 1) }
        return (scalar.value, scalar.length)
    }

    static func prefixKey(_ first: UInt32, _ second: UInt32) -> UInt64 {
        UInt64(first) << 32 | UInt64(second)
    }

    /// FNV-1a over `count` bytes from `start`: equal byte runs hash alike.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<(start + count) { h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
        return h
    }

    func leak(of secret: Secret, shown: String) -> Diagnostic {
        let place = articleSource(of: secret.value, digits: secret.digits).map { "，出现在 \($0)" } ?? ""
        let what = secret.field == "owner" ? "责任人（owner）" : "private 信息（\(secret.field)）"
        return .error(
            secret.location, "公开版输出 {files}含有台账记录 \(secret.recordID) 的\(what)“\(shown)”\(place)",
            hint: "owner 和 private 下的内容只能出现在内部版")
    }

    /// The place a published number came from: a ledger record's public text, or a line of
    /// the content file the page was made from.
    func source(of text: String, digits: String, file: OutputFile) -> (SourceLocation, String) {
        for record in ledger {
            let fields = [record.summary, record.requirement ?? ""] + record.rounds.map(\.result)
            if fields.contains(where: { $0.contains(text) || PersonalData.digits(of: $0).contains(digits) }) {
                return (record.location, "台账记录 \(record.id)")
            }
        }
        if let location = articleSource(of: text, digits: digits, preferring: file.origin) {
            return (location, location.file)
        }
        return (SourceLocation(file: file.path), file.origin.isEmpty ? file.path : file.origin)
    }

    /// The content file and line holding `text` (or its digits): the page's own source first.
    func articleSource(of text: String, digits: String?, preferring origin: String = "") -> SourceLocation? {
        for path in ([origin] + contentFiles).filter({ !$0.isEmpty && $0.hasSuffix(".md") }) {
            guard let data = FileManager.default.contents(atPath: siteRoot + "/" + path),
                let source = String(data: data, encoding: .utf8)
            else { continue }
            // The search index lower-cases words (an ID's X), so compare without case.
            let needle = text.lowercased()
            let needleDigits = digits?.lowercased()
            guard source.lowercased().contains(needle) || needleDigits != nil else { continue }
            for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let lower = line.lowercased()
                if lower.contains(needle)
                    || (needleDigits.map { PersonalData.digits(of: lower).contains($0) || lower.contains($0) } ?? false)
                {
                    return SourceLocation(file: path, line: number + 1)
                }
            }
        }
        return nil
    }
}
