/// What a value in a template is, as far as rendering goes. Strings arrive escaped (views
/// escape with `text(_:)`, TemplateText.swift), so a string is written as it is.
public indirect enum ValueKind: Equatable, Sendable {
    case string
    /// Markup Qingshan made (`TrustedHTML`): written as its bytes; swift-mustache reads it as a
    /// String.
    case html
    case int
    case bool
    /// A view of the schema: a section on it pushes it, its names are looked up in it.
    case view(String)
    case list(ValueKind)
    /// Absent: Mustache goes on looking for the name in the outer contexts.
    case optional(ValueKind)
    /// Absent answers `false`, which ends the look-up: a `{{#href}}` of a link without one must
    /// not find an outer context's `href` (a tag page's own URL once turned the pagination gap
    /// "…" into a link).
    case orFalse(ValueKind)

    var swiftType: String {
        switch self {
        case .string: "String"
        case .html: "TrustedHTML"
        case .int: "Int"
        case .bool: "Bool"
        case .view(let name): name
        case .list(let element): "[" + element.swiftType + "]"
        case .optional(let value), .orFalse(let value): value.swiftType + "?"
        }
    }
}

/// One name a template can use on a view, and how the view answers it (a Swift expression
/// on the view, the body of a getter).
public struct ViewField: Sendable {
    public var name: String
    public var kind: ValueKind
    public var getter: String

    init(_ name: String, _ kind: ValueKind, _ getter: String) {
        self.name = name
        self.kind = kind
        self.getter = getter
    }
}

public struct ViewType: Sendable {
    public var name: String
    public var fields: [ViewField]

    init(_ name: String, _ fields: [ViewField]) {
        self.name = name
        self.fields = fields
    }

    func field(_ name: String) -> ViewField? { fields.first { $0.name == name } }
}

