import Foundation
import QingshanCore
import QingshanModel

/// A page as the search sees it.
public struct SearchDocument: Sendable {
    public var url: String
    public var title: String
    public var date: Day?
    public var kind: String
    public var snippet: String
    /// The searchable text in parts (title, tags, body) as UTF-8; no term spans two parts.
    public var text: [[UInt8]]
    /// Changes whenever `text` does (an article's revision); nil means compare the text itself.
    public var revision: Int?

    /// `body`: text already in UTF-8 (an article's), after the parts of `text`.
    public init(
        url: String, title: String, date: Day?, kind: String, snippet: String, text: [String], body: [UInt8]? = nil,
        revision: Int? = nil
    ) {
        self.url = url
        self.title = title
        self.date = date
        self.kind = kind
        self.snippet = snippet
        let synonyms = SearchSynonyms.expansion(of: [title])
        self.text =
            text.map { Array($0.utf8) } + (body.map { [$0] } ?? []) + (synonyms.isEmpty ? [] : [Array(synonyms.utf8)])
        self.revision = revision
    }

    /// Whether the index entry of `other` would be the same as this one's.
    func indexesLike(_ other: SearchDocument) -> Bool {
        guard url == other.url, title == other.title, date == other.date, kind == other.kind,
            snippet == other.snippet
        else { return false }
        if let revision, let theirs = other.revision { return revision == theirs }
        return revision == nil && other.revision == nil && text == other.text
    }
}

/// /search-index.json: an inverted index of bigrams and words. Documents are
/// `[url, title, date, kind, snippet]`; each term maps to its postings, doc ids delta-encoded
/// in base 36, a `~n` suffix for a count above one, `!` when the term is in the title.
/// Han terms come first (in code-point order), then words (sorted).
///
/// An instance kept between builds (serve) remembers every document's terms and every term's
/// encoded entry; when the documents are the same list with a few of them changed, only those
/// documents are tokenized again and only the terms they touch are encoded again.
public final class SearchIndex: @unchecked Sendable {
    /// A posting packed as doc << 8 | min(count, 99) << 1 | title (documents below 2^24).
    typealias Posting = UInt32

    /// One kind of term (Han bigrams packed in integers, or words) in one document: the terms
    /// sorted, each with its posting's low byte (count and title flag).
    struct Counts<Term: Comparable & Sendable>: Sendable {
        var terms: [Term] = []
        var bits: [UInt8] = []

        /// From the terms of the text (in any order, repeated) and those of the title; a term
        /// only in the title counts once.
        init(text: [Term], title: [Term]) {
            let text = text.sorted()
            var title = title.sorted()
            title = title.enumerated().filter { $0.offset == 0 || title[$0.offset - 1] != $0.element }.map(\.element)
            var i = 0
            var t = 0
            while i < text.count || t < title.count {
                let term = i < text.count && (t >= title.count || text[i] <= title[t]) ? text[i] : title[t]
                var count = 0
                while i < text.count, text[i] == term {
                    count += 1
                    i += 1
                }
                let inTitle = t < title.count && title[t] == term
                if inTitle { t += 1 }
                terms.append(term)
                bits.append(UInt8(min(max(count, 1), 99)) << 1 | (inTitle ? 1 : 0))
            }
        }

        init() {}
    }

    /// Counts one document's Han bigrams as the tokenizer finds them, in the order they first
    /// appear (not sorted: `TermTable.replace` needs sorted terms, a full build does not), in an
    /// open-addressing table: sorting every bigram of every document was a tenth of a
    /// 10,000-page build, and collecting them before counting another twentieth.
    struct BigramCounter: SearchTokenSink {
        /// The text's words, in order (counted apart, by sorting).
        var words: [String] = []
        /// The distinct terms in the order they first appear.
        private var terms: [UInt64] = []
        /// A term's slot: the term (0: empty), its count (the top bit: in the title) and its
        /// place in `terms`. Raw memory, not an array: the table is changed at every bigram,
        /// and an array would be checked for a second owner each time. Freed by `finish`.
        private struct Slot {
            var key: UInt64
            var count: UInt32
            var order: UInt32
        }
        private var table: UnsafeMutableBufferPointer<Slot>
        private var shift: UInt64
        private static let titleBit: UInt32 = 1 << 31

        /// Sized for the distinct terms of `bytes` of text (about a third of a Chinese text's
        /// bigrams, a bigram every 3 bytes), doubled when half full.
        init(bytes: Int) {
            var capacity = 16
            while capacity < bytes / 6 { capacity <<= 1 }
            table = Self.emptyTable(capacity)
            shift = UInt64(64 - capacity.trailingZeroBitCount)
        }

