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

    /// `2023-Q4`.
    public init?(label: some StringProtocol) {
        let parts = label.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2,
            parts[1].first == "Q", let quarter = Int(parts[1].dropFirst())
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    public var label: String { "\(year)-Q\(quarter)" }
    public var chinese: String { "\(year)年第\(["一", "二", "三", "四"][quarter - 1])季度" }
    public var description: String { label }
    public var firstDay: Day { Day(year: year, month: quarter * 3 - 2, day: 1)! }
    public var lastDay: Day { Month(year: year, month: quarter * 3)!.lastDay }

    public func contains(_ day: Day) -> Bool { Quarter(day) == self }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}

/// One entry of a quarter's frozen sample (`content/data/spotcheck/YYYY-Qn.yaml`): the record,
/// and the callback the staff enter once they have phoned (blank until then).
public struct SpotCheckEntry: Sendable, Equatable {
    public var id: String
    public var callback: Day?
    public var satisfied: Bool?
    public var note: String
    /// Where the entry starts, for messages.
    public var location: SourceLocation

    public init(
        id: String, callback: Day? = nil, satisfied: Bool? = nil, note: String = "",
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.callback = callback
        self.satisfied = satisfied
        self.note = note
        self.location = location
    }
}

/// A quarter's frozen sample, as `qingshan spotcheck draw` wrote it and the staff filled it in.
public struct SpotCheckFile: Sendable, Equatable {
    /// Where the samples are kept, from the site folder.
    public static let folder = "content/data/spotcheck"

    /// The path of a quarter's file, from the site folder.
    public static func path(_ quarter: Quarter) -> String { folder + "/" + quarter.label + ".yaml" }

    public var quarter: Quarter
    public var entries: [SpotCheckEntry]

    public init(quarter: Quarter, entries: [SpotCheckEntry]) {
        self.quarter = quarter
        self.entries = entries
    }
}

/// 季度抽查回访 (the plan 三（二）: “建立‘季督导’制度，每季度对台账中记录的问题办理情况进行抽查回访”;
/// docs/RULES.md, Ledger): a reproducible sample of the records handled or closed in a quarter,
/// at least 20 % and at least 5 of them (all when there are fewer), spread over the
/// departments, frozen in a file once drawn; each result entered there is a callback.
public enum SpotCheck {
    /// The records handled (a round) or 已销号 within the quarter, by D, by id.
    public static func pool(_ quarter: Quarter, _ records: [LedgerRecord], asOf d: Day) -> [LedgerRecord] {
        records.filter { record in
            guard record.received <= d else { return false }
            let handled = record.rounds.contains { quarter.contains($0.handled) && $0.handled <= d }
            let closed = record.status == .closed && record.closed.map { quarter.contains($0) && $0 <= d } == true
            return handled || closed
        }.sorted { $0.id < $1.id }
    }

    /// Sample size: ⌈20 %⌉, at least 5, never more than there are.
    public static func size(of count: Int) -> Int {
        min(count, max(5, (count * 20 + 99) / 100))
    }

    /// How many of each department's records the sample takes: one each while the size allows,
    /// the rest in proportion to what is left of each (largest remainders; ties to the larger
    /// department, then the name).
    public static func quotas(_ sizes: [(name: String, count: Int)], total n: Int) -> [String: Int] {
        let k = sizes.filter { $0.count > 0 }.count
        let base = n >= k ? 1 : 0
        let rest = n - base * k
        let weights = sizes.map { max(0, $0.count - base) }
        let weight = weights.reduce(0, +)
        var quota: [String: Int] = [:]
        var remainders: [(name: String, fraction: Int, count: Int)] = []
        for (i, entry) in sizes.enumerated() where entry.count > 0 {
            let share = weight == 0 ? 0 : rest * weights[i]
            quota[entry.name] = base + (weight == 0 ? 0 : share / weight)
            remainders.append((entry.name, weight == 0 ? 0 : share % weight, entry.count))
        }
        var left = n - quota.values.reduce(0, +)
        let order = remainders.sorted { a, b in
            if a.fraction != b.fraction { return a.fraction > b.fraction }
            if a.count != b.count { return a.count > b.count }
            return String.bytesPrecede(a.name, b.name)
        }
        for entry in order where left > 0 {
            guard (quota[entry.name] ?? 0) < entry.count else { continue }
            quota[entry.name, default: 0] += 1
            left -= 1
        }
        return quota
    }

