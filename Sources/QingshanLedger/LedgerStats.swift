import QingshanCore

/// The headline figures of the ledger as of a day (contract §4.1 `stats`).
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

    public init(_ records: [DerivedRecord]) {
        total = records.count
        byChannel = Dictionary(grouping: records, by: \.record.channel).mapValues(\.count)
        byCategory = Dictionary(grouping: records, by: \.record.category).mapValues(\.count)
        byDomain = Dictionary(grouping: records.filter { $0.record.domain != nil }, by: { $0.record.domain ?? .other })
            .mapValues(\.count)
        byStatus = Dictionary(grouping: records, by: \.status).mapValues(\.count)
        byGrade = Dictionary(grouping: records, by: \.grade).mapValues(\.count)
        overdue = records.filter(\.overdue).count
        supervised = records.filter(\.supervised).count
        late = records.filter(\.late).count
        rebound = records.filter(\.rebound).count
        calledBack = records.filter { $0.grade != .pending }.count
        firstTimeSatisfied = records.filter(\.firstTimeSatisfied).count
        satisfiedNow = records.filter { $0.grade == .green }.count
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
