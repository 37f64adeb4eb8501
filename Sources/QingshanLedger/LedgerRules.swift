import QingshanCore

/// A record as it stood on the as-of day, with everything docs/RULES.md (Ledger) derives from it.
public struct DerivedRecord: Sendable {
    public let record: LedgerRecord
    /// Rounds handled by the as-of day, with callbacks after it removed.
    public let rounds: [Round]
    public let status: Status
    public let closed: Day?
    public let grade: Grade
    public let firstTimeSatisfied: Bool
    public let overdue: Bool
    public let late: Bool
    public let supervised: Bool
    public let rebound: Bool

    public var id: String { record.id }
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

    /// The plan 三（二） (docs/RULES.md, Ledger): pending before any callback; green when the
    /// latest callback was satisfied; yellow when it was not, after one round; red when not,
    /// after two or more rounds.
    public static func grade(rounds: [Round]) -> Grade {
        guard let index = rounds.lastIndex(where: { $0.callback != nil && $0.satisfied != nil }),
            let satisfied = rounds[index].satisfied
        else { return .pending }
        if satisfied { return .green }
        return index == 0 ? .yellow : .red
    }

    /// docs/RULES.md, Ledger: the first round's callback was satisfied (false while it is unknown).
    public static func firstTimeSatisfied(rounds: [Round]) -> Bool {
        guard let first = rounds.first, first.callback != nil else { return false }
        return first.satisfied == true
    }

    /// docs/RULES.md, Ledger: still 待办 or 办理中 on D, and D is past the deadline.
    public static func overdue(status: Status, deadline: Day, asOf d: Day) -> Bool {
        status.isOpen && d > deadline
    }

    /// docs/RULES.md, Ledger: 销号 after the deadline.
    public static func late(closed: Day?, deadline: Day) -> Bool {
        guard let closed else { return false }
        return closed > deadline
    }

    /// Derives every record received by D; records received after D are left out.
    public static func derive(_ records: [LedgerRecord], asOf d: Day) -> [DerivedRecord] {
        let visible = records.filter { $0.received <= d }
        let byID = Dictionary(visible.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Records another visible record names as the earlier report of the same problem.
        let repeated = Set(visible.compactMap(\.repeatOf))
        // Each record on its own: on all cores (the order kept).
        return Parallel.map(visible) { record in
            let rounds = rounds(record, asOf: d)
            let status = status(record, rounds: rounds, asOf: d)
            let closed = status == .closed ? record.closed : nil
            let grade = grade(rounds: rounds)
            let overdue = overdue(status: status, deadline: record.deadline, asOf: d)
            let isRepeat = record.repeatOf != nil || repeated.contains(record.id)
            var rebound = false
            if let earlierID = record.repeatOf, let earlier = byID[earlierID], earlier.status == .closed,
                let earlierClosed = earlier.closed, earlierClosed < record.received
            {
                rebound = true
            }
            return DerivedRecord(
                record: record, rounds: rounds, status: status, closed: closed, grade: grade,
                firstTimeSatisfied: firstTimeSatisfied(rounds: rounds), overdue: overdue,
                late: late(closed: closed, deadline: record.deadline),
                supervised: grade == .yellow || grade == .red || isRepeat || overdue, rebound: rebound)
        }
    }
}
