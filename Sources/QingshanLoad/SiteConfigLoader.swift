import QingshanCore
import QingshanModel
import Yams

/// Reads and validates site.yaml (README, "site.yaml"; docs/RULES.md, Government-site page rules).
public enum SiteConfigLoader {
    public static let file = "site.yaml"

    static let topKeys: Set<String> = [
        "title", "base_url", "language", "as_of", "description", "organization", "footer", "privacy", "markdown",
        "targets",
    ]
    static let organizationKeys: Set<String> = ["departments", "streets"]
    static let footerKeys: Set<String> = [
        "sponsor", "site_code", "icp", "police", "phone", "address", "email", "error_report_url",
    ]
    static let privacyKeys: Set<String> = ["allow"]
    static let markdownKeys: Set<String> = ["unsafe"]
    static let targetKeys: Set<String> = ["rank"]

    /// Parses site.yaml text; nil when a required key is missing or the file is not YAML.
    public static func parse(_ text: String, diagnostics: Diagnostics) -> SiteConfig? {
        guard let root = YAMLReader.compose(text, file: file, diagnostics: diagnostics) else {
            if YAMLReader.holdsNoDocument(text) {
                diagnostics.error(
                    SourceLocation(file: file, line: 1), "site.yaml 是空的（或只有注释）", hint: "至少需要 title 和 base_url")
            }
            return nil
        }
        guard let map = MappingReader(root, file: file, diagnostics: diagnostics, what: "site.yaml") else { return nil }
        map.warnUnknownKeys(allowed: topKeys, context: "site.yaml")

        let title = map.requireString("title", what: "网站名称")
        let baseURL = map.requireString("base_url", what: "网站地址，例如 https://www.example.gov.cn/hbj/")
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(" ") {
            diagnostics.error(
                map.location(ofKey: "base_url"), "base_url 应为以 http:// 或 https:// 开头的完整地址，而不是“\(baseURL)”")
        }
        var config = SiteConfig(title: title ?? "", baseURL: baseURL ?? "https://example.invalid/")
        config.language = map.string("language") ?? "zh-CN"
        config.description = map.string("description") ?? ""
        config.asOf = map.day("as_of")

        if let org = map.mapping("organization", what: "organization") {
            org.warnUnknownKeys(allowed: organizationKeys, context: "organization")
            config.organization = Organization(
                departments: org.stringList("departments") ?? [], streets: org.stringList("streets") ?? [])
        }
        if let footer = map.mapping("footer", what: "footer") {
            footer.warnUnknownKeys(allowed: footerKeys, context: "footer")
            let sponsor = footer.requireString("sponsor", what: "主办单位")
            config.footer = Footer(
                sponsor: sponsor ?? "", siteCode: footer.string("site_code") ?? "", icp: footer.string("icp") ?? "",
                police: footer.string("police") ?? "", phone: footer.string("phone") ?? "",
                address: footer.string("address") ?? "", email: footer.string("email") ?? "",
                errorReportURL: footer.string("error_report_url") ?? "")
            if !config.footer.errorReportURL.isEmpty,
                !(config.footer.errorReportURL.hasPrefix("https://")
                    || config.footer.errorReportURL.hasPrefix("http://"))
            {
                diagnostics.error(
                    footer.location(ofKey: "error_report_url"), "error_report_url 应为 http:// 或 https:// 开头的地址")
            }
            let missing = [("site_code", "网站标识码"), ("icp", "ICP备案号"), ("police", "公安机关备案号")]
                .filter { footer.value($0.0) == nil }
            if !missing.isEmpty {
                diagnostics.warning(
                    map.location(ofKey: "footer"),
                    "footer 缺少" + missing.map { "“\($0.0)”（\($0.1)）" }.joined(separator: "、") + "，政府网站页面底部应列明")
            }
        } else {
            diagnostics.error(
                map.location(ofKey: "footer"), "缺少必填项“footer”（页面底部的主办单位、网站标识码、备案号）",
                hint: "footer:\n    sponsor: 主办单位名称\n    site_code: \"网站标识码\"")
        }
        if let privacy = map.mapping("privacy", what: "privacy") {
            privacy.warnUnknownKeys(allowed: privacyKeys, context: "privacy")
            config.privacyAllow = privacy.stringList("allow") ?? []
        }
        if let markdown = map.mapping("markdown", what: "markdown") {
            markdown.warnUnknownKeys(allowed: markdownKeys, context: "markdown")
            config.unsafeMarkdown = markdown.bool("unsafe") ?? false
        }
        if let targets = map.mapping("targets", what: "targets") {
            targets.warnUnknownKeys(allowed: targetKeys, context: "targets")
            if let raw = targets.string("rank") {
                if let rank = DecimalNumber.parseDigits(raw), rank >= 1 {
                    config.targetRank = rank
                } else {
                    diagnostics.error(
                        targets.location(ofKey: "rank"), "targets.rank“\(raw)”应是正整数",
                        hint: "方案目标：在全省测评中排名不低于前70位，写作 targets: {rank: 70}")
                }
            }
        }
        guard title != nil, baseURL != nil else { return nil }
        return config
    }
}
