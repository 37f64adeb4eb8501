import Foundation
import QingshanCore
import QingshanLedger
import QingshanModel

/// /data/ledger.json and /data/ledger.csv (docs/RULES.md, Open data files): the de-identified
/// ledger as of D. Built from public fields only: never `owner`, never `private:`.
public enum LedgerOpenData {
    public static func files(_ report: LedgerReport) -> [OutputFile] {
        [
            OutputFile(
                path: "data/ledger.json", data: Data(json(report).bytes(pretty: true)), origin: "content/data/ledger"),
            OutputFile(path: "data/ledger.csv", data: csv(report), origin: "content/data/ledger"),
        ]
    }

    /// The figures of each 科室 or 街道 (by name, in a stable order).
    static func units(_ figures: [String: UnitFigures]) -> JSONValue {
        .object(
            figures.sorted { String.bytesPrecede($0.key, $1.key) }.map { name, unit in
                (
                    name,
                    .object(
                        [
                            ("received", .int(unit.received)), ("handled", .int(unit.handled)),
                            ("closed", .int(unit.closed)), ("overdue", .int(unit.overdue)),
                        ] + [Grade.green, .yellow, .red, .pending].map { ($0.rawValue, .int(unit.byGrade[$0] ?? 0)) })
                )
            })
    }

    static func counts<T: RawRepresentable>(_ all: [T], _ counts: [T: Int]) -> JSONValue where T.RawValue == String {
        .object(all.map { ($0.rawValue, .int(counts[$0] ?? 0)) })
    }

    public static func json(_ report: LedgerReport) -> JSONValue {
        let stats = report.stats
        let records: [JSONValue] = report.records.map { item in
            let r = item.record
            return .object([
                ("id", .string(r.id)),
                ("received", .string(r.received.iso)),
                ("channel", .string(r.channel.rawValue)),
                ("category", .string(r.category.rawValue)),
                ("domain", .optional(r.domain?.rawValue)),
                ("street", .optional(r.street)),
                ("summary", .string(r.summary)),
                ("department", .string(r.department)),
                ("requirement", .optional(r.requirement)),
                ("deadline", .string(r.deadline.iso)),
                ("status", .string(item.status.rawValue)),
                ("closed", .optional(item.closed)),
                ("repeat_of", .optional(r.repeatOf)),
                ("ledger", .string(r.book.rawValue)),
                ("grade", .string(item.grade.rawValue)),
                ("first_time_satisfied", .bool(item.firstTimeSatisfied)),
                ("satisfied_now", .bool(item.satisfiedNow)),
                ("overdue", .bool(item.overdue)),
                ("late", .bool(item.late)),
                ("supervised", .bool(item.supervised)),
                ("supervision_open", .bool(item.supervisionOpen)),
                ("rebound", .bool(item.rebound)),
                (
                    "progress",
                    .array(
                        item.progress.map { note in
                            .object([("date", .string(note.date.iso)), ("text", .string(note.text))])
                        })
                ),
                (
                    "rounds",
                    .array(
                        item.rounds.map { round in
                            .object([
                                ("handled", .string(round.handled.iso)),
                                ("result", .string(round.result)),
                                ("callback", .optional(round.callback)),
                                ("satisfied", round.satisfied.map(JSONValue.bool) ?? .null),
                            ])
                        })
                ),
            ])
        }
        return .object([
            ("as_of", .string(report.asOf.iso)),
            ("records", .array(records)),
            (
                "stats",
                .object([
                    ("total", .int(stats.total)),
                    ("by_channel", counts(Channel.allCases, stats.byChannel)),
                    ("by_ledger", counts(LedgerBook.allCases, stats.byBook)),
                    ("by_category", counts(Category.allCases, stats.byCategory)),
                    ("by_domain", counts(Domain.allCases, stats.byDomain)),
                    ("by_status", counts(Status.allCases, stats.byStatus)),
                    ("by_grade", counts([Grade.green, .yellow, .red, .pending], stats.byGrade)),
                    ("overdue", .int(stats.overdue)),
                    ("supervised", .int(stats.supervised)),
                    ("supervision_open", .int(stats.supervisionOpen)),
                    ("late", .int(stats.late)),
                    ("rebound", .int(stats.rebound)),
                    ("first_time_satisfaction_rate", .optional(stats.firstTimeSatisfactionRate)),
                    ("satisfaction_rate", .optional(stats.satisfactionRate)),
                    ("by_department", units(stats.byDepartment)),
                    ("by_street", units(stats.byStreet)),
                ])
            ),
        ])
    }

    public static func csv(_ report: LedgerReport) -> Data {
        func yes(_ value: Bool) -> String { value ? "是" : "否" }
        return CSVTable.render(
            header: [
                "编号", "受理日期", "来源渠道", "问题类别", "环境要素", "所在街道", "问题摘要", "责任科室", "整改要求", "整改时限", "办理状态", "销号日期",
                "所属台账", "回访分级", "一次办理满意", "当前满意", "逾期未办", "超期办结", "重点督办", "督办中", "反弹", "重复反映",
            ],
            rows: report.records.map { item in
                let r = item.record
                return [
                    r.id, r.received.iso, r.channel.rawValue, r.category.rawValue, r.domain?.rawValue ?? "",
                    r.street ?? "",
                    r.summary, r.department, r.requirement ?? "", r.deadline.iso, item.status.rawValue,
                    item.closed?.iso ?? "", r.book.rawValue, item.grade.label, yes(item.firstTimeSatisfied),
                    yes(item.satisfiedNow), yes(item.overdue), yes(item.late), yes(item.supervised),
                    yes(item.supervisionOpen), yes(item.rebound), r.repeatOf ?? "",
                ]
            })
    }
}
