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
    public var text: String

    public init(url: String, title: String, date: Day?, kind: String, snippet: String, text: String) {
        self.url = url
        self.title = title
        self.date = date
        self.kind = kind
        self.snippet = snippet
        self.text = text
    }
}

/// /search-index.json: an inverted index of bigrams and words. Documents are
/// `[url, title, date, kind, snippet]`; each term maps to its postings, doc ids delta-encoded
/// in base 36, a `~n` suffix for a count above one, `!` when the term is in the title.
/// Han terms come first (in code-point order), then words (sorted).
public enum SearchIndex {
    /// A posting packed as doc << 8 | min(count, 99) << 1 | title.
    typealias Posting = UInt64

    struct DocumentTerms: Sendable {
        var han: [UInt64: Int] = [:]
        var words: [String: Int] = [:]
        var titleHan: Set<UInt64> = []
        var titleWords: Set<String> = []
    }

    public static func build(_ documents: [SearchDocument]) -> String {
        let perDocument = Parallel.map(documents) { doc -> DocumentTerms in
            var terms = DocumentTerms()
            SearchTokenizer.visit(
                doc.text, han: { terms.han[$0, default: 0] += 1 }, word: { terms.words[$0, default: 0] += 1 })
            SearchTokenizer.visit(
                doc.title, han: { terms.titleHan.insert($0) }, word: { terms.titleWords.insert($0) })
            for token in terms.titleHan where terms.han[token] == nil { terms.han[token] = 1 }
            for token in terms.titleWords where terms.words[token] == nil { terms.words[token] = 1 }
            return terms
        }
        var han: [UInt64: [Posting]] = [:]
        var words: [String: [Posting]] = [:]
        for (i, terms) in perDocument.enumerated() {
            for (token, count) in terms.han {
                han[token, default: []].append(pack(i, count, terms.titleHan.contains(token)))
            }
            for (token, count) in terms.words {
                words[token, default: []].append(pack(i, count, terms.titleWords.contains(token)))
            }
        }
        var out = "{\"v\":1,\"docs\":["
        for (i, doc) in documents.enumerated() {
            if i > 0 { out += "," }
            out += JSONValue.array([
                .string(doc.url), .string(doc.title), .optional(doc.date), .string(doc.kind), .string(doc.snippet),
            ]).serialized()
        }
        out += "],\"terms\":{"
        var first = true
        func term(_ key: String, _ postings: [Posting]) {
            if !first { out += "," }
            first = false
            JSONValue.quote(key, into: &out)
            out += ":\""
            var previous = 0
            for (k, posting) in postings.enumerated() {
                if k > 0 { out += "," }
                let doc = Int(posting >> 8)
                out += String(doc - previous, radix: 36)
                previous = doc
                let count = Int((posting >> 1) & 0x7F)
                if count > 1 { out += "~" + String(count, radix: 36) }
                if posting & 1 == 1 { out += "!" }
            }
            out += "\""
        }
        for key in han.keys.sorted() { term(SearchTokenizer.unpack(key), han[key] ?? []) }
        for key in words.keys.sorted() { term(key, words[key] ?? []) }
        return out + "}}\n"
    }

    static func pack(_ doc: Int, _ count: Int, _ title: Bool) -> Posting {
        UInt64(doc) << 8 | UInt64(min(count, 99)) << 1 | (title ? 1 : 0)
    }
}
