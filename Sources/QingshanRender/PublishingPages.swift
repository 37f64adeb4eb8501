import Foundation
import QingshanCore
import QingshanDerive
import QingshanModel

/// A press-conference fact sheet: the narrative and the data panels as of its own day.
public struct FactSheetView: Sendable {
    public var issuer: String
    public var title: String
    public var docNo: String?
    public var date: Day
    public var asOf: Day
    public var html: TrustedHTML
    public var panels: [ReportView.Part]
    /// The 新媒体 pack beside the page, for the editors (`NewMediaPack.links`).
    public var newMedia: [LinkView] = []
}

/// An Environment Day year: its theme, materials and poster.
public struct EnvDayView: Sendable {
    public var year: Int
    public var title: String
    public var theme: String
    public var html: TrustedHTML
    public var materials: [ItemView]
    public var posterHref: String
    public var years: [LinkView]
    public var figures: [FigureView]
    public var host: String

    /// The theme in phrases a line may break between, never inside a word (a poster's headline
    /// read “现 / 代化”): split after the last 的, 、 or ， before the middle, when it is long.
    public var themePhrases: [String] {
        let characters = Array(theme)
        guard characters.count > 8 else { return theme.isEmpty ? [] : [theme] }
        let middle = characters.count / 2
        let cuts = characters.indices.filter { i in
            i > 1 && i < characters.count - 2 && ["的", "、", "，", "与"].contains(characters[i])
        }
        guard let cut = cuts.min(by: { abs($0 - middle) < abs($1 - middle) }) else { return [theme] }
        return [String(characters[...cut]), String(characters[(cut + 1)...])]
    }

    /// 《公民生态环境行为规范十条》 (revised and issued 2023-06-05 by five ministries;
    /// docs/RULES.md, Bulletins and fact sheets layout).
    public static let rules = [
        "关爱生态环境", "节约能源资源", "践行绿色消费", "选择低碳出行", "分类投放垃圾", "减少污染产生", "呵护自然生态", "参加环保实践",
        "参与环境监督", "共建美丽中国",
    ]
}

/// Stage 4 for the bureau's publishing products: press fact sheets with as-of panels,
/// Environment Day years with materials and a printable poster, and the monthly environmental
/// dynamics (每月环保动态).
public struct PublishingPages: Sendable {
    let chrome: PageChrome
    let index: SiteIndex
    let panels: DataPanels
    let months: [Month]
    /// The articles each month's dynamics page lists (news, notices, science, press in that
    /// order, each newest first), grouped in one pass.
    let byMonth: [Month: [Article]]

    public init(chrome: PageChrome, index: SiteIndex, panels: DataPanels, dataMonths: Set<Month>) {
        self.chrome = chrome
        self.index = index
        self.panels = panels
        let last = Month(chrome.asOf)
        var months = dataMonths.filter { $0 <= last }
        for article in index.articles where article.section.isListed {
            months.insert(Month(article.date.day))
        }
        self.months = months.sorted()
        var byMonth: [Month: [Article]] = [:]
        for section in [Section.news, .notices, .science, .press] {
            for article in index.bySection[section] ?? [] {
                byMonth[Month(article.date.day), default: []].append(article)
            }
        }
        self.byMonth = byMonth
    }

    var links: LinkBuilder { chrome.links }
    var issuer: String { chrome.config.issuer }

