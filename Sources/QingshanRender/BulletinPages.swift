import Foundation
import QingshanCampaigns
import QingshanCore
import QingshanLedger
import QingshanModel
import QingshanRatings

/// Stage 4 for the monthly progress bulletins (月度通报): /bulletins/ and /bulletins/YYYY-MM/
/// for every month with ledger or campaign activity (or a narrative) up to the as-of day,
/// each computed as of the month's last day (the as-of day for the current month).
public struct BulletinPages: Sendable {
    let chrome: PageChrome
    let ledger: LedgerReport?
    let campaigns: [Campaign]
    /// Narratives of content/bulletins/YYYY-MM.md by month.
    let notes: [Month: Article]
    /// The narratives, in the site's order.
    let shown: [Article]
    /// The satisfaction-survey results and the plan's target place (the rank each bulletin
    /// reports as of its day).
    let ratings: [SatisfactionRating]
    let target: Int?

    public init(
        chrome: PageChrome, ledger: LedgerReport?, campaigns: [Campaign], notes: [Article],
        ratings: [SatisfactionRating] = [], target: Int? = nil
    ) {
        self.chrome = chrome
        self.ratings = ratings
        self.target = target
        shown = notes
        self.ledger = ledger
        self.campaigns = campaigns
        var byMonth: [Month: Article] = [:]
        for note in notes {
            if let month = Month(iso: note.slug) { byMonth[month] = note }
        }
        self.notes = byMonth
    }

    var links: LinkBuilder { chrome.links }
    var asOf: Day { chrome.asOf }

    /// The months that get a bulletin, oldest first.
    public var months: [Month] {
        let last = Month(asOf)
        var months = CampaignRules.activeMonths(campaigns, asOf: asOf)
        months.formUnion(ledger?.months.map(\.month) ?? [])
        months.formUnion(notes.keys.filter { $0 <= last })
        return months.sorted()
    }

    public func renderAll() -> [OutputFile] {
        let months = self.months
        guard !months.isEmpty || ledger != nil || !campaigns.isEmpty else { return [] }
        let places = Disclosure.places(months.map(signed))
        let pages = Parallel.map(Array(zip(months, places))) { bulletin($0.0, place: $0.1) }
        return [bulletinList(months)] + pages
    }

    static func path(_ month: Month) -> SitePath { Route.bulletin(month.iso) }

    func title(_ month: Month) -> String {
        notes[month]?.title ?? "\(month.chinese)“满意环保”工作进展通报"
    }

    /// The day the bulletin's figures stand on: the month's end (or D, in the month of D).
    func date(_ month: Month) -> Day { min(month.lastDay, asOf) }

    /// 成文日期 (GB/T 9704): the bulletin's own `date:`, else the day of its figures.
    func signed(_ month: Month) -> Day { notes[month]?.date.day ?? date(month) }

    var issuer: String { chrome.config.issuer }

    func bulletinList(_ months: [Month]) -> OutputFile {
        let items = months.reversed().map { month in
            BulletinItemView(
                title: title(month), href: links.link(Self.path(month)), docNo: notes[month]?.front.docNo,
                date: signed(month))
        }
        let path = Route.bulletins
        let meta = chrome.meta(
            title: "工作通报", path: path, column: .bulletins, columnDescription: "“满意环保”月度工作进展通报", columnType: "列表页",
            breadcrumb: [LinkView(title: Column.bulletins.title, href: nil)])
        return chrome.page(
            path, template: .bulletins, meta: meta, content: .bulletins(items), column: .bulletins,
            origin: "content/bulletins")
    }

    /// A month's bulletin; `place` is its number among the year's bulletins (`Disclosure`).
    func bulletin(_ month: Month, place: Int) -> OutputFile {
        let end = date(month)
        var parts: [BulletinView.Part] = []
        var summary = "\(month.chinese)“满意环保”工作进展。"
        if let ledger {
            let figures =
                ledger.months.first { $0.month == month }
                ?? LedgerMonth(month: month, records: [], asOf: asOf)
            parts += BulletinText.ledgerParts(figures)
            summary = BulletinText.summary(figures)
        }
        if !campaigns.isEmpty {
            parts.append(BulletinText.campaignPart(campaigns.map { CampaignRules.derive($0, asOf: end) }, asOf: end))
        }
        if let rating = RatingRules.latest(ratings, asOf: end) {
            parts.append(
                BulletinView.Part(
                    heading: "满意度测评", paragraphs: [RatingPages.standing(rating, target: target)], tables: []))
        }
        let note = notes[month]
        var view = BulletinView(
            issuer: issuer, title: title(month), docNo: note?.front.docNo, narrative: note?.html,
            parts: BulletinText.numbered(parts), signature: issuer, date: signed(month))
        view.disclosure = Disclosure.items(
            index: Disclosure.indexNumber(
                siteCode: chrome.config.footer.siteCode, kind: .bulletin, year: signed(month).year, sequence: place),
            issuer: issuer, signed: signed(month), docNo: note?.front.docNo, published: signed(month))
        let path = Self.path(month)
        var meta = chrome.meta(
            title: title(month), path: path, column: .bulletins, columnDescription: "“满意环保”月度工作进展通报",
            columnType: "文章页", description: summary,
            breadcrumb: [
                LinkView(title: Column.bulletins.title, href: links.link(Route.bulletins)),
                LinkView(title: month.chinese, href: nil),
            ])
        meta.printLayout = "gongwen"
        return chrome.page(
            path, template: .bulletin, meta: meta, content: .bulletin(view), column: .bulletins,
            origin: note?.file ?? "content/data")
    }
}