        private static func emptyTable(_ capacity: Int) -> UnsafeMutableBufferPointer<Slot> {
            let table = UnsafeMutableBufferPointer<Slot>.allocate(capacity: capacity)
            table.initialize(repeating: Slot(key: 0, count: 0, order: 0))
            return table
        }

        @inline(__always) private func home(_ term: UInt64) -> Int {
            Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// The term's slot, added (count 0, not in the title) when new.
        @inline(__always) private mutating func slot(_ term: UInt64) -> Int {
            let mask = table.count - 1
            var at = home(term)
            while true {
                let key = table[at].key
                if key == term { return at }
                if key == 0 { break }
                at = (at + 1) & mask
            }
            table[at] = Slot(key: term, count: 0, order: UInt32(terms.count))
            terms.append(term)
            if terms.count * 2 > table.count {
                grow()
                return slot(term)
            }
            return at
        }

        private mutating func grow() {
            let old = table
            table = Self.emptyTable(old.count << 1)
            shift = UInt64(64 - table.count.trailingZeroBitCount)
            let mask = table.count - 1
            for entry in old where entry.key != 0 {
                var at = home(entry.key)
                while table[at].key != 0 { at = (at + 1) & mask }
                table[at] = entry
            }
            old.deallocate()
        }

        /// A bigram of the text.
        @inline(__always) mutating func han(_ term: UInt64) {
            let at = slot(term)  // first: it may move the table
            table[at].count += 1
        }

        mutating func word(_ word: String) { words.append(word) }

        /// A bigram of the title (counted once if only in the title).
        mutating func addTitle(_ term: UInt64) {
            let at = slot(term)  // first: it may move the table
            table[at].count |= Self.titleBit
        }

        /// The counts, in the order the terms first appeared; the table is freed.
        consuming func finish() -> (han: Counts<UInt64>, words: [String]) {
            var bits = [UInt8](repeating: 0, count: terms.count)
            for entry in table where entry.key != 0 {
                let count = Int(entry.count & ~Self.titleBit)
                bits[Int(entry.order)] = UInt8(min(max(count, 1), 99)) << 1 | (entry.count & Self.titleBit != 0 ? 1 : 0)
            }
            table.deallocate()
            var out = Counts<UInt64>()
            out.terms = terms
            out.bits = bits
            return (out, words)
        }
    }

    struct DocumentTerms: Sendable {
        var han = Counts<UInt64>()
        var words = Counts<String>()
    }

    /// Every term of one kind: postings, the keys in output order and their encoded entries.
    struct TermTable<Term: Hashable & Comparable & Sendable>: Sendable {
        var postings: [Term: [Posting]] = [:]
        var keys: [Term] = []
        /// Encoded entries, in the order of `keys`.
        var entries: [[UInt8]] = []
        let name: @Sendable (Term) -> String
        /// The first key of each chunk of entries, fixed at the full build (a new term joins the
        /// chunk its key falls in), and each chunk's entries joined, while they are unchanged.
        var bounds: [Term] = []
        var chunks: [Data?] = []

        init(name: @escaping @Sendable (Term) -> String) {
            self.name = name
        }

        /// Adds the postings of documents `first`, `first + 1`, … (in document order).
        mutating func add(_ perDocument: [Counts<Term>], first: Int) {
            for (offset, terms) in perDocument.enumerated() {
                let doc = Posting(first + offset) << 8
                for (term, bits) in zip(terms.terms, terms.bits) {
                    postings[term, default: []].append(doc | Posting(bits))
                }
            }
        }

        /// Sorts the keys and encodes every entry, once all documents are added; the postings
        /// are let go of unless `keepingPostings` (serve patches them later).
        mutating func encode(chunkSize: Int, keepingPostings: Bool) {
            keys = postings.keys.sorted()
            let lists = keys.map { postings[$0] ?? [] }
            if !keepingPostings { postings = [:] }
            let keys = self.keys
            let name = self.name
            entries = Parallel.map(Array(keys.indices)) { i in entry(name(keys[i]), lists[i]) }
            bounds = stride(from: 0, to: keys.count, by: chunkSize).map { keys[$0] }
            chunks = Array(repeating: nil, count: max(1, bounds.count))
        }

        /// The chunk a term belongs in.
        func chunk(of term: Term) -> Int {
            max(0, lowerBound(bounds.count) { bounds[$0] <= term } - 1)
        }