    public func renderAll() -> [OutputFile] {
        let press = index.bySection[.press] ?? []
        let envday = index.bySection[.envday] ?? []
        let years = Set(envday.compactMap { Int($0.slug.split(separator: "/").first ?? "") }).sorted()
        enum Job: Sendable {
            case factSheet(Article, newer: Article?, older: Article?)
            case envdayIndex
            case envdayYear(Int)
            case envdayMaterial(Article)
            case poster(Int)
            case dynamicsIndex
            case dynamics(Month)
        }
        var jobs: [Job] = []
        for (i, article) in press.enumerated() {
            jobs.append(
                .factSheet(article, newer: i > 0 ? press[i - 1] : nil, older: i + 1 < press.count ? press[i + 1] : nil))
        }
        if !years.isEmpty {
            jobs.append(.envdayIndex)
            jobs += years.map(Job.envdayYear) + years.map(Job.poster)
            jobs += envday.filter { $0.slug.contains("/") }.map(Job.envdayMaterial)
        }
        if !months.isEmpty {
            jobs.append(.dynamicsIndex)
            jobs += months.map(Job.dynamics)
        }
        return chrome.renderAll(jobs, key: key) { job in
            switch job {
            case .factSheet(let article, let newer, let older): return factSheet(article, newer: newer, older: older)
            case .envdayIndex: return envdayIndex(years)
            case .envdayYear(let year): return envdayYear(year, years: years)
            case .envdayMaterial(let article): return envdayMaterial(article)
            case .poster(let year): return poster(year)
            case .dynamicsIndex: return dynamicsIndex()
            case .dynamics(let month): return dynamics(month)
            }
        }

        /// Everything a page shows beyond the build's context (data, as-of day, navigation).
        func key(_ job: Job) -> RenderKey {
            switch job {
            case .factSheet(let article, let newer, let older):
                return RenderKey("factsheet", articles: [article, newer, older])
            case .envdayIndex: return RenderKey("envday", articles: envday)
            case .envdayYear(let year): return RenderKey("envday-year", articles: envday, [year])
            case .envdayMaterial(let article): return RenderKey("envday-material", articles: [article])
            case .poster(let year): return RenderKey("poster", articles: [yearArticle(year)], [year])
            case .dynamicsIndex: return RenderKey("dynamics", months.map { $0.year * 100 + $0.month })
            case .dynamics(let month):
                return RenderKey("dynamics-month", articles: monthArticles(month), [month.year * 100 + month.month])
            }
        }
    }

    /// The articles a month's dynamics page lists.
    func monthArticles(_ month: Month) -> [Article] { byMonth[month] ?? [] }

    // MARK: - Press fact sheets

    func factSheet(_ article: Article, newer: Article?, older: Article?) -> OutputFile {
        let asOf = article.front.asOf ?? article.date.day
        let view = FactSheetView(
            issuer: issuer, title: article.title, docNo: article.front.docNo, date: article.date.day, asOf: asOf,
            html: article.html, panels: factSheetParts(article), newMedia: NewMediaPack.links(article.path, links))
        var meta = chrome.meta(
            title: article.title, path: article.path, column: .section(.press),
            columnDescription: Section.press.columnDescription, columnType: "文章页", description: article.summary,
            breadcrumb: [
                LinkView(title: Section.press.title, href: links.link(Section.press.listPath)),
                LinkView(title: "正文", href: nil),
            ])
        meta.article = chrome.articleView(article, newer: newer, older: older)
        meta.printLayout = "gongwen"
        return chrome.page(
            article.path, template: .factsheet, meta: meta, content: .factSheet(view), column: .section(.press),
            origin: article.file)
    }

    // MARK: - Environment Day

    func yearArticle(_ year: Int) -> Article? {
        (index.bySection[.envday] ?? []).first { $0.slug == String(year) }
    }

    func envdayIndex(_ years: [Int]) -> OutputFile {
        let path = Route.envday
        let items = years.reversed().map { year -> ItemView in
            let article = yearArticle(year)
            return ItemView(
                title: "\(year)年六五环境日" + (article?.front.theme.map { "：\($0)" } ?? ""),
                href: links.link(Route.envday(String(year))),
                date: Day(year: year, month: 6, day: 5) ?? chrome.asOf, summary: article?.summary ?? "",
                showSummary: true)
        }
        let view = ReportView(
            title: "六五环境日", asOf: chrome.asOf,
            intro: ["每年6月5日为环境日（《中华人民共和国环境保护法》第十二条）。这里汇集历年环境日主题、宣传活动和宣传材料。"],
            figures: [], parts: [ReportView.Part(heading: "历年环境日", items: items)], links: [])
        let meta = chrome.meta(
            title: "六五环境日", path: path, column: .envday, columnDescription: Section.envday.columnDescription,
            columnType: "专题", breadcrumb: [LinkView(title: Column.envday.title, href: nil)])
        return chrome.page(
            path, template: .report, meta: meta, content: .report(view), column: .envday, origin: "content/envday")
    }

