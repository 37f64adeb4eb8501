import QingshanCore

/// The figures of one 科室 or 街道 (the plan 三（二）: “对反馈及梳理问题分析研判”): received,
/// handled (已办结 or 已销号), closed (已销号), overdue, and the grades.
public struct UnitFigures: Sendable, Equatable {
    public var received = 0
    public var handled = 0
    public var closed = 0
    public var overdue = 0
    public var byGrade: [Grade: Int] = [:]
    /// On the 重要问题督办台账 and still open.
    public var supervisionOpen = 0

    public init() {}

    mutating func add(_ derived: DerivedRecord) {
        received += 1
        if derived.status == .handled || derived.status == .closed { handled += 1 }
        if derived.status == .closed { closed += 1 }
        if derived.overdue { overdue += 1 }
        byGrade[derived.grade, default: 0] += 1
        if derived.supervisionOpen { supervisionOpen += 1 }
    }
}

/// The headline figures of the ledger as of a day (docs/RULES.md, Ledger; Open data files
/// `stats`).
public struct LedgerStats: Sendable, Equatable {
    public var total: Int
    public var byChannel: [Channel: Int]
    public var byBook: [LedgerBook: Int]
    public var byDepartment: [String: UnitFigures]
    public var byStreet: [String: UnitFigures]
    /// On the 重要问题督办台账 and still open.
    public var supervisionOpen: Int
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
        byBook = [:]
        byDepartment = [:]
        byStreet = [:]
        supervisionOpen = 0
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
            byBook[record.book, default: 0] += 1
            byDepartment[record.department, default: UnitFigures()].add(derived)
            if let street = record.street { byStreet[street, default: UnitFigures()].add(derived) }
            if derived.supervisionOpen { supervisionOpen += 1 }
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
            if derived.grade != .pending, derived.satisfiedNow { satisfiedNow += 1 }
        }
    }

    /// 一次办理满意率: first-time satisfied among records called back; nil without callbacks.
    public var firstTimeSatisfactionRate: Double? {
        calledBack == 0 ? nil : Double(firstTimeSatisfied) / Double(calledBack)
    }

    /// 最终满意率: satisfied at the latest callback (or recheck) among records called back.
    public var satisfactionRate: Double? {
        calledBack == 0 ? nil : Double(satisfiedNow) / Double(calledBack)
    }

    /// 办结率: 已办结 or 已销号 among all records.
    public var completionRate: Double? {
        total == 0 ? nil : Double((byStatus[.handled] ?? 0) + (byStatus[.closed] ?? 0)) / Double(total)
    }
}
