import QingshanCore

/// 来源渠道 (docs/RULES.md, Ledger; the plan 三（一）).
public enum Channel: String, CaseIterable, Sendable, Comparable {
    case hotline12345 = "12345热线"
    case provincialHotline = "省环保督查热线"
    case nationalPlatform = "全国生态环境信访投诉举报管理平台"
    case letters = "来信来访"
    case satisfactionSurvey = "满意度调查反馈"
    case opinionPlatform = "民意收集平台"
    case other = "其他渠道"

    public static func < (a: Channel, b: Channel) -> Bool { a.order < b.order }
    var order: Int { Channel.allCases.firstIndex(of: self) ?? 0 }
}

/// 三本台账: the plan (三（一）) keeps “满意度调查反馈问题台账、民意收集平台问题台账、自由渠道问题台账”.
/// A record's book sits beside its source channel (docs/RULES.md, Ledger).
public enum LedgerBook: String, CaseIterable, Sendable, Comparable {
    case satisfactionSurvey = "满意度调查反馈"
    case opinionPlatform = "民意收集平台"
    case freeChannels = "自由渠道"

    /// The book of a record that names none: its channel's own book for the two channels
    /// that have one, else 自由渠道.
    public static func of(_ channel: Channel) -> LedgerBook {
        switch channel {
        case .satisfactionSurvey: return .satisfactionSurvey
        case .opinionPlatform: return .opinionPlatform
        default: return .freeChannels
        }
    }

    public static func < (a: LedgerBook, b: LedgerBook) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// 阶段进展 of a long rectification (the plan 三（二）: “对需要长期整改的定期跟踪反馈阶段进展情况”):
/// public.
public struct ProgressNote: Hashable, Sendable {
    public var date: Day
    public var text: String

    public init(date: Day, text: String) {
        self.date = date
        self.text = text
    }
}

/// 销号后回访 (the plan 三（二）: “对已完成销号的及时进行回访，确保整改到位，防止问题反弹”).
public struct Recheck: Hashable, Sendable {
    public var date: Day
    public var satisfied: Bool
    public var note: String

    public init(date: Day, satisfied: Bool, note: String = "") {
        self.date = date
        self.satisfied = satisfied
        self.note = note
    }
}

/// 问题类别: the plan's three categories.
public enum Category: String, CaseIterable, Sendable, Comparable {
    case complaint = "投诉举报"
    case inquiry = "咨询"
    case suggestion = "建议"

    public static func < (a: Category, b: Category) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// 环境要素.
public enum Domain: String, CaseIterable, Sendable, Comparable {
    case air = "大气"
    case water = "水"
    case noise = "噪声"
    case solidWaste = "固废"
    case radiation = "辐射"
    case ecology = "生态"
    case other = "其他"

    public static func < (a: Domain, b: Domain) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// 办理状态, in the order a record moves through them.
public enum Status: String, CaseIterable, Sendable, Comparable {
    case todo = "待办"
    case inProgress = "办理中"
    case handled = "已办结"
    case closed = "已销号"

    public var isOpen: Bool { self == .todo || self == .inProgress }

    public static func < (a: Status, b: Status) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// 绿黄红分级 (docs/RULES.md, Ledger; the plan 三（二）: “对于一次办理满意的标记绿标，对一次办结不
/// 满意的标记黄标，对两次及以上办理仍不满意的标记红标”): by the unsatisfied callbacks so far.
public enum Grade: String, CaseIterable, Sendable {
    case green
    case yellow
    case red
    case pending

    /// 绿标, 黄标, 红标, 待回访.
    public var label: String {
        switch self {
        case .green: return "绿标"
        case .yellow: return "黄标"
        case .red: return "红标"
        case .pending: return "待回访"
        }
    }
}

/// One round of handling (办理轮次): handled on a day, then a callback to the complainant.
public struct Round: Hashable, Sendable {
    public var handled: Day
    public var result: String
    public var callback: Day?
    public var satisfied: Bool?

    public init(handled: Day, result: String = "", callback: Day? = nil, satisfied: Bool? = nil) {
        self.handled = handled
        self.result = result
        self.callback = callback
        self.satisfied = satisfied
    }
}

/// A record of 问题台账 as the bureau wrote it (docs/RULES.md, Ledger).
public struct LedgerRecord: Sendable {
    public var id: String
    public var received: Day
    public var channel: Channel
    public var category: Category
    public var domain: Domain?
    public var street: String?
    public var summary: String
    public var department: String
    /// 责任人: internal edition only.
    public var owner: String?
    public var requirement: String?
    public var deadline: Day
    public var status: Status
    public var closed: Day?
    public var repeatOf: String?
    public var rounds: [Round]
    /// Which of the three ledgers the record is kept in.
    public var book: LedgerBook
    public var progress: [ProgressNote]
    public var rechecks: [Recheck]
    /// Why the record was 销号 without a satisfied callback.
    public var closeReason: String?
    /// Every field under `private:` (complainant, phone, address …) with its key path
    /// (`phone`, `contacts.1.name`): internal edition only, never published.
    public var privateFields: [(key: String, value: String)]

    /// The values of `privateFields`, for the privacy guard.
    public var privateValues: [String] { privateFields.map(\.value) }
    /// Where the record starts, for messages (file and line of its `id`).
    public var location: SourceLocation
    /// Where `repeat_of` stands, for the dangling-reference message.
    public var repeatOfLocation: SourceLocation?

    public init(
        id: String, received: Day, channel: Channel, category: Category, domain: Domain? = nil,
        street: String? = nil, summary: String, department: String, owner: String? = nil,
        requirement: String? = nil, deadline: Day, status: Status, closed: Day? = nil, repeatOf: String? = nil,
        rounds: [Round] = [], book: LedgerBook? = nil, progress: [ProgressNote] = [], rechecks: [Recheck] = [],
        closeReason: String? = nil, privateFields: [(key: String, value: String)] = [],
        location: SourceLocation = SourceLocation(file: ""),
        repeatOfLocation: SourceLocation? = nil
    ) {
        self.book = book ?? LedgerBook.of(channel)
        self.progress = progress
        self.rechecks = rechecks
        self.closeReason = closeReason
        self.repeatOfLocation = repeatOfLocation
        self.id = id
        self.received = received
        self.channel = channel
        self.category = category
        self.domain = domain
        self.street = street
        self.summary = summary
        self.department = department
        self.owner = owner
        self.requirement = requirement
        self.deadline = deadline
        self.status = status
        self.closed = closed
        self.repeatOf = repeatOf
        self.rounds = rounds
        self.privateFields = privateFields
        self.location = location
    }
}
