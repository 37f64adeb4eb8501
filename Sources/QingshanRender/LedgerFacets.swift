import QingshanCore
import QingshanLedger

/// The ways a reader narrows the ledger (issue 18: by 类别, 街道, 科室, grade, ledger): each value
/// is a page of its own, /ledger/by/street/兴仁街道/ and its later pages, made like /ledger/ —
/// links that work without a script, as a static site's taxonomies do.
public struct LedgerFacet: Sendable {
    /// The path segment (`category`) and the heading (`类别`).
    public let key: String
    public let title: String
    public let values: [Value]

    public struct Value: Sendable {
        public let label: String
        public let test: @Sendable (DerivedRecord) -> Bool
    }

    /// The facets of a ledger as of D, each value one the records hold.
    public static func all(_ records: [DerivedRecord]) -> [LedgerFacet] {
        func present(_ names: [String]) -> [String] { Set(names).sorted(by: String.bytesPrecede) }
        return [
            LedgerFacet(
                key: "category", title: "类别",
                values: Category.allCases.filter { c in records.contains { $0.record.category == c } }.map { c in
                    Value(label: c.rawValue) { $0.record.category == c }
                }),
            LedgerFacet(
                key: "street", title: "街道",
                values: present(records.compactMap(\.record.street)).map { name in
                    Value(label: name) { $0.record.street == name }
                }),
            LedgerFacet(
                key: "department", title: "责任科室",
                values: present(records.map(\.record.department)).map { name in
                    Value(label: name) { $0.record.department == name }
                }),
            LedgerFacet(
                key: "grade", title: "回访分级",
                values: Grade.allCases.filter { g in records.contains { $0.grade == g } }.map { g in
                    Value(label: g.label) { $0.grade == g }
                }),
            LedgerFacet(
                key: "book", title: "台账",
                values: LedgerBook.allCases.filter { b in records.contains { $0.record.book == b } }.map { b in
                    Value(label: b.rawValue) { $0.record.book == b }
                }),
        ].filter { $0.values.count > 1 }
    }

    /// A value's first page or a later one: /ledger/by/KEY/VALUE/ and …/page/N/.
    public func path(_ value: Value, page: Int = 1) -> SitePath {
        let slug = Slug.make(value.label)
        return page <= 1
            ? SitePath.folder("ledger", "by", key, slug)
            : SitePath.folder("ledger", "by", key, slug, "page", String(page))
    }
}
