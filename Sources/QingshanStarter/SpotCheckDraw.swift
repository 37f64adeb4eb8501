import Foundation
import QingshanCore
import QingshanLedger
import QingshanLoad

/// `qingshan spotcheck draw YYYY-Qn`: draws a quarter's spot-check sample once and freezes it
/// in `content/data/spotcheck/YYYY-Qn.yaml` (docs/RULES.md, Ledger), so later edits of the
/// ledger never change who is called. An existing file is never overwritten.
public enum SpotCheckDraw {
    public struct Drawn: Sendable {
        public var path: String
        public var sample: [LedgerRecord]
        public var poolCount: Int
    }

    /// Draws `quarter` from the site's ledger as it stood on the earlier of the quarter's end and
    /// `asOf` (site.yaml `as_of`, else today, when nil). Input problems go to `diagnostics`
    /// (nil returned, nothing written); a usage problem throws.
    public static func draw(siteRoot: String, quarter: Quarter, asOf: Day?, today: Day, diagnostics: Diagnostics)
        throws -> Drawn?
    {
        let relative = SpotCheckFile.path(quarter)
        let path = siteRoot + "/" + relative
        let exists = NewContent.Failure.message("\(relative) 已存在：抽查名单抽取后不再变动（确需重抽，请先删除该文件）")
        // Checked first, so a drawn quarter is refused before the ledger is read.
        guard !FileManager.default.fileExists(atPath: path) else { throw exists }
        guard let data = FileManager.default.contents(atPath: siteRoot + "/site.yaml") else {
            throw NewContent.Failure.message("\(siteRoot) 中没有 site.yaml：不是 Qingshan 站点目录")
        }
        guard let text = String(data: data, encoding: .utf8),
            let config = SiteConfigLoader.parse(text, diagnostics: diagnostics)
        else {
            if !diagnostics.hasErrors { diagnostics.error(SourceLocation(file: "site.yaml"), "无法以 UTF-8 读取 site.yaml") }
            return nil
        }
        let records = LedgerLoader(siteRoot: siteRoot, organization: config.organization).load(diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        let day = min(quarter.lastDay, asOf ?? config.asOf ?? today)
        guard quarter.firstDay <= day else {
            throw NewContent.Failure.message("\(quarter.label) 在截至日期 \(day.iso) 之后，还不能抽取")
        }
        let pool = SpotCheck.pool(quarter, records, asOf: day)
        guard !pool.isEmpty else {
            throw NewContent.Failure.message("\(quarter.chinese)截至 \(day.iso) 没有办结或销号的问题，无需抽查")
        }
        let sample = SpotCheck.sample(quarter, from: pool)
        guard
            try NewContent.createNew(
                path, relative: relative, text: SpotCheck.fileText(quarter, sample, drawnOn: today))
        else { throw exists }
        return Drawn(path: relative, sample: sample, poolCount: pool.count)
    }
}
