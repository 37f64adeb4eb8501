import QingshanCore

/// The headline figures of the ledger as of a day (docs/RULES.md, Ledger; Open data files
/// `stats`).
public struct LedgerStats: Sendable, Equatable {
    public var total: Int
    public var byChannel: [Channel: Int]
    public var byCategory: [Category: Int]
    public var byDomain: [Domain: Int]
    public var byStatus: [Status: Int]
    public var byGrade: [Grade: Int]
    public var overdue: Int
    public var supervised: Int
    public var late: Int
    public var rebound: Int
    /// Records with a callback: how many were satisfied the first time, and at the latest callback.
    public var calledBack: Int
    public var firstTimeSatisfied: Int
    public var satisfiedNow: Int

    /// Counted in one walk over the records (grouping copied every record into five arrays).
    public init(_ records: [DerivedRecord]) {
        total = records.count
        byChannel = [:]
        byCategory = [:]
        byDomain = [:]
        byStatus = [:]
        byGrade = [:]
        overdue = 0
        supervised = 0
        late = 0
        rebound = 0
        calledBack = 0
        firstTimeSatisfied = 0
        satisfiedNow = 0
        for derived in records {
            let record = derived.record
            byChannel[record.channel, default: 0] += 1
            byCategory[record.category, default: 0] += 1
            if let domain = record.domain { byDomain[domain, default: 0] += 1 }
            byStatus[derived.status, default: 0] += 1
            byGrade[derived.grade, default: 0] += 1
            if derived.overdue { overdue += 1 }
            if derived.supervised { supervised += 1 }
            if derived.late { late += 1 }
            if derived.rebound { rebound += 1 }
            if derived.grade != .pending { calledBack += 1 }
            if derived.firstTimeSatisfied { firstTimeSatisfied += 1 }
            if derived.grade == .green { satisfiedNow += 1 }
        }
    }

    /// 一次办理满意率: first-time satisfied among records called back; nil without callbacks.
    public var firstTimeSatisfactionRate: Double? {
        calledBack == 0 ? nil : Double(firstTimeSatisfied) / Double(calledBack)
    }

    /// 最终满意率: satisfied at the latest callback among records called back.
    public var satisfactionRate: Double? {
        calledBack == 0 ? nil : Double(satisfiedNow) / Double(calledBack)
    }

    /// 办结率: 已办结 or 已销号 among all records.
    public var completionRate: Double? {
        total == 0 ? nil : Double((byStatus[.handled] ?? 0) + (byStatus[.closed] ?? 0)) / Double(total)
    }
}
