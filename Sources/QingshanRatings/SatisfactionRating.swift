import QingshanCore

/// One published result of the province's satisfaction survey (满意度测评) for the district:
/// a row of content/data/ratings.csv.
public struct SatisfactionRating: Sendable, Equatable {
    /// Where the results are kept.
    public static let file = "content/data/ratings.csv"

    /// The day the result was published.
    public var date: Day
    /// The period surveyed, as the province names it (`2023-Q1`).
    public var period: String
    /// The district's score, when published.
    public var score: Double?
    /// The district's place (1 = best) among `total`.
    public var rank: Int
    public var total: Int
    /// The row of ratings.csv.
    public var line: Int

    public init(date: Day, period: String, score: Double?, rank: Int, total: Int, line: Int = 0) {
        self.date = date
        self.period = period
        self.score = score
        self.rank = rank
        self.total = total
        self.line = line
    }
}

/// The plan's one numeric target and the results as of a day (docs/RULES.md, Ratings).
public enum RatingRules {
    /// The results published on or before D, oldest first.
    public static func published(_ ratings: [SatisfactionRating], asOf d: Day) -> [SatisfactionRating] {
        ratings.filter { $0.date <= d }.sorted { a, b in a.date != b.date ? a.date < b.date : a.line < b.line }
    }

    /// The current result as of D: the latest row dated on or before D.
    public static func latest(_ ratings: [SatisfactionRating], asOf d: Day) -> SatisfactionRating? {
        published(ratings, asOf: d).last
    }

    /// The plan: “在全省136个县（市、区）中排名不低于前70位” — a place at or above the target
    /// (a rank number no greater than it) meets it.
    public static func meets(_ rating: SatisfactionRating, target: Int) -> Bool {
        rating.rank <= target
    }
}
