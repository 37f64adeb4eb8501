import Foundation
import QingshanCore
import QingshanLoad
import QingshanModel
import QingshanRender
import QingshanSearch

/// What `serve` keeps from one build to the next, so that a rebuild after a small change does
/// only the work the change needs. A rebuild through a session writes the same bytes a fresh
/// full build would (IncrementalBuildTests).
public final class BuildSession: @unchecked Sendable {
    /// Parsed articles, by file and bytes.
    public let articles = ArticleCache()
    /// Rendered pages, by the revisions of the articles they show and the build's context.
    public let pages = RenderMemo()
    /// Every document's terms and every term's encoded entry.
    let search = SearchIndex(keepsState: true)
    /// Article search documents, by revision.
    let searchDocuments = SearchDocumentCache()
    /// The last successful build: its files as written and the context they were checked in.
    var last: Snapshot?
    /// The site's files as the watcher listed them before this rebuild, for the loader.
    private var listing: [String: FileTree.Stamp]?
    private let lock = NSLock()

    /// Hands the next build the watcher's listing (site.yaml, content/, templates/, static/).
    public func use(listing: [String: FileTree.Stamp]) {
        lock.lock()
        self.listing = listing
        lock.unlock()
    }

    /// The listing for this build, once.
    func takeListing() -> [String: FileTree.Stamp]? {
        lock.lock()
        defer { lock.unlock() }
        let taken = listing
        listing = nil
        return taken
    }

    public init() {}

    struct Snapshot {
        var outputDir: String
        var context: Digest
        var files: [String: Data]
        var copies: [String: OutputWriter.CopyStamp]
    }

    /// The files of `files` the privacy guard has not already passed in this context: unchanged
    /// files are skipped, and of the search index only its changed entries are read.
    func unchecked(_ files: [OutputFile], context: Digest, searchDelta: Data?) -> [OutputFile] {
        guard let last, last.context == context else { return files }
        return files.compactMap { file in
            guard let before = last.files[file.path] else { return file }
            if Self.same(before, file.data) { return nil }
            if file.path == SearchIndexFile.path, let searchDelta {
                return OutputFile(path: file.path, data: searchDelta, origin: file.origin)
            }
            return file
        }
    }

    /// Equal bytes; shared storage (a page taken from the render memo) answers at once.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        let shared = a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
        return shared || a == b
    }
}

/// Where the search index is written.
enum SearchIndexFile {
    static let path = "search-index.json"
}
