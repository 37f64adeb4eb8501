import Foundation
import QingshanCore
import QingshanMarkdown
import QingshanModel

/// Loaded articles kept between builds of one `serve` session. An article is parsed again only
/// when its bytes, its section or the Markdown settings changed; otherwise the earlier result
/// and its diagnostics are replayed, so a cached build equals a fresh one.
public final class ArticleCache: @unchecked Sendable {
    struct Entry {
        var data: Data
        var stamp: FileTree.Stamp?
        var section: Section
        var renderer: MarkdownRenderer
        var article: Article?
        var diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var hits = 0

    public init() {}

    /// How many articles the last builds took from the cache, for the serve log and tests.
    public var reused: Int {
        lock.lock()
        defer { lock.unlock() }
        return hits
    }

    /// The kept result for a file whose stamp (size, modification time, inode) is the one it
    /// had when it was parsed, without reading it; nil when the file must be read.
    func unchanged(
        file: String, stamp: FileTree.Stamp, section: Section, renderer: MarkdownRenderer, diagnostics: Diagnostics
    ) -> Article?? {
        lock.lock()
        defer { lock.unlock() }
        guard let cached = entries[file], cached.stamp == stamp, cached.section == section,
            cached.renderer == renderer
        else { return nil }
        hits += 1
        diagnostics.report(contentsOf: cached.diagnostics)
        return .some(cached.article)
    }

    /// The article for these bytes, parsing only on a miss.
    func article(
        file: String, data: Data, stamp: FileTree.Stamp?, section: Section, renderer: MarkdownRenderer,
        diagnostics: Diagnostics, parse: (Diagnostics) -> Article?
    ) -> Article? {
        lock.lock()
        let cached = entries[file]
        lock.unlock()
        if let cached, cached.section == section, cached.renderer == renderer, cached.data == data {
            lock.lock()
            hits += 1
            entries[file]?.stamp = stamp
            lock.unlock()
            diagnostics.report(contentsOf: cached.diagnostics)
            return cached.article
        }
        let own = Diagnostics()
        let article = parse(own)
        let found = own.all
        diagnostics.report(contentsOf: found)
        lock.lock()
        entries[file] = Entry(
            data: data, stamp: stamp, section: section, renderer: renderer, article: article, diagnostics: found)
        lock.unlock()
        return article
    }

    /// Forgets files that are gone, so a long session does not keep deleted articles.
    func keep(only files: Set<String>) {
        lock.lock()
        entries = entries.filter { files.contains($0.key) }
        lock.unlock()
    }
}
