import QingshanCore

/// A record as it stood on the as-of day, with everything docs/RULES.md (Ledger) derives from it.
public struct DerivedRecord: Sendable {
    public let record: LedgerRecord
    /// Rounds handled by the as-of day, with callbacks after it removed.
    public let rounds: [Round]
    /// Progress notes and rechecks dated by the as-of day.
    public let progress: [ProgressNote]
    public let rechecks: [Recheck]
    public let status: Status
    public let closed: Day?
    public let grade: Grade
    public let firstTimeSatisfied: Bool
    public let satisfiedNow: Bool
    public let overdue: Bool
    public let late: Bool
    /// Its place on the 重要问题督办台账, once it entered.
    public let supervision: Supervision?
    public let rebound: Bool

    public var id: String { record.id }
    public var supervised: Bool { supervision != nil }
    public var supervisionOpen: Bool { supervision?.open == true }
    /// The status as the ledger shows it: `办理中`, or `办理中（逾期）` past its deadline.
    public var statusText: String { overdue ? "\(status.rawValue)（逾期）" : status.rawValue }
    /// What was done: the latest round's result as of D, if it says anything.
    public var result: String? {
        guard let result = rounds.last?.result, !result.isEmpty else { return nil }
        return result
    }
}

/// Why a record is on the 重要问题督办台账 (the plan 三（二）: “对于重复访和不满意的问题建立重要
/// 问题督办台账，明确科室、专人盯办”; overdue records join them, docs/RULES.md).
public enum SupervisionReason: String, Sendable, CaseIterable {
    case unsatisfied = "回访不满意"
    case repeated = "重复访"
    case overdue = "逾期未办"
    case rebound = "销号后回访不满意"
}

/// A record's entry on the register: when and why it entered, every reason since, and whether
/// it is open (until 销号, and again after an unsatisfied recheck until a satisfied one).
public struct Supervision: Sendable, Equatable {
    public struct Event: Sendable, Equatable {
        public var day: Day
        public var reason: SupervisionReason
    }

    /// Oldest first; the first is the entry.
    public var events: [Event]
    public var open: Bool

    public var entered: Day { events[0].day }
    public var reason: SupervisionReason { events[0].reason }
}

/// The derivation rules of docs/RULES.md (Ledger, 问题台账), as pure functions of a record
/// and the as-of day D. The plan (满意环保实施方案, 枣高环〔2023〕4号, 三（二）) defines the
/// green/yellow/red grading; no national standard exists for it.
public enum LedgerRules {
    /// docs/RULES.md, Ledger: rounds handled after D did not happen yet; a callback after D is
    /// not known.
    public static func rounds(_ record: LedgerRecord, asOf d: Day) -> [Round] {
        record.rounds.filter { $0.handled <= d }.map { round in
            guard let callback = round.callback, callback > d else { return round }
            return Round(handled: round.handled, result: round.result, callback: nil, satisfied: nil)
        }
    }

    /// docs/RULES.md, Ledger: 已销号 only once closed by D; otherwise 已办结 when a round was
    /// handled by D; otherwise the record's own open status (待办 stays 待办, anything else reads
    /// 办理中).
    public static func status(_ record: LedgerRecord, rounds: [Round], asOf d: Day) -> Status {
        switch record.status {
        case .todo, .inProgress:
            return record.status
        case .closed:
            if let closed = record.closed, closed <= d { return .closed }
            return rounds.isEmpty ? .inProgress : .handled
        case .handled:
            return rounds.isEmpty ? .inProgress : .handled
        }
    }

    /// The plan 三（二）: “对于一次办理满意的标记绿标，对一次办结不满意的标记黄标，对两次及以上办理仍
    /// 不满意的标记红标”. The grade counts the unsatisfied callbacks and never improves: pending
    /// before any callback, green while none was unsatisfied, yellow after one, red after two
    /// or more. Rechecks after 销号 do not change it (an unsatisfied one is a rebound).
    public static func grade(rounds: [Round]) -> Grade {
        let called = rounds.filter { $0.callback != nil && $0.satisfied != nil }
        guard !called.isEmpty else { return .pending }
        switch called.filter({ $0.satisfied == false }).count {
        case 0: return .green
        case 1: return .yellow
        default: return .red
        }
    }

    /// docs/RULES.md, Ledger: the first callback was satisfied (一次办理满意; false while unknown).
    public static func firstTimeSatisfied(rounds: [Round]) -> Bool {
        rounds.first { $0.callback != nil && $0.satisfied != nil }?.satisfied == true
    }

    /// docs/RULES.md, Ledger: the latest callback or recheck (by its day) was satisfied.
    public static func satisfiedNow(rounds: [Round], rechecks: [Recheck]) -> Bool {
        var latest: (day: Day, satisfied: Bool)?
        for round in rounds {
            if let day = round.callback, let satisfied = round.satisfied, latest.map({ day >= $0.day }) ?? true {
                latest = (day, satisfied)
            }
        }
        for recheck in rechecks where latest.map({ recheck.date >= $0.day }) ?? true {
            latest = (recheck.date, recheck.satisfied)
        }
        return latest?.satisfied == true
    }

