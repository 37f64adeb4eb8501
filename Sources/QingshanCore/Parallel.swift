import Dispatch
import Foundation

/// Order-preserving parallel work across the machine's cores.
public enum Parallel {
    /// Results written by index from many threads; each slot is written exactly once.
    private final class Slots<R>: @unchecked Sendable {
        var values: [R?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
    }

    /// Maps `items` with `transform` on every core; the result keeps the input order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (items.count + chunk - 1) / chunk
        withoutActuallyEscaping(transform) { transform in
            slots.values.withUnsafeMutableBufferPointer { buffer in
                let out = UnsafeSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let end = min(items.count, (c + 1) * chunk)
                    for i in (c * chunk)..<end {
                        out.value[i] = transform(items[i])
                    }
                }
            }
        }
        return slots.values.map { $0! }
    }

    /// Runs `body` for every index in parallel.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count < 2 {
            for i in 0..<count { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}

/// Work running on another thread while the caller goes on; `wait` returns its result.
public final class Pending<T: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    public func wait() -> T {
        done.wait()
        guard let result else { preconditionFailure("the work of a Pending ended without a result") }
        return result
    }

    /// The result, which this `Pending` then lets go of: the caller holds the only reference,
    /// so a value it changes is not copied first (a search index's postings are large).
    public func take() -> T {
        done.wait()
        guard let taken = result else { preconditionFailure("the result of a Pending was taken or never made") }
        result = nil
        return taken
    }
}

/// Hands a buffer whose slots are written by disjoint indices to concurrent workers.
private struct UnsafeSendable<B>: @unchecked Sendable {
    let value: B
    init(_ value: B) { self.value = value }
}