        /// Every chunk's entries joined by commas (empty chunks left out), rebuilt where changed;
        /// the entries are let go of unless `keepingEntries`.
        mutating func joinedChunks(keepingEntries: Bool) -> [Data] {
            defer { if !keepingEntries { entries = [] } }
            var out: [Data] = []
            for c in chunks.indices {
                if chunks[c] == nil {
                    let start = c == 0 ? 0 : lowerBound(keys.count) { keys[$0] < bounds[c] }
                    let end = c + 1 < bounds.count ? lowerBound(keys.count) { keys[$0] < bounds[c + 1] } : keys.count
                    chunks[c] = join(entries[start..<end])
                }
                if let chunk = chunks[c], !chunk.isEmpty { out.append(chunk) }
            }
            return out
        }

        /// Replaces document `doc`'s postings; returns the terms whose postings changed (a term
        /// with the same posting as before, most of the body after a title edit, keeps its entry).
        mutating func replace(doc: Int, old: Counts<Term>, new: Counts<Term>) -> [Term] {
            var changed: [Term] = []
            var i = 0
            var k = 0
            let base = Posting(doc) << 8
            // Both lists are sorted: walk them together.
            while i < old.terms.count || k < new.terms.count {
                let term: Term
                var before: Posting?
                var after: Posting?
                if k >= new.terms.count || (i < old.terms.count && old.terms[i] < new.terms[k]) {
                    term = old.terms[i]
                    before = base | Posting(old.bits[i])
                    i += 1
                } else if i >= old.terms.count || new.terms[k] < old.terms[i] {
                    term = new.terms[k]
                    after = base | Posting(new.bits[k])
                    k += 1
                } else {
                    term = old.terms[i]
                    before = base | Posting(old.bits[i])
                    after = base | Posting(new.bits[k])
                    i += 1
                    k += 1
                }
                guard before != after else { continue }
                patch(&postings[term, default: []], doc: doc, posting: after)
                changed.append(term)
            }
            return changed
        }

        /// Encodes the changed terms again, in their place among the sorted keys (a term with no
        /// postings left goes); their keys are added to `delta`, one per line.
        mutating func refresh(_ changed: Set<Term>, delta: inout [UInt8]) {
            for term in changed.sorted() {
                chunks[chunk(of: term)] = nil
                let list = postings[term] ?? []
                let at = lowerBound(keys.count) { keys[$0] < term }
                let present = at < keys.count && keys[at] == term
                if list.isEmpty {
                    postings[term] = nil
                    if present {
                        keys.remove(at: at)
                        entries.remove(at: at)
                    }
                    continue
                }
                let key = name(term)
                if present {
                    entries[at] = entry(key, list)
                } else {
                    keys.insert(term, at: at)
                    entries.insert(entry(key, list), at: at)
                }
                JSONValue.quote(key, into: &delta)
                delta.append(0x0A)
            }
        }
    }

    /// What one build produced.
    public struct Output: Sendable {
        public var data: Data
        /// What differs from the previous build, one entry per line: the changed documents and
        /// the keys of the terms whose postings changed; nil when the whole file is new. The
        /// privacy guard reads only this. Postings need no second look: they are base-36 numbers
        /// between commas, which can hold neither a name nor an 11-digit phone number.
        public var changed: Data?
    }

    /// Everything the last build knew, for the next one.
    struct State {
        var documents: [SearchDocument]
        var terms: [DocumentTerms]
        var han: TermTable<UInt64>
        var words: TermTable<String>
        var documentEntries: [[UInt8]]
        /// Entries per cached chunk: a rebuild joins the changed chunks again and copies the rest.
        let chunkSize: Int
        /// Documents' entries joined, by chunks of `chunkSize` documents, while unchanged.
        var documentChunks: [Data?]
    }

    private let lock = NSLock()
    private var state: State?
    /// More changed documents than this, and a full build is as quick.
    static let incrementalLimit = 200

    /// Entries per cached chunk of the encoded index (a rebuild joins only the changed chunks).
    let chunkSize: Int

    /// Whether the next build may patch this one (serve); otherwise nothing is kept.
    let keepsState: Bool

    public init(keepsState: Bool = false, chunkSize: Int = 1024) {
        self.keepsState = keepsState
        self.chunkSize = max(1, chunkSize)
    }

    /// The index of `documents`, built once.
    public static func build(_ documents: [SearchDocument]) -> String {
        String(decoding: SearchIndex().build(documents).data, as: UTF8.self)
    }

