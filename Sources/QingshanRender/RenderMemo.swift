import Foundation
import QingshanCore
import QingshanModel

/// Names a rendered page (or group of pages) by everything it was made from beyond the
/// build's context: the page's kind and the revisions of the articles it shows.
public struct RenderKey: Hashable, Sendable {
    var name: String
    var numbers: [Int]

    public init(_ name: String, _ numbers: [Int] = []) {
        self.name = name
        self.numbers = numbers
    }

    public init(_ name: String, articles: [Article?], _ numbers: [Int] = []) {
        self.name = name
        self.numbers = numbers + articles.map { $0?.revision ?? -1 }
    }
}

/// Pages of the last build, kept by serve: a page whose key and context (config, theme, data,
/// as-of day, navigation) are unchanged is taken as it was instead of being rendered again.
/// `begin` starts a build (a different context forgets everything), `finish` drops the pages
/// the build no longer has.
public final class RenderMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var context = Digest()
    private var entries: [RenderKey: [OutputFile]] = [:]
    private var used = Set<RenderKey>()
    private var hitCount = 0

    public init() {}

    /// Pages taken from the memo by the last build, for tests and the serve log.
    public var hits: Int {
        lock.lock()
        defer { lock.unlock() }
        return hitCount
    }

    public func begin(context: Digest) {
        lock.lock()
        defer { lock.unlock() }
        if context != self.context { entries = [:] }
        self.context = context
        used = []
        hitCount = 0
    }

    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { used.contains($0.key) }
    }

    func files(_ key: RenderKey, _ render: () -> [OutputFile]) -> [OutputFile] {
        lock.lock()
        used.insert(key)
        if let kept = entries[key] {
            hitCount += kept.count
            lock.unlock()
            return kept
        }
        lock.unlock()
        let made = render()
        lock.lock()
        entries[key] = made
        lock.unlock()
        return made
    }
}

extension PageChrome {
    /// The page for `key` from the memo, rendered when it is not there (or there is no memo).
    func remember(_ key: RenderKey, _ render: () -> OutputFile) -> OutputFile {
        guard let memo else { return render() }
        return memo.files(key) { [render()] }.first ?? render()
    }

    /// A group of pages that depend on the same inputs, remembered together.
    public func remember(_ key: RenderKey, _ render: () -> [OutputFile]) -> [OutputFile] {
        guard let memo else { return render() }
        return memo.files(key, render)
    }
}
