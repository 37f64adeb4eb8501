import QingshanCore

/// A calendar quarter, `2023-Q2`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let quarter: Int

    public init(_ day: Day) {
        year = day.year
        quarter = (day.month - 1) / 3 + 1
    }

    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    public var label: String { "\(year)-Q\(quarter)" }
    public var chinese: String { "\(year)年第\(["一", "二", "三", "四"][quarter - 1])季度" }
    public var description: String { label }
    public var firstDay: Day { Day(year: year, month: quarter * 3 - 2, day: 1)! }
    public var lastDay: Day { Month(year: year, month: quarter * 3)!.lastDay }

    public func contains(_ day: Day) -> Bool { Quarter(day) == self }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}

/// 季度抽查回访 (the plan 三（二） “季督导”; docs/RULES.md, Ledger): a reproducible sample of
/// the records closed in a quarter, at least 20 % and at least 5 of them (all when there are
/// fewer).
public enum SpotCheck {
    /// Records 已销号 within the quarter (and by the as-of day), by id.
    public static func closed(in quarter: Quarter, _ records: [LedgerRecord], asOf d: Day) -> [LedgerRecord] {
        records.filter { record in
            guard record.status == .closed, let closed = record.closed else { return false }
            return quarter.contains(closed) && closed <= d && record.received <= d
        }.sorted { $0.id < $1.id }
    }

    /// Sample size: ⌈20 %⌉, at least 5, never more than there are.
    public static func size(of count: Int) -> Int {
        min(count, max(5, (count * 20 + 99) / 100))
    }

    /// The sample, chosen by a shuffle seeded from the quarter's label: the same input always
    /// gives the same records. Returned in id order.
    public static func sample(_ quarter: Quarter, _ records: [LedgerRecord], asOf d: Day) -> [LedgerRecord] {
        var pool = closed(in: quarter, records, asOf: d)
        var rng = SplitMix64(seed: fnv1a(quarter.label))
        // Fisher–Yates with the seeded generator.
        if pool.count > 1 {
            for i in stride(from: pool.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                pool.swapAt(i, j)
            }
        }
        return Array(pool.prefix(size(of: pool.count))).sorted { $0.id < $1.id }
    }

    /// Quarters with closures up to the as-of day.
    public static func quarters(_ records: [LedgerRecord], asOf d: Day) -> [Quarter] {
        Set(records.compactMap { $0.status == .closed ? $0.closed : nil }.filter { $0 <= d }.map(Quarter.init)).sorted()
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
