import Foundation
import QingshanCore
import QingshanLedger

/// The quarters' frozen spot-check samples, `content/data/spotcheck/YYYY-Qn.yaml` (docs/RULES.md,
/// Ledger): the records `qingshan spotcheck draw` chose, with the callbacks the staff entered.
public struct SpotCheckLoader {
    static let keys: Set<String> = ["id", "callback", "satisfied", "note"]

    let siteRoot: String

    public init(siteRoot: String) {
        self.siteRoot = siteRoot
    }

    /// Every file of the folder, by quarter; a file not named for a quarter is an error.
    public func load(diagnostics: Diagnostics) -> [SpotCheckFile] {
        let folder = SpotCheckFile.folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: siteRoot + "/" + folder)) ?? []
        var out: [SpotCheckFile] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let file = folder + "/" + name
            guard name.hasSuffix(".yaml"), let quarter = Quarter(label: name.dropLast(".yaml".count)) else {
                diagnostics.error(SourceLocation(file: file), "抽查回访文件应命名为 YYYY-Qn.yaml（例如 2023-Q4.yaml）")
                continue
            }
            guard let data = FileManager.default.contents(atPath: siteRoot + "/" + file),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.error(SourceLocation(file: file), "无法以 UTF-8 读取抽查回访文件")
                continue
            }
            out.append(SpotCheckFile(quarter: quarter, entries: Self.parse(text, file: file, diagnostics: diagnostics)))
        }
        return out
    }

    /// The entries of one file: a list of `{id, callback, satisfied, note}`, the last three blank
    /// until the callback was made.
    public static func parse(_ text: String, file: String, diagnostics: Diagnostics) -> [SpotCheckEntry] {
        guard let root = YAMLReader.compose(text, file: file, diagnostics: diagnostics) else { return [] }
        guard let items = root.sequence else {
            diagnostics.error(MappingReader.location(root, file: file, lineOffset: 0), "抽查回访文件应为记录列表（每条以 - id: 开头）")
            return []
        }
        var seen = Set<String>()
        return items.compactMap { item in
            guard let map = MappingReader(item, file: file, diagnostics: diagnostics, what: "抽查记录") else { return nil }
            map.warnUnknownKeys(allowed: keys, context: "抽查记录")
            guard let id = map.requireString("id", what: "台账编号") else { return nil }
            if !seen.insert(id).inserted {
                diagnostics.error(map.location(ofKey: "id"), "台账编号 \(id) 在本季度清单中重复")
            }
            // A blank value (nothing, `~`, `null`) reads as absent: not called back yet.
            let callback = map.day("callback")
            let satisfied = map.bool("satisfied")
            if callback != nil, map.value("satisfied") == nil {
                diagnostics.error(map.location(ofKey: "callback"), "填写了回访日期，还需填写 satisfied: true 或 false")
            }
            if satisfied != nil, map.value("callback") == nil {
                diagnostics.error(map.location(ofKey: "satisfied"), "填写了回访结果，还需填写回访日期 callback")
            }
            let note = map.string("note") ?? ""
            return SpotCheckEntry(
                id: id, callback: callback, satisfied: satisfied, note: note, location: map.location(ofKey: "id"))
        }
    }

    /// Every entry names a ledger record that was handled, and a result is not dated before the
    /// handling it calls back.
    public static func check(_ files: [SpotCheckFile], records: [LedgerRecord], diagnostics: Diagnostics) {
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for file in files {
            for entry in file.entries {
                guard let record = byID[entry.id] else {
                    diagnostics.error(entry.location, "台账中没有编号为 \(entry.id) 的记录")
                    continue
                }
                guard let last = record.rounds.last else {
                    diagnostics.error(entry.location, "\(entry.id) 还没有办理轮次，无法抽查回访")
                    continue
                }
                if let callback = entry.callback, callback < last.handled {
                    diagnostics.error(
                        entry.location, "\(entry.id) 的抽查回访日期 \(callback.iso) 早于最后一轮办结日期 \(last.handled.iso)")
                }
            }
        }
    }
}