    /// The index of `documents`, reusing what the previous build of this instance computed.
    public func build(_ documents: [SearchDocument]) -> Output {
        lock.lock()
        defer { lock.unlock() }
        if var kept = state, let changed = Self.changedDocuments(from: kept.documents, to: documents) {
            state = nil  // the only reference, so the update patches in place instead of copying
            let delta = Self.update(&kept, documents: documents, changed: changed)
            let data = Self.assemble(&kept, keeping: true)
            state = kept
            return Output(data: data, changed: delta)
        }
        let (fresh, data) = Self.encode(start(documents), chunkSize: chunkSize)
        state = keepsState ? fresh : nil
        return Output(data: data, changed: nil)
    }

    // MARK: - Full build

    /// A document's terms; `sorted` for those kept to be patched later (serve).
    static func terms(of document: SearchDocument, sorted: Bool) -> DocumentTerms {
        let bytes = document.text.reduce(0) { $0 + $1.count }
        var title = TokenLists()
        SearchTokenizer.visit(document.title, into: &title)
        if sorted {
            var text = TokenLists()
            text.han.reserveCapacity(bytes / 3 + 1)
            for part in document.text { SearchTokenizer.visit(part, into: &text) }
            return DocumentTerms(
                han: Counts(text: text.han, title: title.han), words: Counts(text: text.words, title: title.words))
        }
        var counter = BigramCounter(bytes: bytes)
        for part in document.text { SearchTokenizer.visit(part, into: &counter) }
        for token in title.han { counter.addTitle(token) }
        let counted = counter.finish()
        return DocumentTerms(han: counted.han, words: Counts(text: counted.words, title: title.words))
    }

    /// Documents per batch of a full build: tokenized on all cores, merged into the postings,
    /// then let go (unless kept for serve), so the terms of every document are never all held.
    static let batchSize = 512

    /// A full build fed in parts: the build indexes the articles while the pages are still being
    /// rendered, and adds the other pages once they are.
    public struct FullBuild: Sendable {
        var documents: [SearchDocument] = []
        var han = TermTable<UInt64>(name: SearchTokenizer.unpack)
        var words = TermTable<String>(name: { $0 })
        var kept: [DocumentTerms] = []
        let keepTerms: Bool

        init(keepTerms: Bool) {
            self.keepTerms = keepTerms
        }

        /// Adds documents after those already added.
        mutating func add(_ more: [SearchDocument]) {
            for start in stride(from: 0, to: more.count, by: SearchIndex.batchSize) {
                let batch = Array(more[start..<min(more.count, start + SearchIndex.batchSize)])
                let keepTerms = keepTerms
                let batchTerms = Parallel.map(batch) { SearchIndex.terms(of: $0, sorted: keepTerms) }
                han.add(batchTerms.map(\.han), first: documents.count + start)
                words.add(batchTerms.map(\.words), first: documents.count + start)
                if keepTerms { kept += batchTerms }
            }
            documents += more
        }

        /// Sorts and encodes every term, once all documents are added.
        consuming func finish(chunkSize: Int) -> State {
            han.encode(chunkSize: chunkSize, keepingPostings: keepTerms)
            words.encode(chunkSize: chunkSize, keepingPostings: keepTerms)
            return State(
                documents: documents, terms: kept, han: han, words: words,
                documentEntries: Parallel.map(documents, SearchIndex.documentEntry),
                chunkSize: chunkSize,
                documentChunks: Array(repeating: nil, count: (documents.count + chunkSize - 1) / chunkSize))
        }
    }

    /// Begins a full build with `documents`; `finish` adds the rest and encodes.
    public func start(_ documents: [SearchDocument]) -> FullBuild {
        var build = FullBuild(keepTerms: keepsState)
        build.add(documents)
        return build
    }

    /// The index of the documents `build` holds followed by `rest`, built afresh.
    public func finish(_ build: consuming FullBuild, adding rest: [SearchDocument]) -> Output {
        var build = build
        build.add(rest)
        let (fresh, data) = Self.encode(build, chunkSize: chunkSize)
        lock.lock()
        state = keepsState ? fresh : nil
        lock.unlock()
        return Output(data: data, changed: nil)
    }

    /// The state of a full build, its terms encoded, and the index file it makes.
    static func encode(_ build: consuming FullBuild, chunkSize: Int) -> (State, Data) {
        let keeping = build.keepTerms
        var state = build.finish(chunkSize: chunkSize)
        return (state, assemble(&state, keeping: keeping))
    }

    // MARK: - Incremental build

    /// The positions whose entries changed, when `new` is `old` with only those edited in place
    /// (same length, same URLs in the same order, few changes); nil otherwise.
    static func changedDocuments(from old: [SearchDocument], to new: [SearchDocument]) -> [Int]? {
        guard old.count == new.count else { return nil }
        var changed: [Int] = []
        for i in new.indices where !old[i].indexesLike(new[i]) {
            guard old[i].url == new[i].url else { return nil }
            changed.append(i)
            if changed.count > incrementalLimit { return nil }
        }
        return changed
    }

