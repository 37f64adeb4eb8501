import QingshanCore

/// site.yaml (README, "site.yaml").
public struct SiteConfig: Sendable {
    public var title: String
    public var baseURL: String
    public var language: String
    public var description: String
    public var asOf: Day?
    public var organization: Organization
    public var footer: Footer
    public var privacyAllow: [String]
    public var unsafeMarkdown: Bool
    /// `targets: {rank: 70}`: the place in the province's satisfaction survey the plan aims
    /// at (docs/RULES.md, Ratings).
    public var targetRank: Int?

    public init(
        title: String, baseURL: String, language: String = "zh-CN", description: String = "", asOf: Day? = nil,
        organization: Organization = Organization(), footer: Footer = Footer(), privacyAllow: [String] = [],
        unsafeMarkdown: Bool = false
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.description = description
        self.asOf = asOf
        self.organization = organization
        self.footer = footer
        self.privacyAllow = privacyAllow
        self.unsafeMarkdown = unsafeMarkdown
    }

    public var links: LinkBuilder { LinkBuilder(baseURL: baseURL) }

    /// Who issues what the site publishes (发文机关, the feed's author, a pack's byline): the
    /// 主办单位, else the site's title.
    public var issuer: String { footer.sponsor.isEmpty ? title : footer.sponsor }
}

public struct Organization: Sendable {
    public var departments: [String]
    public var streets: [String]

    public init(departments: [String] = [], streets: [String] = []) {
        self.departments = departments
        self.streets = streets
    }
}

/// The government-site footer: 主办单位, 网站标识码, ICP and 公安备案 numbers, contact.
public struct Footer: Sendable {
    public var sponsor: String
    public var siteCode: String
    public var icp: String
    public var police: String
    public var phone: String
    public var address: String
    public var email: String
    /// Link to the national 我为政府网站找错 entry, when the site has one.
    public var errorReportURL: String

    public init(
        sponsor: String = "", siteCode: String = "", icp: String = "", police: String = "", phone: String = "",
        address: String = "", email: String = "", errorReportURL: String = ""
    ) {
        self.sponsor = sponsor
        self.siteCode = siteCode
        self.icp = icp
        self.police = police
        self.phone = phone
        self.address = address
        self.email = email
        self.errorReportURL = errorReportURL
    }
}
