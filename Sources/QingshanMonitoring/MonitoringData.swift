import QingshanCore

/// One row of air.csv: a day at a station.
public struct AirRecord: Sendable {
    public var date: Day
    public var station: String
    public var sample: AirSample
    public var line: Int

    public init(date: Day, station: String, sample: AirSample, line: Int = 0) {
        self.date = date
        self.station = station
        self.sample = sample
        self.line = line
    }
}

/// One row of water.csv: a month at a river section.
public struct WaterRecord: Sendable {
    public var month: Month
    public var section: String
    public var river: String
    public var target: WaterClass?
    public var sample: WaterSample
    public var line: Int

    public init(
        month: Month, section: String, river: String, target: WaterClass?, sample: WaterSample, line: Int = 0
    ) {
        self.month = month
        self.section = section
        self.river = river
        self.target = target
        self.sample = sample
        self.line = line
    }
}

/// One row of noise.csv: a measurement at a site.
public struct NoiseRecord: Sendable {
    public var date: Day
    public var site: String
    public var zone: NoiseZone
    public var day: Double?
    public var night: Double?
    public var line: Int

    public init(date: Day, site: String, zone: NoiseZone, day: Double?, night: Double?, line: Int = 0) {
        self.date = date
        self.site = site
        self.zone = zone
        self.day = day
        self.night = night
        self.line = line
    }
}

/// The monitoring data of a site as read from content/data/*.csv.
public struct MonitoringData: Sendable {
    public var air: [AirRecord]
    public var water: [WaterRecord]
    public var noise: [NoiseRecord]

    public init(air: [AirRecord] = [], water: [WaterRecord] = [], noise: [NoiseRecord] = []) {
        self.air = air
        self.water = water
        self.noise = noise
    }

    public var count: Int { air.count + water.count + noise.count }
    public var isEmpty: Bool { count == 0 }
}

/// A day's AQI at a station.
public struct AirDay: Sendable {
    public let record: AirRecord
    public let result: AQIResult
}

/// Monthly (or year-to-date) air figures at a station.
public struct AirPeriod: Sendable {
    public let label: String
    public let station: String
    /// Days with an AQI (NA days are not assessed).
    public let days: Int
    /// Days with AQI ≤ 100 (优 or 良).
    public let goodDays: Int
    public let pm25Mean: Double?
    public let levelCounts: [AQILevel: Int]

    public var goodRatio: Double? { days == 0 ? nil : Double(goodDays) / Double(days) }

    init(label: String, station: String, days: [AirDay]) {
        self.label = label
        self.station = station
        let assessed = days.compactMap(\.result.aqi)
        self.days = assessed.count
        goodDays = assessed.filter { $0 <= 100 }.count
        let pm25 = days.compactMap(\.record.sample.pm25)
        pm25Mean = pm25.isEmpty ? nil : pm25.reduce(0, +) / Double(pm25.count)
        levelCounts = Dictionary(grouping: assessed.map(AQILevel.init(aqi:)), by: { $0 }).mapValues(\.count)
    }
}

/// Air quality as of the as-of day: every day's AQI, months and year to date per station.
public struct AirReport: Sendable {
    public let days: [AirDay]
    public let months: [(month: Month, period: AirPeriod)]
    public let yearToDate: [AirPeriod]
    public let stations: [String]

    public init(_ records: [AirRecord], asOf d: Day) {
        let visible = records.filter { $0.date <= d }.sorted { a, b in
            a.date != b.date ? a.date < b.date : a.station < b.station
        }
        let days = visible.map { AirDay(record: $0, result: AQI.daily($0.sample, on: $0.date)) }
        self.days = days
        let stations = Array(Set(visible.map(\.station))).sorted()
        self.stations = stations
        var months: [(Month, AirPeriod)] = []
        let byStationMonth = Dictionary(grouping: days) { "\($0.record.station)|\(Month($0.record.date).iso)" }
        for key in byStationMonth.keys.sorted() {
            let group = byStationMonth[key] ?? []
            guard let first = group.first else { continue }
            let month = Month(first.record.date)
            months.append((month, AirPeriod(label: month.iso, station: first.record.station, days: group)))
        }
        self.months = months.sorted { a, b in a.0 != b.0 ? a.0 < b.0 : a.1.station < b.1.station }
        yearToDate = stations.map { station in
            AirPeriod(
                label: "\(d.year)", station: station,
                days: days.filter { $0.record.station == station && $0.record.date.year == d.year })
        }
    }
}

/// A water section in a month, assessed.
public struct WaterAssessment: Sendable {
    public let record: WaterRecord
    public let waterClass: WaterClass?
    public let mainPollutants: [WaterParameter]

    public var meetsTarget: Bool? {
        guard let waterClass, let target = record.target else { return nil }
        return waterClass <= target
    }

    public init(_ record: WaterRecord) {
        self.record = record
        waterClass = WaterQuality.sectionClass(record.sample)
        mainPollutants = WaterQuality.mainPollutants(record.sample)
    }
}

public struct WaterReport: Sendable {
    public let records: [WaterAssessment]
    public let sections: [String]
    public let months: [Month]

    public init(_ records: [WaterRecord], asOf d: Day) {
        // Sections keep the order of the file.
        var order: [String] = []
        for record in records.sorted(by: { $0.line < $1.line }) where !order.contains(record.section) {
            order.append(record.section)
        }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let visible = records.filter { $0.month <= Month(d) }.sorted { a, b in
            a.month != b.month ? a.month < b.month : (rank[a.section] ?? 0) < (rank[b.section] ?? 0)
        }
        self.records = visible.map(WaterAssessment.init)
        sections = order.filter { section in visible.contains { $0.section == section } }
        months = Array(Set(visible.map(\.month))).sorted()
    }
}

public struct NoiseReport: Sendable {
    public let records: [NoiseRecord]

    public init(_ records: [NoiseRecord], asOf d: Day) {
        self.records = records.filter { $0.date <= d }.sorted { a, b in
            a.date != b.date ? a.date < b.date : a.site < b.site
        }
    }
}
