import QingshanCore

/// The ledger figures of one month's progress bulletin (月度通报), computed as of the
/// month's last day, or the as-of day for the current month (docs/RULES.md, Ledger, monthly
/// bulletin).
public struct LedgerMonth: Sendable {
    public let month: Month
    /// The day the figures are taken at.
    public let asOf: Day
    /// Records received in the month.
    public let received: [DerivedRecord]
    public let receivedByChannel: [Channel: Int]
    public let receivedByCategory: [Category: Int]
    /// Records 已销号 in the month.
    public let closedInMonth: Int
    /// Rounds handled (办结) and callbacks made (回访) in the month.
    public let handledInMonth: Int
    public let callbacksInMonth: Int
    /// Records still 待办/办理中, and overdue among them, at the end of the month.
    public let openAtEnd: Int
    public let overdueAtEnd: Int
    /// Everything received up to `asOf`.
    public let cumulative: LedgerStats
    /// 重要问题督办台账 at the end of the month.
    public let supervised: [DerivedRecord]

    public init(month: Month, records: [LedgerRecord], asOf d: Day) {
        self.init(month: month, derivations: LedgerDerivations(records), asOf: d)
    }

    /// The month's figures from records derived (once per day) by `derivations`.
    public init(month: Month, derivations: LedgerDerivations, asOf d: Day) {
        self.month = month
        let end = min(month.lastDay, d)
        asOf = end
        let derived = derivations.derived(asOf: end)
        received = derived.filter { month.contains($0.record.received) }
        receivedByChannel = Dictionary(grouping: received, by: \.record.channel).mapValues(\.count)
        receivedByCategory = Dictionary(grouping: received, by: \.record.category).mapValues(\.count)
        closedInMonth = derived.filter { $0.closed.map(month.contains) == true }.count
        handledInMonth = derived.reduce(0) { $0 + $1.rounds.filter { month.contains($0.handled) }.count }
        callbacksInMonth = derived.reduce(0) { $0 + $1.rounds.filter { $0.callback.map(month.contains) == true }.count }
        openAtEnd = derived.filter { $0.status.isOpen }.count
        overdueAtEnd = derived.filter(\.overdue).count
        cumulative = LedgerStats(derived)
        supervised = derived.filter(\.supervisionOpen)
    }

    /// Months in which anything happened to the ledger (received, handled, called back,
    /// closed) up to `d`, oldest first.
    public static func activeMonths(_ records: [LedgerRecord], asOf d: Day) -> [Month] {
        var months = Set<Month>()
        for record in records where record.received <= d {
            months.insert(Month(record.received))
            if let closed = record.closed, closed <= d { months.insert(Month(closed)) }
            for round in record.rounds {
                if round.handled <= d { months.insert(Month(round.handled)) }
                if let callback = round.callback, callback <= d { months.insert(Month(callback)) }
            }
        }
        return months.sorted()
    }
}