    func envdayYear(_ year: Int, years: [Int]) -> OutputFile {
        let article = yearArticle(year)
        let path = Route.envday(String(year))
        let materials = (index.bySection[.envday] ?? []).filter { $0.slug.hasPrefix("\(year)/") }.map { m in
            ItemView(title: m.title, href: links.link(m.path), date: m.date.day, summary: m.summary, showSummary: true)
        }
        let june5 = Day(year: year, month: 6, day: 5) ?? chrome.asOf
        let view = EnvDayView(
            year: year, title: article?.title ?? "\(year)年六五环境日", theme: article?.front.theme ?? "",
            html: article?.html ?? .empty,
            materials: materials, posterHref: links.link(Route.poster(String(year))),
            years: years.filter { $0 != year }.reversed().map {
                LinkView(title: "\($0)年", href: links.link(Route.envday(String($0))))
            },
            figures: panels.posterFigures(asOf: min(june5, chrome.asOf)), host: issuer)
        let meta = chrome.meta(
            title: view.title, path: path, column: .envday, columnDescription: Section.envday.columnDescription,
            columnType: "专题", description: article?.summary ?? "",
            breadcrumb: [
                LinkView(title: Column.envday.title, href: links.link(Route.envday)),
                LinkView(title: "\(year)年", href: nil),
            ])
        return chrome.page(
            path, template: .envday, meta: meta, content: .envday(view), column: .envday,
            origin: article?.file ?? "content/envday")
    }

    func envdayMaterial(_ article: Article) -> OutputFile {
        let year = String(article.slug.split(separator: "/").first ?? "")
        var meta = chrome.meta(
            title: article.title, path: article.path, column: .envday,
            columnDescription: Section.envday.columnDescription,
            columnType: "文章页", description: article.summary,
            breadcrumb: [
                LinkView(title: Column.envday.title, href: links.link(Route.envday)),
                LinkView(title: "\(year)年", href: links.link(Route.envday(year))),
                LinkView(title: "正文", href: nil),
            ])
        meta.article = chrome.articleView(article)
        return chrome.page(
            article.path, template: .article, meta: meta, content: .article, column: .envday, origin: article.file)
    }

    func poster(_ year: Int) -> OutputFile {
        let article = yearArticle(year)
        let june5 = Day(year: year, month: 6, day: 5) ?? chrome.asOf
        let view = EnvDayView(
            year: year, title: article?.title ?? "\(year)年六五环境日", theme: article?.front.theme ?? "", html: .empty,
            materials: [], posterHref: "", years: [], figures: panels.posterFigures(asOf: min(june5, chrome.asOf)),
            host: issuer)
        let path = Route.poster(String(year))
        var meta = chrome.meta(
            title: "\(year)年六五环境日宣传海报", path: path, column: .envday, columnType: "专题",
            breadcrumb: [
                LinkView(title: Column.envday.title, href: links.link(Route.envday)),
                LinkView(title: "\(year)年", href: links.link(Route.envday(String(year)))),
                LinkView(title: "海报", href: nil),
            ])
        meta.printLayout = "poster"
        return chrome.page(
            path, template: .poster, meta: meta, content: .envday(view), column: .envday, origin: article?.file ?? "")
    }

    // MARK: - Monthly dynamics

    func dynamicsIndex() -> OutputFile {
        let path = Route.dynamics
        let view = ReportView(
            title: "每月环保动态", asOf: chrome.asOf, intro: ["每月一期：当月工作动态、通知公告、科普知识，以及空气、水、声环境质量，专项行动和问题台账的月度情况。"],
            figures: [], parts: [],
            links: months.reversed().map {
                LinkView(title: "\($0.chinese)环保动态", href: links.link(Route.dynamics($0.iso)))
            })
        let meta = chrome.meta(
            title: "每月环保动态", path: path, column: .dynamics, columnDescription: "每月环保动态", columnType: "列表页",
            breadcrumb: [LinkView(title: "每月环保动态", href: nil)])
        return chrome.page(
            path, template: .report, meta: meta, content: .report(view), column: .dynamics, origin: "content")
    }

    /// A fact sheet's panels as of its day, numbered.
    func factSheetParts(_ article: Article) -> [ReportView.Part] {
        BulletinText.numberedParts(panels.parts(article.front.panels, asOf: article.front.asOf ?? article.date.day))
    }