    /// Re-tokenizes the changed documents, patches the postings of the terms they touch and
    /// encodes those terms again; returns the changed entries for the privacy guard.
    static func update(_ state: inout State, documents: [SearchDocument], changed: [Int]) -> Data {
        var delta: [UInt8] = []
        var changedHan = Set<UInt64>()
        var changedWords = Set<String>()
        for i in changed {
            let old = state.terms[i]
            let new = terms(of: documents[i], sorted: true)
            changedHan.formUnion(state.han.replace(doc: i, old: old.han, new: new.han))
            changedWords.formUnion(state.words.replace(doc: i, old: old.words, new: new.words))
            state.terms[i] = new
            state.documentEntries[i] = documentEntry(documents[i])
            state.documentChunks[i / state.chunkSize] = nil
            delta += state.documentEntries[i] + [0x0A]
        }
        state.han.refresh(changedHan, delta: &delta)
        state.words.refresh(changedWords, delta: &delta)
        state.documents = documents
        return Data(delta)
    }

    /// Sets document `doc`'s posting in a list sorted by document (nil removes it).
    static func patch(_ postings: inout [Posting], doc: Int, posting: Posting?) {
        let at = lowerBound(postings.count) { Int(postings[$0] >> 8) < doc }
        let present = at < postings.count && Int(postings[at] >> 8) == doc
        switch (present, posting) {
        case (true, let p?): postings[at] = p
        case (true, nil): postings.remove(at: at)
        case (false, let p?): postings.insert(p, at: at)
        case (false, nil): break
        }
    }

    /// The first index in 0..<count for which `before` is false (`before` holds for a prefix).
    static func lowerBound(_ count: Int, _ before: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if before(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: - Encoding

    /// The index file of `state`; unless `keeping` (serve patches it later), the encoded
    /// entries are let go of once joined.
    static func assemble(_ state: inout State, keeping: Bool) -> Data {
        var documentChunks: [Data] = []
        for c in state.documentChunks.indices {
            if state.documentChunks[c] == nil {
                let start = c * state.chunkSize
                let end = min(state.documentEntries.count, start + state.chunkSize)
                state.documentChunks[c] = join(state.documentEntries[start..<end])
            }
            if let chunk = state.documentChunks[c], !chunk.isEmpty { documentChunks.append(chunk) }
        }
        let termChunks =
            state.han.joinedChunks(keepingEntries: keeping) + state.words.joinedChunks(keepingEntries: keeping)
        var out = Data(capacity: (documentChunks + termChunks).reduce(64) { $0 + $1.count + 1 })
        func add(_ chunks: [Data]) {
            for (i, chunk) in chunks.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(chunk)
            }
        }
        out.append(contentsOf: Array(#"{"v":1,"docs":["#.utf8))
        add(documentChunks)
        out.append(contentsOf: Array(#"],"terms":{"#.utf8))
        add(termChunks)
        out.append(contentsOf: Array("}}\n".utf8))
        return out
    }

    /// Entries separated by commas.
    static func join(_ entries: ArraySlice<[UInt8]>) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(0) { $0 + $1.count + 1 })
        for entry in entries {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: ",")) }
            bytes += entry
        }
        return Data(bytes)
    }

    static func documentEntry(_ doc: SearchDocument) -> [UInt8] {
        JSONValue.array([
            .string(doc.url), .string(doc.title), .optional(doc.date), .string(doc.kind), .string(doc.snippet),
        ]).bytes()
    }

    /// `"key":"postings"`: doc ids as base-36 deltas, `~count` above one, `!` in the title.
    static func entry(_ key: String, _ postings: [Posting]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(key.utf8.count + 4 + postings.count * 3)
        JSONValue.quote(key, into: &out)
        out += [UInt8(ascii: ":"), UInt8(ascii: "\"")]
        var previous = 0
        for (k, posting) in postings.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            let doc = Int(posting >> 8)
            base36(doc - previous, into: &out)
            previous = doc
            let count = Int((posting >> 1) & 0x7F)
            if count > 1 {
                out.append(UInt8(ascii: "~"))
                base36(count, into: &out)
            }
            if posting & 1 == 1 { out.append(UInt8(ascii: "!")) }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    static func base36(_ value: Int, into out: inout [UInt8]) {
        var value = value
        var buffer: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &buffer) { bytes in
            repeat {
                bytes[count] = digits[value % 36]
                value /= 36
                count += 1
            } while value > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(bytes[i]) }
        }
    }

}
