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
public enum SearchIndex {
    public static func build(_ documents: [SearchDocument]) -> String {
        var postings: [String: [(doc: Int, count: Int, title: Bool)]] = [:]
        let tokenized = Parallel.map(documents) { doc -> ([String: Int], Set<String>) in
            var counts: [String: Int] = [:]
            for token in SearchTokenizer.tokens(doc.text) { counts[token, default: 0] += 1 }
            let title = Set(SearchTokenizer.tokens(doc.title))
            for token in title where counts[token] == nil { counts[token] = 1 }
            return (counts, title)
        }
        for (i, (counts, title)) in tokenized.enumerated() {
            for (token, count) in counts {
                postings[token, default: []].append((i, count, title.contains(token)))
            }
        }
        var out = "{\"v\":1,\"docs\":["
        for (i, doc) in documents.enumerated() {
            if i > 0 { out += "," }
            out += JSONValue.array([
                .string(doc.url), .string(doc.title), .optional(doc.date), .string(doc.kind),
                .string(doc.snippet),
            ]).serialized()
        }
        out += "],\"terms\":{"
        for (n, token) in postings.keys.sorted().enumerated() {
            if n > 0 { out += "," }
            var list = ""
            var previous = 0
            for (k, posting) in (postings[token] ?? []).enumerated() {
                if k > 0 { list += "," }
                list += String(posting.doc - previous, radix: 36)
                previous = posting.doc
                if posting.count > 1 { list += "~" + String(min(posting.count, 99), radix: 36) }
                if posting.title { list += "!" }
            }
            JSONValue.quote(token, into: &out)
            out += ":\"" + list + "\""
        }
        return out + "}}\n"
    }
}
