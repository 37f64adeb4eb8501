import Foundation

/// A calendar day without a time zone: the unit of every deadline, as-of day and publish date.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the numbers do not name a real day of the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        // `YYYY-MM-DD`, read byte by byte: ledgers hold tens of thousands of dates.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { return nil }
                value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2023-04-10`
    public var iso: String {
        Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    }

    /// `value` in decimal with leading zeros to `width` digits (String(format:) costs ~1 µs).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `2023年4月10日` — GB/T 9704: Arabic numerals, no zero padding.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public var description: String { iso }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// The day after.
    public var next: Day {
        if day < Day.daysIn(year: year, month: month), let next = Day(year: year, month: month, day: day + 1) {
            return next
        }
        if month < 12, let next = Day(year: year, month: month + 1, day: 1) { return next }
        return Day(year: year + 1, month: 1, day: 1) ?? self
    }

    /// Today in the given time zone (China Standard Time by default).
    public static func today(in zone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? Day(year: 1970, month: 1, day: 1)!
    }
}

/// A publish time as written in front matter: a day, an optional time of day and offset.
public struct Timestamp: Hashable, Comparable, Sendable {
    public let day: Day
    /// Minutes after midnight, local to the offset; nil when only a day was given.
    public let minutes: Int?
    /// Offset from UTC in minutes as written (RFC 3339), nil means China Standard Time.
    public let offsetMinutes: Int?

    public init(day: Day, minutes: Int? = nil, offsetMinutes: Int? = nil) {
        self.day = day
        self.minutes = minutes
        self.offsetMinutes = offsetMinutes
    }

    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` and RFC 3339 (`2023-06-01T09:30:00+08:00`).
    public init?(parsing raw: String) {
        let text = raw.trimmingSpaces()
        guard text.count >= 10, let day = Day(iso: text.prefix(10)) else { return nil }
        let rest = text.dropFirst(10)
        if rest.isEmpty {
            self.init(day: day)
            return
        }
        guard let sep = rest.first, sep == " " || sep == "T" || sep == "t" else { return nil }
        let clock = rest.dropFirst()
        // HH:MM[:SS[.frac]][Z|±HH:MM]
        let digits = Array(clock)
        guard digits.count >= 5, digits[2] == ":",
            let hh = DecimalNumber.parseDigits(String(digits[0..<2])),
            let mm = DecimalNumber.parseDigits(String(digits[3..<5])),
            (0...23).contains(hh), (0...59).contains(mm)
        else { return nil }
        var index = 5
        if index < digits.count, digits[index] == ":" {
            guard digits.count >= index + 3,
                let ss = DecimalNumber.parseDigits(String(digits[(index + 1)..<(index + 3)])),
                (0...60).contains(ss)
            else { return nil }
            index += 3
            if index < digits.count, digits[index] == "." {
                index += 1
                let start = index
                while index < digits.count, digits[index].isASCII, digits[index].isNumber { index += 1 }
                guard index > start else { return nil }
            }
        }
        var offset: Int? = nil
        if index < digits.count {
            let zone = String(digits[index...])
            if zone == "Z" || zone == "z" {
                offset = 0
            } else {
                let z = Array(zone)
                guard z.count == 6, z[0] == "+" || z[0] == "-", z[3] == ":",
                    let oh = DecimalNumber.parseDigits(String(z[1..<3])),
                    let om = DecimalNumber.parseDigits(String(z[4..<6])),
                    oh <= 23, om <= 59
                else { return nil }
                offset = (z[0] == "-" ? -1 : 1) * (oh * 60 + om)
            }
        } else if sep == "T" || sep == "t" {
            // RFC 3339 requires an offset; be lenient and read it as local time.
            offset = nil
        }
        self.init(day: day, minutes: hh * 60 + mm, offsetMinutes: offset)
    }

    /// Minutes since the epoch in UTC, for ordering.
    public var absoluteMinutes: Int {
        day.ordinal * 1440 + (minutes ?? 0) - (offsetMinutes ?? 480)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.absoluteMinutes < b.absoluteMinutes }

    /// `2023-06-01 09:30` (or the day alone), as gov.cn PubDate meta tags print it.
    public var display: String {
        guard let minutes else { return day.iso }
        return day.iso + String(format: " %02d:%02d", minutes / 60, minutes % 60)
    }

    /// RFC 3339 for feeds and sitemaps; a bare day is midnight China Standard Time.
    public var rfc3339: String {
        let m = minutes ?? 0
        let offset = offsetMinutes ?? 480
        let sign = offset < 0 ? "-" : "+"
        return day.iso
            + String(format: "T%02d:%02d:00%@%02d:%02d", m / 60, m % 60, sign, abs(offset) / 60, abs(offset) % 60)
    }
}

/// A calendar month (`2023-05`), the unit of bulletins and monthly pages.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init(_ day: Day) {
        year = day.year
        month = day.month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(year: y, month: m)
    }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(year: year, month: month))! }

    public var next: Month { month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)! }

    /// `2023-05`
    public var iso: String { Day.padded(year, 4) + "-" + Day.padded(month, 2) }
    /// `2023年5月`
    public var chinese: String { "\(year)年\(month)月" }
    public var description: String { iso }

    public func contains(_ day: Day) -> Bool { day.year == year && day.month == month }

    public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// Every month from `first` through `last`.
    public static func range(_ first: Month, _ last: Month) -> [Month] {
        var out: [Month] = []
        var m = first
        while m <= last {
            out.append(m)
            m = m.next
        }
        return out
    }
}