    /// The sample of the pool, spread over the departments (`quotas`), each department's records
    /// chosen by a shuffle seeded from the quarter and the department: the same ledger always
    /// gives the same records. Returned in id order.
    public static func sample(_ quarter: Quarter, _ records: [LedgerRecord], asOf d: Day) -> [LedgerRecord] {
        sample(quarter, from: pool(quarter, records, asOf: d))
    }

    /// The sample of a quarter's pool (`pool`).
    public static func sample(_ quarter: Quarter, from pool: [LedgerRecord]) -> [LedgerRecord] {
        let byDepartment = Dictionary(grouping: pool, by: \.department)
        let names = byDepartment.keys.sorted(by: String.bytesPrecede)
        let quota = quotas(names.map { ($0, byDepartment[$0]?.count ?? 0) }, total: size(of: pool.count))
        var chosen: [LedgerRecord] = []
        for name in names {
            var group = byDepartment[name] ?? []
            var rng = SplitMix64(seed: fnv1a(quarter.label + "/" + name))
            // Fisher–Yates with the seeded generator.
            if group.count > 1 {
                for i in stride(from: group.count - 1, to: 0, by: -1) {
                    group.swapAt(i, Int(rng.next() % UInt64(i + 1)))
                }
            }
            chosen += group.prefix(quota[name] ?? 0)
        }
        return chosen.sorted { $0.id < $1.id }
    }

    /// Quarters with records handled or closed up to the as-of day.
    public static func quarters(_ records: [LedgerRecord], asOf d: Day) -> [Quarter] {
        var days = records.flatMap { $0.rounds.map(\.handled) }
        days += records.compactMap { $0.status == .closed ? $0.closed : nil }
        return Set(days.filter { $0 <= d }.map(Quarter.init)).sorted()
    }

    /// The results entered in the frozen samples, applied to the ledger: a result is the
    /// callback of the record's latest round when that round has none, otherwise a recheck.
    public static func apply(_ files: [SpotCheckFile], to records: [LedgerRecord]) -> [LedgerRecord] {
        var results: [String: [SpotCheckEntry]] = [:]
        for file in files {
            for entry in file.entries where entry.callback != nil && entry.satisfied != nil {
                results[entry.id, default: []].append(entry)
            }
        }
        guard !results.isEmpty else { return records }
        return records.map { record in
            guard let entries = results[record.id] else { return record }
            var record = record
            let filled = entries.compactMap { entry in
                entry.callback.flatMap { day in entry.satisfied.map { (day: day, satisfied: $0, note: entry.note) } }
            }
            for (day, satisfied, note) in filled.sorted(by: { $0.day < $1.day }) {
                if let last = record.rounds.indices.last, record.rounds[last].callback == nil {
                    record.rounds[last].callback = day
                    record.rounds[last].satisfied = satisfied
                } else {
                    record.rechecks.append(Recheck(date: day, satisfied: satisfied, note: note))
                    record.rechecks.sort { $0.date < $1.date }
                }
            }
            return record
        }
    }

    /// The YAML of a newly drawn sample: one entry per record, the result fields blank.
    public static func fileText(_ quarter: Quarter, _ sample: [LedgerRecord], drawnOn day: Day) -> String {
        var out = "# \(quarter.chinese)抽查回访清单：\(day.iso) 由 qingshan spotcheck draw \(quarter.label) 抽取，"
        out += "共 \(sample.count) 件。\n# 名单不再变动；回访后填写 callback（回访日期）、satisfied（true/false）和 note。\n"
        for record in sample {
            out += "- id: \(record.id)\n  callback:\n  satisfied:\n  note:\n"
        }
        return out
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
