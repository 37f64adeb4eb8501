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

    /// For each source, the kept result when its file's stamp (size, modification time, inode)
    /// is the one it had when it was parsed, without reading it; nil where the file must be read.
    /// One lock for the whole site.
    func unchanged(_ sources: [ArticleLoader.Source], renderer: MarkdownRenderer, diagnostics: Diagnostics)
        -> [Article??]
    {
        lock.lock()
        defer { lock.unlock() }
        return sources.map { source in
            guard let stamp = source.stamp, let cached = entries[source.relativePath], cached.stamp == stamp,
                cached.section == source.section, cached.renderer == renderer
            else { return nil }
            hits += 1
            if !cached.diagnostics.isEmpty { diagnostics.report(contentsOf: cached.diagnostics) }
            return .some(cached.article)
        }
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
    func keep(only files: [String]) {
        lock.lock()
        defer { lock.unlock() }
        // Every listed file has an entry by now, so equal counts mean nothing went away.
        guard entries.count > files.count else { return }
        let wanted = Set(files)
        entries = entries.filter { wanted.contains($0.key) }
    }
}
