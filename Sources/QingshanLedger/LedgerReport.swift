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

    public init(records: [LedgerRecord], asOf d: Day) {
        asOf = d
        self.records = LedgerRules.derive(records, asOf: d).sorted { a, b in
            a.record.received != b.record.received ? a.record.received > b.record.received : a.id < b.id
        }
        stats = LedgerStats(self.records)
        let active = LedgerMonth.activeMonths(records, asOf: d)
        months = Parallel.map(active) { LedgerMonth(month: $0, records: records, asOf: d) }
    }

    public var isEmpty: Bool { records.isEmpty }
}
