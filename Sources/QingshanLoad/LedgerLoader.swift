import Foundation
import QingshanCore
import QingshanLedger
import QingshanModel
import Yams

/// Reads content/data/ledger.yaml or every YAML file under content/data/ledger/ (docs/RULES.md,
/// Ledger) and reports every rule it breaks with the file and line of the offending key.
public struct LedgerLoader: Sendable {
    public let siteRoot: String
    public let organization: Organization

    public init(siteRoot: String, organization: Organization) {
        self.siteRoot = siteRoot
        self.organization = organization
    }

    static let keys: Set<String> = [
        "id", "received", "channel", "category", "domain", "street", "summary", "department", "owner",
        "requirement", "deadline", "status", "closed", "repeat_of", "rounds", "private", "ledger", "progress",
        "rechecks", "close_reason",
    ]
    static let roundKeys: Set<String> = ["handled", "result", "callback", "satisfied"]
    static let progressKeys: Set<String> = ["date", "text"]
    static let recheckKeys: Set<String> = ["date", "satisfied", "note"]

    /// The ledger files of the site, relative to it, in a stable order.
    func files() -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        if fm.fileExists(atPath: siteRoot + "/content/data/ledger.yaml") { out.append("content/data/ledger.yaml") }
        if fm.fileExists(atPath: siteRoot + "/content/data/ledger.yml") { out.append("content/data/ledger.yml") }
        if let names = try? fm.contentsOfDirectory(atPath: siteRoot + "/content/data/ledger") {
            out += names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
                .map { "content/data/ledger/" + $0 }
        }
        return out
    }

    /// All records of all ledger files; nil entries are dropped after their errors are reported.
    public func load(diagnostics: Diagnostics) -> [LedgerRecord] {
        let perFile = Parallel.map(files()) { file -> [LedgerRecord] in
            guard let data = FileManager.default.contents(atPath: siteRoot + "/" + file) else {
                diagnostics.error(SourceLocation(file: file), "无法读取台账文件")
                return []
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.error(.firstInvalidUTF8(in: data, file: file), "无法以 UTF-8 读取台账文件", hint: "请另存为 UTF-8")
                return []
            }
            return parse(text.replacingOccurrences(of: "\r\n", with: "\n"), file: file, diagnostics: diagnostics)
        }
        let records = perFile.flatMap { $0 }
        Self.checkAcrossRecords(records, diagnostics: diagnostics)
        return records
    }

    /// Parses one ledger file: a YAML list of records.
    public func parse(_ text: String, file: String, diagnostics: Diagnostics) -> [LedgerRecord] {
        if let records = parseInChunks(text, file: file, diagnostics: diagnostics) { return records }
        guard let root = YAMLReader.compose(text, file: file, diagnostics: diagnostics) else { return [] }
        guard let items = root.sequence else {
            diagnostics.error(
                MappingReader.location(root, file: file, lineOffset: 0), "台账文件应为记录列表（每条以 - id: 开头）")
            return []
        }
        return items.compactMap { record($0, file: file, diagnostics: diagnostics) }
    }

    /// A large ledger parsed in pieces across cores: Yams takes ~0.2 ms a record on one core.
    /// Nil, and the whole file is parsed at once, when the file is not a plain top-level list
    /// or any piece fails, so syntax errors are always reported from the whole file.
    func parseInChunks(_ text: String, file: String, diagnostics: Diagnostics) -> [LedgerRecord]? {
        guard let chunks = YAMLChunks.topLevelItems(text, pieces: 4 * ProcessInfo.processInfo.activeProcessorCount),
            chunks.count > 1
        else { return nil }
        // Each piece keeps its own diagnostics; they count only when every piece parsed.
        let parsed = Parallel.map(chunks) { chunk -> (records: [LedgerRecord], diagnostics: [Diagnostic])? in
            let own = Diagnostics()
            guard let items = YAMLReader.compose(chunk.text, file: file, diagnostics: own)?.sequence, !own.hasErrors
            else { return nil }
            let records = items.compactMap {
                record($0, file: file, lineOffset: chunk.lineOffset, diagnostics: own)
            }
            return (records, own.all)
        }
        var records: [LedgerRecord] = []
        var found: [Diagnostic] = []
        for piece in parsed {
            guard let piece else { return nil }
            records += piece.records
            found += piece.diagnostics
        }
        diagnostics.report(contentsOf: found)
        return records
    }

    func record(_ node: YAMLNode, file: String, lineOffset: Int = 0, diagnostics: Diagnostics) -> LedgerRecord? {
        guard
            let map = MappingReader(
                node, file: file, lineOffset: lineOffset, diagnostics: diagnostics, what: "台账记录")
        else { return nil }
        map.warnUnknownKeys(allowed: Self.keys, context: "台账记录")
        let id = map.requireString("id", what: "编号")
        let received = required(map, "received", "受理日期") { map.day($0) }
        let channel = enumValue(map, "channel", "来源渠道", required: true, Channel.init(rawValue:), Channel.allCases)
        let category = enumValue(map, "category", "问题类别", required: true, Category.init(rawValue:), Category.allCases)
        let domain = enumValue(map, "domain", "环境要素", required: false, Domain.init(rawValue:), Domain.allCases)
        let street = map.string("street")
        map.checkStreet(street, in: organization)
        let summary = map.requireString("summary", what: "问题摘要")
        let department = map.requireString("department", what: "责任科室")
        map.checkDepartment(department, in: organization)
        let deadline = required(map, "deadline", "整改时限") { map.day($0) }
        if let received, let deadline, deadline < received {
            diagnostics.error(map.location(ofKey: "deadline"), "整改时限 \(deadline.iso) 早于受理日期 \(received.iso)")
        }
        let book = enumValue(map, "ledger", "所属台账", required: false, LedgerBook.init(rawValue:), LedgerBook.allCases)
        let status = enumValue(map, "status", "办理状态", required: true, Status.init(rawValue:), Status.allCases)
        let closed = map.day("closed")
        if status == .closed, closed == nil, map.value("closed") == nil {
            diagnostics.error(map.location(ofKey: "status"), "已销号的记录缺少销号日期 closed")
        }
        if let closed, let status, status != .closed {
            diagnostics.warning(map.location(ofKey: "closed"), "状态为“\(status.rawValue)”却填写了销号日期 \(closed.iso)")
        }
        if let received, let closed, closed < received {
            diagnostics.error(map.location(ofKey: "closed"), "销号日期 \(closed.iso) 早于受理日期 \(received.iso)")
        }
        let rounds = self.rounds(map, received: received)
        let progress = self.progress(map, received: received)
        let rechecks = self.rechecks(map, closed: status == .closed ? closed : nil)
        let closeReason = map.string("close_reason")
        if status == .closed, let rounds {
            checkClosure(map, rounds: rounds, closed: closed, closeReason: closeReason)
        }
        let privateFields = privateStrings(map)

        guard let id, let received, let channel, let category, let summary, let department, let deadline,
            let status
        else { return nil }
        return LedgerRecord(
            id: id, received: received, channel: channel, category: category, domain: domain, street: street,
            summary: summary, department: department, owner: map.string("owner"),
            requirement: map.string("requirement"), deadline: deadline, status: status, closed: closed,
            repeatOf: map.string("repeat_of"), rounds: rounds ?? [], book: book, progress: progress,
            rechecks: rechecks, closeReason: closeReason, privateFields: privateFields,
            location: map.location(ofKey: "id"),
            repeatOfLocation: map.value("repeat_of") == nil ? nil : map.location(ofKey: "repeat_of"))
    }

    func required<T>(_ map: MappingReader, _ key: String, _ what: String, _ read: (String) -> T?) -> T? {
        guard map.value(key) != nil else {
            map.diagnostics.error(map.location(ofKey: key), "缺少必填项“\(key)”（\(what)）")
            return nil
        }
        return read(key)
    }

    func enumValue<T>(
        _ map: MappingReader, _ key: String, _ what: String, required: Bool, _ make: (String) -> T?, _ all: [T]
    ) -> T? where T: RawRepresentable, T.RawValue == String {
        guard let raw = required ? map.requireString(key, what: what) : map.string(key) else { return nil }
        guard let value = make(raw.trimmingSpaces()) else {
            map.diagnostics.error(
                map.location(map.value(key) ?? map.node), "\(what)“\(raw)”不是规定的取值",
                hint: "可用：" + all.map(\.rawValue).joined(separator: "、"))
            return nil
        }
        return value
    }

    /// 办理轮次, oldest first; dates must follow each other.
    func rounds(_ map: MappingReader, received: Day?) -> [Round]? {
        guard let entries = map.list("rounds", what: "办理轮次") else { return nil }
        var out: [Round] = []
        for entry in entries {
            entry.warnUnknownKeys(allowed: Self.roundKeys, context: "办理轮次")
            guard let handled = required(entry, "handled", "办结日期", { entry.day($0) }) else { continue }
            if let received, handled < received {
                map.diagnostics.error(
                    entry.location(ofKey: "handled"), "办结日期 \(handled.iso) 早于受理日期 \(received.iso)")
            }
            if let previous = out.last, handled < previous.handled {
                map.diagnostics.error(
                    entry.location(ofKey: "handled"), "办理轮次应按时间先后排列：\(handled.iso) 早于上一轮的 \(previous.handled.iso)")
            }
            let callback = entry.day("callback")
            if let callback, callback < handled {
                map.diagnostics.error(
                    entry.location(ofKey: "callback"), "回访日期 \(callback.iso) 早于办结日期 \(handled.iso)")
            }
            let satisfied = entry.bool("satisfied")
            if callback != nil, satisfied == nil, entry.value("satisfied") == nil {
                map.diagnostics.error(entry.location(ofKey: "callback"), "有回访日期的轮次需注明 satisfied: true 或 false")
            }
            if callback == nil, satisfied != nil {
                map.diagnostics.error(entry.location(ofKey: "satisfied"), "注明了回访结果，却没有回访日期 callback")
            }
            out.append(
                Round(handled: handled, result: entry.string("result") ?? "", callback: callback, satisfied: satisfied))
        }
        return out
    }

    /// 闭环, 销号制 (docs/RULES.md, Ledger): a record is 销号 after its last handling, and only
    /// with a satisfied latest callback or a `close_reason`.
    func checkClosure(_ map: MappingReader, rounds: [Round], closed: Day?, closeReason: String?) {
        if let closed, let last = rounds.last, closed < last.handled {
            map.diagnostics.error(
                map.location(ofKey: "closed"), "销号日期 \(closed.iso) 早于最后一轮办结日期 \(last.handled.iso)")
        }
        let latest = rounds.last { $0.callback != nil }
        if latest?.satisfied != true, closeReason?.isEmpty ?? true {
            map.diagnostics.error(
                map.location(ofKey: "status"),
                latest == nil ? "已销号的记录没有回访" : "已销号的记录最近一次回访不满意",
                hint: "回访满意后再销号；确需销号的，用 close_reason 写明原因")
        }
    }

    /// 阶段进展, oldest first, each with a date and a text.
    func progress(_ map: MappingReader, received: Day?) -> [ProgressNote] {
        entries(map, "progress", what: "阶段进展", keys: Self.progressKeys).compactMap { entry, date in
            guard let text = entry.requireString("text", what: "进展情况") else { return nil }
            if let received, date < received {
                map.diagnostics.error(entry.location(ofKey: "date"), "进展日期 \(date.iso) 早于受理日期 \(received.iso)")
            }
            return ProgressNote(date: date, text: text)
        }
    }

    /// 销号后回访: only on a record 已销号, each on or after its closing day.
    func rechecks(_ map: MappingReader, closed: Day?) -> [Recheck] {
        let items = entries(map, "rechecks", what: "销号后回访", keys: Self.recheckKeys)
        if !items.isEmpty, closed == nil {
            map.diagnostics.error(map.location(ofKey: "rechecks"), "rechecks（销号后回访）只用于已销号的记录")
        }
        return items.compactMap { entry, date in
            guard let satisfied = entry.bool("satisfied") else {
                map.diagnostics.error(entry.location(ofKey: "date"), "销号后回访需注明 satisfied: true 或 false")
                return nil
            }
            if let closed, date < closed {
                map.diagnostics.error(entry.location(ofKey: "date"), "销号后回访日期 \(date.iso) 早于销号日期 \(closed.iso)")
            }
            return Recheck(date: date, satisfied: satisfied, note: entry.string("note") ?? "")
        }
    }

    /// The mappings of a list under `key` with their required `date` (nothing when absent; an
    /// error when not a list); dates of consecutive entries must not go back.
    func entries(_ map: MappingReader, _ key: String, what: String, keys: Set<String>)
        -> [(entry: MappingReader, date: Day)]
    {
        var out: [(entry: MappingReader, date: Day)] = []
        var previous: Day?
        for entry in map.list(key, what: what) ?? [] {
            entry.warnUnknownKeys(allowed: keys, context: what)
            guard let date = required(entry, "date", "日期", { entry.day($0) }) else { continue }
            if let previous, date < previous {
                map.diagnostics.error(
                    entry.location(ofKey: "date"), "\(what)应按时间先后排列：\(date.iso) 早于上一条的 \(previous.iso)")
            }
            previous = date
            out.append((entry, date))
        }
        return out
    }

    /// Every scalar under `private:` with its key path, for the internal edition and the
    /// privacy guard.
    func privateStrings(_ map: MappingReader) -> [(key: String, value: String)] {
        guard let node = map.value("private") else { return [] }
        var out: [(key: String, value: String)] = []
        func walk(_ node: YAMLNode, _ path: String) {
            switch node {
            case .scalar(let scalar):
                let value = scalar.string.trimmingSpaces()
                if !value.isEmpty { out.append((path, value)) }
            case .mapping(let pairs, _):
                for pair in pairs {
                    let key = pair.key.string ?? ""
                    walk(pair.value, path.isEmpty ? key : path + "." + key)
                }
            case .sequence(let items, _):
                for (i, item) in items.enumerated() { walk(item, path + ".\(i + 1)") }
            }
        }
        walk(node, "")
        return out
    }

    /// Rules that need every record: unique ids and `repeat_of` naming a record.
    static func checkAcrossRecords(_ records: [LedgerRecord], diagnostics: Diagnostics) {
        var first: [String: LedgerRecord] = [:]
        for record in records {
            if let earlier = first[record.id] {
                diagnostics.error(
                    record.location, "台账编号 \(record.id) 重复，已在 \(earlier.location) 使用",
                    hint: "每条记录的 id 在全部台账文件中必须唯一")
            } else {
                first[record.id] = record
            }
        }
        for record in records {
            guard let target = record.repeatOf else { continue }
            let location = record.repeatOfLocation ?? record.location
            if first[target] == nil {
                diagnostics.error(location, "repeat_of 指向的记录 \(target) 不存在")
            } else if target == record.id {
                diagnostics.error(location, "repeat_of 不能指向记录自身")
            }
        }
    }
}
