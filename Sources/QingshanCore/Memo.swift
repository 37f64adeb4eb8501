import Foundation

/// Values computed once per key and shared across threads: a value is made outside the lock,
/// so two threads asking for the same new key at once may both make it (the same value).
public final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    public init() {}

    /// The value for `key`, made by `make` on first use.
    public func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let value = make()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }
}
