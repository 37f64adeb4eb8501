import Foundation
import QingshanCore
import QingshanModel
import QingshanRender

/// Pages of the last build, kept by serve: a page whose key and context (config, theme, data,
/// as-of day, navigation) are unchanged is taken as it was instead of being rendered again.
/// `begin` starts a build (a different context forgets everything), `finish` drops the pages
/// the build no longer has.
public final class RenderMemo: PageMemo, @unchecked Sendable {
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
        // Every key of the memo is in `used` when nothing went away.
        if used.count < entries.count { entries = entries.filter { used.contains($0.key) } }
    }

    /// The kept pages for each key (nil where there are none), under one lock.
    public func lookup(_ keys: [RenderKey]) -> [OutputFile?] {
        lock.lock()
        defer { lock.unlock() }
        used.reserveCapacity(used.count + keys.count)
        return keys.map { key in
            used.insert(key)
            guard let kept = entries[key]?.first else { return nil }
            hitCount += 1
            return kept
        }
    }

    public func store(_ made: [(RenderKey, OutputFile)]) {
        lock.lock()
        defer { lock.unlock() }
        for (key, file) in made { entries[key] = [file] }
    }

    public func files(_ key: RenderKey, _ render: () -> [OutputFile]) -> [OutputFile] {
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
