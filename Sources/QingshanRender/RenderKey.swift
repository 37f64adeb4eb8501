import Foundation
import QingshanCore
import QingshanModel

/// Names a rendered page (or group of pages) by everything it was made from beyond the
/// build's context: the page's kind and the revisions of the articles it shows.
public struct RenderKey: Hashable, Sendable {
    /// A digest of the name and numbers: the memo holds 12,000 keys and looks each one up on
    /// every rebuild.
    let value: UInt64

    public init(_ name: String, _ numbers: [Int] = []) {
        var digest = Digest()
        digest.add(name)
        for number in numbers { digest.add(number) }
        value = digest.value
    }

    public init(_ name: String, articles: [Article?], _ numbers: [Int] = []) {
        var digest = Digest()
        digest.add(name)
        for number in numbers { digest.add(number) }
        for article in articles { digest.add(article?.revision ?? -1) }
        value = digest.value
    }
}

/// Pages a build may take from the last one instead of rendering them (serve's `RenderMemo`,
/// kept by its session): looked up by the key of what each was made from.
public protocol PageMemo: AnyObject, Sendable {
    /// The kept page for each key (nil where there is none), all under one look-up.
    func lookup(_ keys: [RenderKey]) -> [OutputFile?]
    func store(_ made: [(RenderKey, OutputFile)])
    /// The kept pages of `key`, or those `render` makes (then kept).
    func files(_ key: RenderKey, _ render: () -> [OutputFile]) -> [OutputFile]
}

/// What becomes of pages as they are rendered, a batch at a time: a full build scans and
/// writes them at once and keeps of each only what later steps read, so the pages of a large
/// site are never all in memory together.
public typealias PageSink = @Sendable ([OutputFile]) -> [OutputFile]

extension PageChrome {
    /// Pages handed to a sink at a time (about 9 MB of real-sized pages).
    static let sinkBatch = 512

    /// One page per item, rendered on all cores; with a memo, the items whose key it holds are
    /// taken from it (looked up together, so 12,000 pages cost one lock); with a sink, a batch
    /// at a time through it, in order.
    func renderAll<Item: Sendable>(
        _ items: [Item], key: (Item) -> RenderKey, sink: PageSink? = nil, render: @Sendable (Item) -> OutputFile
    ) -> [OutputFile] {
        guard let memo else {
            guard let sink else { return Parallel.map(items, render) }
            return Self.pipeline(count: items.count, batch: Self.sinkBatch, sink: sink) {
                Parallel.map(Array(items[$0]), render)
            }
        }
        let keys = items.map(key)
        var files = memo.lookup(keys)
        let missing = files.indices.filter { files[$0] == nil }
        let made = Parallel.map(missing) { render(items[$0]) }
        memo.store(zip(missing.map { keys[$0] }, made).map { ($0, $1) })
        for (i, file) in zip(missing, made) { files[i] = file }
        return files.compactMap { $0 }
    }

    /// Files made a batch at a time (`make` takes the items' range), each batch going through
    /// the sink while the next one is made; one batch in the sink at a time.
    public static func pipeline(
        count: Int, batch: Int, sink: @escaping PageSink, make: (Range<Int>) -> [OutputFile]
    ) -> [OutputFile] {
        var out: [OutputFile] = []
        var sinking: Pending<[OutputFile]>?
        for start in stride(from: 0, to: count, by: batch) {
            let made = make(start..<min(count, start + batch))
            if let sinking { out += sinking.wait() }
            sinking = Pending { sink(made) }
        }
        if let sinking { out += sinking.wait() }
        return out
    }

    /// The page for `key` from the memo, rendered when it is not there (or there is no memo).
    public func remember(_ key: RenderKey, _ render: () -> OutputFile) -> OutputFile {
        guard let memo else { return render() }
        return memo.files(key) { [render()] }.first ?? render()
    }

    /// A group of pages that depend on the same inputs, remembered together.
    public func remember(_ key: RenderKey, _ render: () -> [OutputFile]) -> [OutputFile] {
        guard let memo else { return render() }
        return memo.files(key, render)
    }
}
