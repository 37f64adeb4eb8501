import QingshanCore

/// The whole ledger as of the as-of day: every record derived, the statistics and one
/// bulletin's figures for every month with activity (stage 3 for the ledger).
public struct LedgerReport: Sendable {
    public let asOf: Day
    /// Records received by the as-of day, newest first (ties by id).
    public let records: [DerivedRecord]
    public let stats: LedgerStats
    /// Months with ledger activity up to the as-of day, oldest first.
    public let months: [LedgerMonth]
    /// The records derived at any other day (bulletins, dynamics, fact sheets), shared.
    public let derivations: LedgerDerivations

    public init(records: [LedgerRecord], asOf d: Day) {
        self.init(derivations: LedgerDerivations(records), asOf: d)
    }

    public init(derivations: LedgerDerivations, asOf d: Day) {
        asOf = d
        let records = derivations.records
        self.derivations = derivations
        self.records = derivations.derived(asOf: d).sorted { a, b in
            a.record.received != b.record.received ? a.record.received > b.record.received : a.id < b.id
        }
        stats = LedgerStats(self.records)
        let active = LedgerMonth.activeMonths(records, asOf: d)
        months = Parallel.map(active) { LedgerMonth(month: $0, derivations: derivations, asOf: d) }
    }

    public var isEmpty: Bool { records.isEmpty }
}

/// `LedgerRules.derive` of one ledger at the days asked for, each day worked out once: the
/// monthly bulletins, the dynamics panels and the fact sheets ask for the same month ends.
public final class LedgerDerivations: Sendable {
    public let records: [LedgerRecord]
    private let memo = Memo<Day, [DerivedRecord]>()

    public init(_ records: [LedgerRecord]) {
        self.records = records
    }

    public func derived(asOf d: Day) -> [DerivedRecord] {
        memo.value(for: d) { LedgerRules.derive(records, asOf: d) }
    }
}