    /// docs/RULES.md, Ledger: 逾期未办 — D is past the deadline and no round was handled by D
    /// (a record 销号 without a round is not overdue).
    public static func overdue(rounds: [Round], status: Status, deadline: Day, asOf d: Day) -> Bool {
        rounds.isEmpty && status != .closed && d > deadline
    }

    /// docs/RULES.md, Ledger: 超期办结 — the first round was handled after the deadline. The 销号
    /// day does not make a record late.
    public static func late(rounds: [Round], deadline: Day) -> Bool {
        guard let first = rounds.first else { return false }
        return first.handled > deadline
    }

    /// docs/RULES.md, Ledger: 重要问题督办台账. The events by D that put a record on it, oldest
    /// first — an unsatisfied callback or recheck, a repeat (it names an earlier record, or a
    /// later one names it: `repeatedOn`), the first day past the deadline with nothing handled
    /// — and whether it is open on D.
    public static func supervision(
        rounds: [Round], rechecks: [Recheck], closed: Day?, repeatOf: String?, received: Day, deadline: Day,
        repeatedOn: Day?, asOf d: Day
    ) -> Supervision? {
        var events: [Supervision.Event] = []
        for round in rounds where round.satisfied == false {
            if let day = round.callback { events.append(.init(day: day, reason: .unsatisfied)) }
        }
        for recheck in rechecks where !recheck.satisfied {
            let afterClosing = closed.map { recheck.date >= $0 } ?? false
            events.append(.init(day: recheck.date, reason: afterClosing ? .rebound : .unsatisfied))
        }
        if repeatOf != nil { events.append(.init(day: received, reason: .repeated)) }
        if let repeatedOn { events.append(.init(day: repeatedOn, reason: .repeated)) }
        // Overdue on the day after the deadline when nothing was handled (or closed) by then.
        let firstLateDay = deadline.next
        if firstLateDay <= d, rounds.first.map({ $0.handled > firstLateDay }) ?? true,
            closed.map({ $0 > firstLateDay }) ?? true
        {
            events.append(.init(day: firstLateDay, reason: .overdue))
        }
        events = events.filter { $0.day <= d }.sorted { $0.day < $1.day }
        guard !events.isEmpty else { return nil }
        var open = closed == nil
        if let closed {
            for recheck in rechecks where recheck.date >= closed { open = !recheck.satisfied }
        }
        return Supervision(events: events, open: open)
    }

    /// docs/RULES.md, Ledger: 反弹 — an unsatisfied recheck after 销号 (`closed`, as of D), or a
    /// repeat of a record that was 已销号 before this one was received.
    public static func rebound(rechecks: [Recheck], closed: Day?, repeatOf earlier: LedgerRecord?, received: Day)
        -> Bool
    {
        if let closed, rechecks.contains(where: { !$0.satisfied && $0.date >= closed }) { return true }
        guard let earlier, earlier.status == .closed, let closed = earlier.closed else { return false }
        return closed < received
    }

    /// Derives every record received by D; records received after D are left out.
    public static func derive(_ records: [LedgerRecord], asOf d: Day) -> [DerivedRecord] {
        let visible = records.filter { $0.received <= d }
        let byID = Dictionary(visible.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The day each record was first named by a later report of the same problem.
        var firstRepeat: [String: Day] = [:]
        for record in visible {
            guard let earlier = record.repeatOf else { continue }
            firstRepeat[earlier] = min(firstRepeat[earlier] ?? record.received, record.received)
        }
        let repeatedOn = firstRepeat
        // Each record on its own: on all cores (the order kept).
        return Parallel.map(visible) { record in
            let rounds = rounds(record, asOf: d)
            let rechecks = record.rechecks.filter { $0.date <= d }
            let status = status(record, rounds: rounds, asOf: d)
            let closed = status == .closed ? record.closed : nil
            return DerivedRecord(
                record: record, rounds: rounds, progress: record.progress.filter { $0.date <= d },
                rechecks: rechecks, status: status, closed: closed, grade: grade(rounds: rounds),
                firstTimeSatisfied: firstTimeSatisfied(rounds: rounds),
                satisfiedNow: satisfiedNow(rounds: rounds, rechecks: rechecks),
                overdue: overdue(rounds: rounds, status: status, deadline: record.deadline, asOf: d),
                late: late(rounds: rounds, deadline: record.deadline),
                supervision: supervision(
                    rounds: rounds, rechecks: rechecks, closed: closed, repeatOf: record.repeatOf,
                    received: record.received, deadline: record.deadline, repeatedOn: repeatedOn[record.id], asOf: d),
                rebound: rebound(
                    rechecks: rechecks, closed: closed, repeatOf: record.repeatOf.flatMap { byID[$0] },
                    received: record.received))
        }
    }
}
