import QingshanCampaigns
import QingshanCore
import QingshanLedger

/// The sentences and tables of a monthly bulletin, written from its figures the way the
/// bureau's 月度通报 reads.
enum BulletinText {
    static func count<K: Hashable>(_ counts: [K: Int], _ key: K) -> Int { counts[key] ?? 0 }

    static func summary(_ m: LedgerMonth) -> String {
        "\(m.month.chinese)受理群众反映问题\(m.received.count)件，销号\(m.closedInMonth)件；截至\(m.asOf.chinese)累计受理"
            + "\(m.cumulative.total)件，在办\(m.openAtEnd)件，其中逾期未办\(m.overdueAtEnd)件。"
    }

    static func ledgerParts(_ m: LedgerMonth) -> [BulletinView.Part] {
        let channels = Channel.allCases.filter { count(m.receivedByChannel, $0) > 0 }
            .map { "\($0.rawValue)\(count(m.receivedByChannel, $0))件" }
        let categories = Category.allCases.map { "\($0.rawValue)\(count(m.receivedByCategory, $0))件" }
        let stats = m.cumulative
        var first = "本月共受理群众反映问题\(m.received.count)件"
        first +=
            channels.isEmpty
            ? "。" : "，其中" + channels.joined(separator: "、") + "；按类别分，" + categories.joined(separator: "、") + "。"
        let second =
            "本月办结\(m.handledInMonth)件次、销号\(m.closedInMonth)件，开展回访\(m.callbacksInMonth)件次。截至\(m.asOf.chinese)，"
            + "累计受理\(stats.total)件，仍在办理\(m.openAtEnd)件，其中超过整改时限仍未办理\(m.overdueAtEnd)件。"
        let third =
            "累计回访\(stats.calledBack)件，绿标\(count(stats.byGrade, Grade.green))件、黄标\(count(stats.byGrade, Grade.yellow))件、"
            + "红标\(count(stats.byGrade, Grade.red))件，一次办理满意率\(percent(stats.firstTimeSatisfactionRate))，"
            + "回访满意率\(percent(stats.satisfactionRate))。"
        let newTable = TableView(
            caption: "本月受理问题（按来源渠道）", head: ["来源渠道", "投诉举报", "咨询", "建议", "合计"],
            rows: Channel.allCases.compactMap { channel in
                let records = m.received.filter { $0.record.channel == channel }
                guard !records.isEmpty else { return nil }
                return [.init(channel.rawValue)]
                    + Category.allCases.map { c in
                        .init(String(records.filter { $0.record.category == c }.count), className: "num")
                    } + [.init(String(records.count), className: "num")]
            })
        let supervised = TableView(
            caption: "重要问题督办台账（截至\(m.asOf.chinese)）",
            // Seven columns, the summary carrying its street and day received: on A4 the summary
            // no longer wraps every four characters.
            head: ["编号", "问题摘要", "责任科室", "整改时限", "状态", "回访分级", "督办原因"],
            rows: m.supervised.sorted { $0.record.received < $1.record.received }.map { item in
                let r = item.record
                let place = [r.street, "\(r.received.month)月\(r.received.day)日受理"].compactMap { $0 }
                return [
                    .init(r.id, className: "nowrap"),
                    .init(r.summary + "（" + place.joined(separator: "，") + "）", className: "wide"),
                    .init(r.department), .init(r.deadline.iso, className: "nowrap"),
                    .init(item.status.rawValue, className: "nowrap"),
                    .init(item.grade.label, className: "grade grade-\(item.grade.rawValue)"), .init(reasons(item)),
                ]
            })
        let analysis = BulletinView.Part(
            heading: "分析研判",
            paragraphs: ["截至\(m.asOf.chinese)各责任科室、街道的受理、办理、逾期和回访分级情况如下，请逾期和黄标、红标较多的科室、街道分析原因，抓好整改。"],
            tables: [
                LedgerPages.units("按责任科室（截至\(m.asOf.chinese)）", "责任科室", stats.byDepartment),
                LedgerPages.units("按街道（截至\(m.asOf.chinese)）", "街道", stats.byStreet),
            ])
        return [
            BulletinView.Part(heading: "问题台账办理情况", paragraphs: [first, second, third], tables: [newTable]),
            analysis,
            BulletinView.Part(
                heading: "重要问题督办情况",
                paragraphs: [
                    m.supervised.isEmpty
                        ? "截至\(m.asOf.chinese)，重要问题督办台账无在册问题。"
                        : "截至\(m.asOf.chinese)，重要问题督办台账共\(m.supervised.count)件，请责任科室、街道环保办明确专人盯办，按时限整改并做好回访。"
                ],
                tables: m.supervised.isEmpty ? [] : [supervised]),
        ]
    }

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Numbers the parts 一、二、三、 in order (GB/T 9704 first-level headings).
    static func numbered(_ parts: [BulletinView.Part]) -> [BulletinView.Part] {
        parts.enumerated().map { i, part in
            var part = part
            part.heading = (i < numerals.count ? numerals[i] : String(i + 1)) + "、" + part.heading
            return part
        }
    }

    /// Numbers report parts 一、二、… the same way.
    static func numberedParts(_ parts: [ReportView.Part]) -> [ReportView.Part] {
        parts.enumerated().map { i, part in
            var part = part
            part.heading = (i < numerals.count ? numerals[i] : String(i + 1)) + "、" + part.heading
            return part
        }
    }

    /// 专项行动进展 as of the bulletin's day.
    static func campaignPart(_ campaigns: [DerivedCampaign], asOf d: Day) -> BulletinView.Part {
        let done = campaigns.filter { $0.status == .done }.count
        let overdue = campaigns.filter { $0.status == .overdue }
        var text = "截至\(d.chinese)，\(campaigns.count)项专项行动中已完成\(done)项"
        text +=
            overdue.isEmpty
            ? "，其余按计划推进。" : "，\(overdue.map(\.campaign.title).joined(separator: "、"))已超过工作要求时限，请责任科室加快推进。"
        let table = TableView(
            caption: "专项行动进展（截至\(d.chinese)）", head: ["专项行动", "责任科室", "工作要求时限", "进度", "状态"],
            rows: campaigns.map { item in
                [
                    .init(item.campaign.title), .init(item.campaign.departments.joined(separator: "、")),
                    .init(item.campaign.ongoing ? "长期坚持" : item.campaign.deadline?.chinese ?? "—", className: "nowrap"),
                    .init(item.progress.map { percent($0) } ?? "—", className: "num"),
                    .init(item.status.label, className: "nowrap status-\(item.status.rawValue)"),
                ]
            })
        return BulletinView.Part(heading: "专项行动推进情况", paragraphs: [text], tables: [table])
    }

    /// Why a record is on the 督办台账: every reason it entered for, oldest first.
    static func reasons(_ item: DerivedRecord) -> String {
        var out: [String] = []
        for event in item.supervision?.events ?? [] where !out.contains(event.reason.rawValue) {
            out.append(event.reason.rawValue)
        }
        return out.joined(separator: "、")
    }
}