    func dynamics(_ month: Month) -> OutputFile {
        let end = min(month.lastDay, chrome.asOf)
        let path = Route.dynamics(month.iso)
        let view = ReportView(
            title: "\(month.chinese)环保动态", asOf: end, intro: [], figures: [], parts: dynamicsParts(month),
            links: [], newMedia: NewMediaPack.links(path, links))
        let meta = chrome.meta(
            title: "\(month.chinese)环保动态", path: path, column: .dynamics, columnDescription: "每月环保动态",
            columnType: "文章页",
            description: "\(month.chinese)生态环境工作动态与环境质量。",
            breadcrumb: [
                LinkView(title: "每月环保动态", href: links.link(Route.dynamics)),
                LinkView(title: month.chinese, href: nil),
            ])
        return chrome.page(
            path, template: .report, meta: meta, content: .report(view), column: .dynamics, origin: "content")
    }

    /// A month of 环保动态: the month's articles by section, its air, water and noise, and the
    /// campaigns and ledger at its end, numbered.
    func dynamicsParts(_ month: Month) -> [ReportView.Part] {
        let end = min(month.lastDay, chrome.asOf)
        var parts: [ReportView.Part] = []
        let listed = monthArticles(month)
        for section in [Section.news, .notices, .science, .press] {
            let items = listed.filter { $0.section == section }.reversed()
            guard !items.isEmpty else { continue }
            parts.append(
                ReportView.Part(
                    heading: section.title,
                    items: items.map {
                        ItemView(
                            title: $0.title, href: links.link($0.path), date: $0.date.day, summary: $0.summary,
                            showSummary: section == .news)
                    }))
        }
        if let air = panels.airPart(asOf: end, month: month) { parts.append(air) }
        if let water = panels.waterPart(asOf: end, month: month) { parts.append(water) }
        if let noise = panels.noisePart(asOf: end, month: month) { parts.append(noise) }
        if var campaigns = panels.campaignPart(asOf: end) {
            campaigns.heading = "专项行动（截至\(month.month)月底）"
            parts.append(campaigns)
        }
        if var ledger = panels.ledgerPart(asOf: end) {
            ledger.more = LinkView(
                title: "\(month.chinese)工作通报", href: links.link(Route.bulletin(month.iso)))
            parts.append(ledger)
        }
        return BulletinText.numberedParts(parts)
    }

    // MARK: - 新媒体

    /// The 新媒体 pack (`NewMediaPack`) of every press item and every month of 环保动态; with a
    /// sink, a batch at a time through it (they are two files for every press item).
    public func newMediaPacks(sink: PageSink? = nil) -> [OutputFile] {
        let press = index.bySection[.press] ?? []
        let make = { (range: Range<Int>) in Parallel.map(Array(press[range]), pressPack).flatMap { $0 } }
        var files =
            if let sink {
                PageChrome.pipeline(count: press.count, batch: PageChrome.sinkBatch / 2, sink: sink, make: make)
            } else { make(press.indices) }
        var monthly: [OutputFile] = []
        for month in months {
            let end = min(month.lastDay, chrome.asOf)
            let news = (byMonth[month] ?? []).filter { $0.section == .news }
            let key = RenderKey("newmedia-month", articles: monthArticles(month), [month.year * 100 + month.month])
            monthly += chrome.remember(key) {
                NewMediaPack(
                    title: "\(month.chinese)环保动态", issuer: issuer, date: end, asOf: end,
                    summary: "\(month.chinese)生态环境工作动态与环境质量。"
                        + (news.isEmpty ? "" : "本月动态：" + news.prefix(3).map(\.title).joined(separator: "；") + "。"),
                    html: nil, parts: dynamicsParts(month), page: Route.dynamics(month.iso)
                ).files(links, origin: "content")
            }
        }
        files += sink?(monthly) ?? monthly
        return files
    }

    /// A press item's pack (serve remembers it by what it is made of, as it remembers the page
    /// beside it).
    @Sendable func pressPack(_ article: Article) -> [OutputFile] {
        chrome.remember(RenderKey("newmedia", articles: [article])) {
            NewMediaPack(
                title: article.title, issuer: issuer, date: article.date.day,
                asOf: article.front.asOf ?? article.date.day, summary: article.summary, html: article.html,
                parts: factSheetParts(article), page: article.path
            ).files(links, origin: article.file)
        }
    }
}
