import Foundation
import QingshanCore
import QingshanDerive
import QingshanLedger
import QingshanModel

/// What the search finds: every article with its text, campaigns, and every other page by its
/// title and description.
public struct SearchDocuments {
    let content: SiteContent
    /// Article documents of earlier builds (serve), by revision.
    let kept: SearchDocumentCache?
    /// Documents of what has no page of its own: the ledger's records, each found in its row.
    let records: [SearchDocument]

    public init(content: SiteContent, kept: SearchDocumentCache?, records: [SearchDocument] = []) {
        self.content = content
        self.kept = kept
        self.records = records
    }

    public func make(index: SiteIndex, pages: [OutputFile]) -> [SearchDocument] {
        let content = contentDocuments(index: index)
        return content.documents + pageDocuments(pages: pages, covered: content.covered)
    }

    /// The articles' and campaigns' documents, which need no rendered page, and the output files
    /// they stand for.
    public func contentDocuments(index: SiteIndex) -> (documents: [SearchDocument], covered: Set<String>) {
        let links = content.config.links
        var documents: [SearchDocument]
        let articles = index.articles.filter { $0.section != .bulletins }
        let make = { (article: Article) -> SearchDocumentCache.Entry in
            (
                SearchDocument(
                    url: links.link(article.path), title: article.title, date: article.date.day,
                    kind: article.section.title, snippet: article.summary,
                    text: [article.title, article.front.tags.joined(separator: " ")], body: article.plainText,
                    revision: article.revision),
                article.path.outputFile
            )
        }
        var covered: Set<String>
        if let kept {
            let entries = kept.documents(for: articles, make: make)
            documents = entries.documents
            covered = entries.covered
        } else {
            let entries = articles.map(make)
            documents = entries.map(\.document)
            covered = Set(entries.map(\.page))
        }
        for campaign in content.campaigns {
            let path = Route.campaign(campaign.id)
            covered.insert(path.outputFile)
            documents.append(
                SearchDocument(
                    url: links.link(path), title: campaign.title, date: nil, kind: "专项行动",
                    snippet: campaign.requirement,
                    text: [campaign.title, campaign.requirement, campaign.departments.joined(separator: " ")]))
        }
        return (documents + records, covered)
    }

    /// The documents of the other pages, from their title and description.
    public func pageDocuments(pages: [OutputFile], covered: Set<String>) -> [SearchDocument] {
        let links = content.config.links
        var documents: [SearchDocument] = []
        // Other pages (bulletins, data pages, dynamics, lists): title and description.
        // Tag pages and later list pages are navigation, not content: left out.
        for page in pages
        where Self.isSearchedPage(page.path) && !covered.contains(page.path) {
            guard let title = Self.between(page.data, "<title>", "</title>"),
                let description = Self.between(page.data, "<meta name=\"description\" content=\"", "\">")
            else { continue }
            let name = title.components(separatedBy: " - ").first ?? title
            let path = "/" + String(page.path.dropLast("index.html".count))
            documents.append(
                SearchDocument(
                    url: links.link(SitePath(path)), title: Self.unescape(name), date: nil, kind: "栏目",
                    snippet: Self.unescape(description), text: [Self.unescape(name), Self.unescape(description)]))
        }
        return documents
    }

    /// A ledger record as the search shows it, found in its row (`url`): by its id, summary,
    /// result, street, department and kind.
    public static func record(_ item: DerivedRecord, url: String) -> SearchDocument {
        let r = item.record
        return SearchDocument(
            url: url, title: "\(r.id) \(r.summary)", date: r.received, kind: "问题台账",
            snippet: [
                r.street, r.category.rawValue, item.statusText, item.result.map { "办理结果：" + $0 }, item.grade.label,
            ]
            .compactMap { $0 }.joined(separator: " · "),
            text: [
                r.id, r.summary, item.result ?? "", r.category.rawValue, r.domain?.rawValue ?? "", r.street ?? "",
                r.department,
            ])
    }

    static let searchPage = Route.search.outputFile

    /// An `index.html` page that is neither a tag page nor a later page of a list (compared as
    /// bytes: String's hasPrefix compares Characters, slow over 12,000 paths).
    public static func isSearchedPage(_ path: String) -> Bool {
        guard OutputFile.isPage(path), path != searchPage else { return false }
        var path = path
        return path.withUTF8 { bytes in
            !bytes.starts(with: "tags/".utf8) && ByteSearch.firstIndex(of: Array("/page/".utf8), in: bytes) == nil
        }
    }

    /// The text between the first `start` and the `end` after it, searched in the page's bytes
    /// (the head comes first, so the search stops early).
    static func between(_ data: Data, _ start: String, _ end: String) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let a = ByteSearch.firstIndex(of: Array(start.utf8), in: bytes),
                let b = ByteSearch.firstIndex(of: Array(end.utf8), in: bytes, from: a + start.utf8.count)
            else { return nil }
            return String(decoding: bytes[(a + start.utf8.count)..<b], as: UTF8.self)
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Article search documents of the last build; valid while the build context (and so the
/// links) is the same.
public final class SearchDocumentCache: @unchecked Sendable {
    typealias Entry = (document: SearchDocument, page: String)
    private var context = Digest()
    private var revisions: [Int] = []
    private var entries: [Entry] = []
    /// The pages the documents stand for, each once.
    private var covered = Set<String>()
    /// More changed articles than this, and the documents are made afresh.
    static let patchLimit = 200

    public init() {}

    public func begin(context: Digest) {
        if context != self.context { revisions = [] }
        self.context = context
    }

    /// The documents of `articles` and the pages they cover: when the articles are the last
    /// build's with a few of them changed in place, only those are made again.
    func documents(for articles: [Article], make: (Article) -> Entry) -> (
        documents: [SearchDocument], covered: Set<String>
    ) {
        var changed: [Int] = []
        if revisions.count == articles.count {
            for (i, article) in articles.enumerated() where revisions[i] != article.revision {
                changed.append(i)
                if changed.count > Self.patchLimit { break }
            }
        }
        if revisions.count == articles.count, changed.count <= Self.patchLimit {
            for i in changed {
                let entry = make(articles[i])
                if entry.page != entries[i].page {
                    covered.remove(entries[i].page)
                    covered.insert(entry.page)
                }
                entries[i] = entry
                revisions[i] = articles[i].revision
            }
            if covered.count != entries.count { covered = Set(entries.map(\.page)) }
        } else {
            entries = articles.map(make)
            revisions = articles.map(\.revision)
            covered = Set(entries.map(\.page))
        }
        return (entries.map(\.document), covered)
    }
}