/// The names every template can use, one list per view type: the one source of both the
/// look-ups swift-mustache makes (`child(named:)`, for a site's own templates) and the
/// compiled built-in pages.
public enum ViewSchema {
    public static let types: [ViewType] = [
        ViewType(
            "PageView",
            [
                ViewField("site", .view("SiteView"), "site"),
                ViewField("page", .view("PageMeta"), "meta"),
                ViewField("headerHTML", .string, "headerHTML"),
                ViewField("footerHTML", .string, "footerHTML"),
                ViewField(
                    "home", .optional(.view("HomeView")), "if case .home(let view) = content { view } else { nil }"),
                ViewField(
                    "list", .optional(.view("ListView")), "if case .list(let view) = content { view } else { nil }"),
                ViewField(
                    "tags", .optional(.list(.view("TagView"))),
                    "if case .tags(let views) = content { views } else { nil }"),
                ViewField(
                    "hasTags", .optional(.bool), "if case .tags(let views) = content { !views.isEmpty } else { nil }"),
                ViewField("tag", .optional(.view("TagView")), "if case .tag(let view) = content { view } else { nil }"),
                ViewField(
                    "ledger", .optional(.view("LedgerPageView")),
                    "if case .ledger(let view) = content { view } else { nil }"),
                ViewField(
                    "bulletins", .optional(.list(.view("BulletinItemView"))),
                    "if case .bulletins(let items) = content { items } else { nil }"),
                ViewField(
                    "hasBulletins", .optional(.bool),
                    "if case .bulletins(let items) = content { !items.isEmpty } else { nil }"),
                ViewField(
                    "bulletin", .optional(.view("BulletinView")),
                    "if case .bulletin(let view) = content { view } else { nil }"),
                ViewField(
                    "campaigns", .optional(.view("CampaignsIndexView")),
                    "if case .campaigns(let view) = content { view } else { nil }"),
                ViewField(
                    "campaign", .optional(.view("CampaignPageView")),
                    "if case .campaign(let view) = content { view } else { nil }"),
                ViewField(
                    "data", .optional(.view("DataPageView")), "if case .data(let view) = content { view } else { nil }"),
                ViewField(
                    "report", .optional(.view("ReportView")),
                    "if case .report(let view) = content { view } else { nil }"),
                ViewField(
                    "factSheet", .optional(.view("FactSheetView")),
                    "if case .factSheet(let view) = content { view } else { nil }"),
                ViewField(
                    "envday", .optional(.view("EnvDayView")),
                    "if case .envday(let view) = content { view } else { nil }"),
            ]),
        ViewType(
            "PageMeta",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("documentTitle", .string, "text(documentTitle)"),
                ViewField("description", .string, "text(description)"),
                ViewField("columnName", .string, "text(columnName)"),
                ViewField("columnDescription", .string, "text(columnDescription)"),
                ViewField("columnType", .string, "text(columnType)"),
                ViewField("canonical", .string, "text(canonical)"),
                ViewField("asOfISO", .string, "asOf.iso"),
                ViewField("asOfText", .string, "asOf.chinese"),
                ViewField("breadcrumb", .list(.view("LinkView")), "breadcrumb"),
                ViewField("hasBreadcrumb", .bool, "!breadcrumb.isEmpty"),
                ViewField("article", .optional(.view("ArticleView")), "article"),
                ViewField("internal", .bool, "isInternal"),
                ViewField("printLayout", .orFalse(.string), "printLayout"),
                ViewField("isSearch", .bool, "isSearch"),
            ]),
        ViewType(
            "SiteView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("language", .string, "text(language)"),
                ViewField("domain", .string, "text(domain)"),
                ViewField("home", .string, "text(home)"),
                ViewField("stylesheet", .string, "text(stylesheet)"),
                ViewField("favicon", .string, "text(favicon)"),
                ViewField("script", .string, "text(script)"),
                ViewField("search", .orFalse(.string), "text(search)"),
                ViewField("searchIndex", .string, "text(searchIndex)"),
                ViewField("searchScript", .string, "text(searchScript)"),
                ViewField("feed", .string, "text(feed)"),
                ViewField("nav", .list(.view("LinkView")), "nav"),
                ViewField("footerPages", .list(.view("LinkView")), "footerPages"),
                ViewField("hasFooterPages", .bool, "!footerPages.isEmpty || !footer.errorReportURL.isEmpty"),
                ViewField("footer", .view("FooterView"), "footer"),
            ]),
        ViewType(
            "FooterView",
            ["sponsor", "siteCode", "icp", "police", "phone", "address", "email", "errorReportURL"].map {
                ViewField($0, .optional(.string), "\($0).isEmpty ? nil : text(\($0))")
            } + [
                // The line of filing numbers (标识码, ICP, 公安备案) is left out when none is configured.
                ViewField("hasFiling", .bool, "!(siteCode.isEmpty && icp.isEmpty && police.isEmpty)")
            ]),
        ViewType(
            "LinkView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("href", .orFalse(.string), "text(href)"),
                ViewField("current", .bool, "current"),
            ]),
        ViewType(
            "ItemView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("href", .string, "text(href)"),
                ViewField("dateISO", .string, "date.iso"),
                ViewField("dateText", .string, "date.chinese"),
                ViewField("summary", .string, "text(summary)"),
                ViewField("showSummary", .bool, "showSummary && !summary.isEmpty"),
            ]),
        ViewType(
            "PaginationView",
            [
                ViewField("number", .int, "number"),
                ViewField("total", .int, "total"),
                ViewField("previous", .optional(.string), "text(previous)"),
                ViewField("next", .optional(.string), "text(next)"),
                ViewField("pages", .list(.view("LinkView")), "pages"),
            ]),
        ViewType(
            "ListView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("description", .optional(.string), "description.isEmpty ? nil : text(description)"),
                ViewField("items", .list(.view("ItemView")), "items"),
                ViewField("hasItems", .bool, "!items.isEmpty"),
                ViewField("pagination", .optional(.view("PaginationView")), "pagination"),
            ]),
        ViewType(
            "TagView",
            [
                ViewField("name", .string, "text(name)"),
                ViewField("href", .string, "text(href)"),
                ViewField("count", .int, "count"),
                ViewField("items", .list(.view("ItemView")), "items"),
                ViewField("pagination", .optional(.view("PaginationView")), "pagination"),
            ]),
        ViewType(
            "ArticleView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("url", .string, "text(url)"),
                ViewField("pubDate", .string, "date.display"),
                ViewField("dateISO", .string, "date.day.iso"),
                ViewField("dateText", .string, "date.day.chinese"),
                ViewField("summary", .string, "text(summary)"),
                ViewField("source", .optional(.string), "text(source)"),
                ViewField("docNo", .optional(.string), "text(docNo)"),
                ViewField("html", .html, "html"),
                ViewField("readingMinutes", .int, "readingMinutes"),
                ViewField("tags", .list(.view("ArticleView.TagLink")), "tags"),
                ViewField("hasTags", .bool, "!tags.isEmpty"),
                ViewField("attachments", .list(.view("LinkView")), "attachments"),
                ViewField("hasAttachments", .bool, "!attachments.isEmpty"),
                ViewField("keywords", .string, "text(keywords)"),
                ViewField("contentSource", .string, "text(contentSource)"),
                ViewField("newer", .optional(.view("ArticleView.Neighbour")), "newer"),
                ViewField("older", .optional(.view("ArticleView.Neighbour")), "older"),
                ViewField("showNeighbours", .bool, "newer != nil || older != nil"),
                ViewField("disclosure", .list(.view("FigureView")), "disclosure"),
                ViewField("hasDisclosure", .bool, "!disclosure.isEmpty"),
            ]),
        ViewType(
            "ArticleView.Neighbour",
            [ViewField("title", .string, "text(title)"), ViewField("href", .string, "text(href)")]),
        ViewType(
            "ArticleView.TagLink",
            [ViewField("name", .string, "text(name)"), ViewField("href", .string, "text(href)")]),
        ViewType(
            "FactSheetView",
            [
                ViewField("issuer", .string, "text(issuer)"),
                ViewField("title", .string, "text(title)"),
                ViewField("docNo", .orFalse(.string), "text(docNo)"),
                ViewField("dateISO", .string, "date.iso"),
                ViewField("dateText", .string, "date.chinese"),
                ViewField("asOfText", .string, "asOf.chinese"),
                ViewField("asOfISO", .string, "asOf.iso"),
                ViewField("html", .html, "html"),
                ViewField("panels", .list(.view("ReportView.Part")), "panels"),
                ViewField("hasPanels", .bool, "!panels.isEmpty"),
                ViewField("newMedia", .list(.view("LinkView")), "newMedia"),
                ViewField("hasNewMedia", .bool, "!newMedia.isEmpty"),
            ]),
        ViewType(
            "ReportView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("asOfISO", .string, "asOf.iso"),
                ViewField("asOfText", .string, "asOf.chinese"),
                ViewField("intro", .list(.string), "intro.map { text($0) }"),
                ViewField("figures", .list(.view("FigureView")), "figures"),
                ViewField("hasFigures", .bool, "!figures.isEmpty"),
                ViewField("parts", .list(.view("ReportView.Part")), "parts"),
                ViewField("links", .list(.view("LinkView")), "links"),
                ViewField("hasLinks", .bool, "!links.isEmpty"),
                ViewField("newMedia", .list(.view("LinkView")), "newMedia"),
                ViewField("hasNewMedia", .bool, "!newMedia.isEmpty"),
            ]),
        ViewType(
            "ReportView.Part",
            [
                ViewField("heading", .string, "text(heading)"),
                ViewField("paragraphs", .list(.string), "paragraphs.map { text($0) }"),
                ViewField("bullets", .list(.string), "bullets.map { text($0) }"),
                ViewField("hasBullets", .bool, "!bullets.isEmpty"),
                ViewField("tables", .list(.view("TableView")), "tables"),
                ViewField("figures", .list(.view("FigureView")), "figures"),
                ViewField("hasFigures", .bool, "!figures.isEmpty"),
                ViewField("items", .list(.view("ItemView")), "items"),
                ViewField("hasItems", .bool, "!items.isEmpty"),
                ViewField("charts", .list(.view("ChartView")), "charts"),
                ViewField("more", .orFalse(.view("LinkView")), "more"),
            ]),
        ViewType(
            "FigureView",
            [
                ViewField("label", .string, "text(label)"),
                ViewField("value", .string, "text(value)"),
                ViewField("note", .orFalse(.string), "text(note)"),
            ]),
        ViewType(
            "ChartView",
            [ViewField("title", .string, "text(title)"), ViewField("svg", .string, "svg")]),
        ViewType(
            "TableView",
            [
                ViewField("caption", .string, "text(caption)"),
                ViewField("head", .list(.string), "head.map { text($0) }"),
                ViewField("rows", .list(.view("TableView.Row")), "rows"),
                ViewField("hasRows", .bool, "!rows.isEmpty"),
            ]),
        ViewType(
            "TableView.Row",
            [
                ViewField("cells", .list(.view("TableView.Cell")), "cells"),
                ViewField("id", .orFalse(.string), "QingshanRender.text(id)"),
            ]),
        ViewType(
            "TableView.Cell",
            [
                ViewField("text", .string, "QingshanRender.text(text)"),
                ViewField("href", .orFalse(.string), "QingshanRender.text(href)"),
                ViewField("className", .orFalse(.string), "QingshanRender.text(className)"),
            ]),
        ViewType(
            "HomeView",
            [
                ViewField("asOfISO", .string, "asOf.iso"),
                ViewField("asOfText", .string, "asOf.chinese"),
                ViewField("columns", .list(.view("HomeView.Column")), "columns"),
                ViewField("figures", .list(.view("FigureView")), "highlights.figures"),
                ViewField("hasFigures", .bool, "!highlights.figures.isEmpty"),
                ViewField("figuresHref", .orFalse(.string), "text(highlights.figuresHref)"),
                ViewField("campaigns", .list(.view("CampaignItemView")), "highlights.campaigns"),
                ViewField("hasCampaigns", .bool, "!highlights.campaigns.isEmpty"),
                ViewField("campaignsHref", .orFalse(.string), "text(highlights.campaignsHref)"),
            ]),
        ViewType(
            "HomeView.Column",
            [
                ViewField("key", .string, "text(key)"),
                ViewField("title", .string, "text(title)"),
                ViewField("href", .string, "text(href)"),
                ViewField("items", .list(.view("ItemView")), "items"),
                ViewField("hasItems", .bool, "!items.isEmpty"),
            ]),
        ViewType(
            "LedgerPageView",
            [
                ViewField("asOfISO", .string, "asOf.iso"),
                ViewField("asOfText", .string, "asOf.chinese"),
                ViewField("figures", .list(.view("FigureView")), "figures"),
                ViewField("charts", .list(.view("ChartView")), "charts"),
                ViewField("tables", .list(.view("TableView")), "tables"),
                ViewField("analysis", .list(.view("TableView")), "analysis"),
                ViewField("progress", .list(.view("TableView")), "progress"),
                ViewField("hasProgress", .bool, "!progress.isEmpty"),
                ViewField("records", .view("TableView"), "records"),
                ViewField("pagination", .orFalse(.view("PaginationView")), "pagination"),
                ViewField("isFirstPage", .bool, "isFirstPage"),
                ViewField("heading", .string, "text(heading)"),
                ViewField("filters", .list(.view("FilterView")), "filters"),
                ViewField("hasFilters", .bool, "!filters.isEmpty"),
            ]),
        ViewType(
            "FilterView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("links", .list(.view("LinkView")), "links"),
            ]),
        ViewType(
            "BulletinItemView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("href", .string, "text(href)"),
                ViewField("docNo", .orFalse(.string), "text(docNo)"),
                ViewField("dateISO", .string, "date.iso"),
                ViewField("dateText", .string, "date.chinese"),
            ]),
        ViewType(
            "BulletinView",
            [
                ViewField("issuer", .string, "text(issuer)"),
                ViewField("title", .string, "text(title)"),
                ViewField("docNo", .orFalse(.string), "text(docNo)"),
                ViewField("narrative", .orFalse(.html), "narrative"),
                ViewField("parts", .list(.view("BulletinView.Part")), "parts"),
                ViewField("signature", .string, "text(signature)"),
                ViewField("dateISO", .string, "date.iso"),
                ViewField("dateText", .string, "date.chinese"),
                ViewField("disclosure", .list(.view("FigureView")), "disclosure"),
                ViewField("hasDisclosure", .bool, "!disclosure.isEmpty"),
            ]),
        ViewType(
            "BulletinView.Part",
            [
                ViewField("heading", .string, "text(heading)"),
                ViewField("paragraphs", .list(.string), "paragraphs.map { text($0) }"),
                ViewField("tables", .list(.view("TableView")), "tables"),
            ]),
        ViewType(
            "DataPageView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("asOfISO", .string, "asOf.iso"),
                ViewField("asOfText", .string, "asOf.chinese"),
                ViewField("intro", .list(.string), "intro.map { text($0) }"),
                ViewField("figures", .list(.view("FigureView")), "figures"),
                ViewField("hasFigures", .bool, "!figures.isEmpty"),
                ViewField("legend", .list(.view("DataPageView.LegendItem")), "legend"),
                ViewField("hasLegend", .bool, "!legend.isEmpty"),
                ViewField("charts", .list(.view("ChartView")), "charts"),
                ViewField("hasCharts", .bool, "!charts.isEmpty"),
                ViewField("calendars", .list(.view("ChartView")), "calendars"),
                ViewField("hasCalendars", .bool, "!calendars.isEmpty"),
                ViewField("tables", .list(.view("TableView")), "tables"),
                ViewField("related", .list(.view("LinkView")), "related"),
                ViewField("hasRelated", .bool, "!related.isEmpty"),
                ViewField("downloads", .list(.view("LinkView")), "downloads"),
                ViewField("siblings", .list(.view("LinkView")), "siblings"),
                ViewField("hasSiblings", .bool, "siblings.count > 1"),
            ]),
        ViewType(
            "DataPageView.LegendItem",
            [ViewField("label", .string, "text(label)"), ViewField("color", .string, "text(color)")]),
        ViewType(
            "CampaignItemView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("href", .string, "text(href)"),
                ViewField("group", .string, "text(group)"),
                ViewField("departments", .string, "text(departments.joined(separator: \"、\"))"),
                ViewField("statusLabel", .string, "status.label"),
                ViewField("statusKey", .string, "status.rawValue"),
                ViewField("hasProgress", .bool, "progress != nil"),
                ViewField("progressPercent", .int, "progress.map { Int(($0 * 100).rounded()) } ?? 0"),
                ViewField("progressText", .string, "progress.map { percent($0) } ?? \"—\""),
                ViewField("deadline", .string, "text(deadline)"),
                ViewField("timing", .string, "text(timing)"),
            ]),
        ViewType(
            "CampaignGroupView",
            [
                ViewField("name", .string, "text(name)"),
                ViewField("campaigns", .list(.view("CampaignItemView")), "campaigns"),
            ]),
        ViewType(
            "CampaignsIndexView",
            [
                ViewField("asOfISO", .string, "asOf.iso"),
                ViewField("asOfText", .string, "asOf.chinese"),
                ViewField("groups", .list(.view("CampaignGroupView")), "groups"),
                ViewField("matrix", .view("TableView"), "matrix"),
                ViewField("counts", .list(.view("FigureView")), "counts"),
            ]),
        ViewType(
            "CampaignPageView",
            [
                ViewField("item", .view("CampaignItemView"), "item"),
                ViewField("requirement", .orFalse(.string), "requirement.isEmpty ? nil : text(requirement)"),
                ViewField("summary", .orFalse(.string), "summaryHTML.isEmpty ? nil : summaryHTML"),
                ViewField("milestones", .list(.view("CampaignPageView.MilestoneView")), "milestones"),
                ViewField("hasMilestones", .bool, "!milestones.isEmpty"),
                ViewField("tasks", .orFalse(.view("TableView")), "tasks"),
                ViewField("streets", .orFalse(.view("TableView")), "streets"),
                ViewField("metrics", .list(.view("CampaignPageView.MetricView")), "metrics"),
                ViewField("hasMetrics", .bool, "!metrics.isEmpty"),
                ViewField("updates", .list(.view("CampaignPageView.UpdateView")), "updates"),
                ViewField("hasUpdates", .bool, "!updates.isEmpty"),
                ViewField("news", .list(.view("ItemView")), "news"),
                ViewField("hasNews", .bool, "!news.isEmpty"),
            ]),
        ViewType(
            "CampaignPageView.MilestoneView",
            [
                ViewField("title", .string, "text(title)"),
                ViewField("dueText", .orFalse(.string), "due?.chinese"),
                ViewField("doneText", .orFalse(.string), "done?.chinese"),
                ViewField("doneISO", .string, "done?.iso ?? \"\""),
                ViewField("isDone", .bool, "done != nil"),
                ViewField("late", .bool, "late"),
            ]),
        ViewType(
            "CampaignPageView.MetricView",
            [
                ViewField("name", .string, "text(name)"),
                ViewField("unit", .string, "text(unit)"),
                ViewField("target", .string, "number(target)"),
                ViewField("actual", .string, "number(actual)"),
                ViewField("hasShare", .bool, "target.map { $0 > 0 } == true && actual != nil"),
                ViewField(
                    "share", .int,
                    "if let target, target > 0, let actual { Int(min(100, (actual / target * 100).rounded())) } else { 0 }"
                ),
            ]),
        ViewType(
            "CampaignPageView.UpdateView",
            [
                ViewField("dateISO", .string, "date.iso"),
                ViewField("dateText", .string, "date.chinese"),
                ViewField("html", .html, "html"),
            ]),
        ViewType(
            "EnvDayView",
            [
                ViewField("year", .int, "year"),
                ViewField("title", .string, "text(title)"),
                ViewField("theme", .optional(.string), "theme.isEmpty ? nil : text(theme)"),
                ViewField("themePhrases", .list(.string), "themePhrases.map { text($0) }"),
                ViewField("html", .html, "html"),
                ViewField("materials", .list(.view("ItemView")), "materials"),
                ViewField("hasMaterials", .bool, "!materials.isEmpty"),
                ViewField("posterHref", .string, "text(posterHref)"),
                ViewField("years", .list(.view("LinkView")), "years"),
                ViewField("hasYears", .bool, "!years.isEmpty"),
                ViewField("figures", .list(.view("FigureView")), "figures"),
                ViewField("hasFigures", .bool, "!figures.isEmpty"),
                ViewField("host", .string, "text(host)"),
                ViewField("dateText", .string, "\"\\(year)年6月5日\""),
                ViewField("rules", .list(.string), "EnvDayView.rules"),
            ]),
    ]

    static func type(named name: String) -> ViewType? { types.first { $0.name == name } }
}
