import Foundation
import QingshanCore
import QingshanModel
import QingshanRender
import QingshanSearch

/// The privacy guard's step: a full build scans the pages while the rest renders and the rest
/// at the end; serve scans only what changed since the build it keeps.
final class PrivacyScan: @unchecked Sendable {
    let run: BuildRun
    let guardian: PrivacyGuard
    let schedule: IncrementalSchedule?
    let pageCount: Int
    private let pageFindings: Pending<PrivacyGuard.Scan>?

    init(run: BuildRun, content: SiteContent, derived: DerivedSite, pages: [OutputFile]) {
        self.run = run
        let guardian = PrivacyGuard(
            ledger: content.ledger, allow: content.config.privacyAllow, siteRoot: content.siteRoot,
            contentFiles: content.articles.map(\.file))
        self.guardian = guardian
        schedule = derived.schedule
        pageCount = pages.count
        pageFindings = derived.schedule == nil ? Pending { guardian.findings(pages) } : nil
    }

    /// Every output file checked; the files that are not text, or nil after reporting leaks.
    func check(_ files: [OutputFile], copies: [(source: String, path: String)], search: SearchIndex.Output)
        -> [String]?
    {
        let all = files + Self.staticFiles(copies)
        let leaks: [Diagnostic]
        var unscanned: [String] = []
        if let schedule {
            leaks = guardian.check(schedule.unchecked(all, searchDelta: search.changed))
        } else {
            let pages = pageFindings?.wait() ?? guardian.findings(Array(all[..<pageCount]))
            let scan = pages + guardian.findings(Array(all[pageCount...]))
            leaks = guardian.report(scan)
            unscanned = scan.unscanned
        }
        guard leaks.isEmpty else {
            run.diagnostics.report(contentsOf: leaks)
            return nil
        }
        return unscanned
    }

    /// Static files, every one: the privacy guard reads them too.
    static func staticFiles(_ copies: [(source: String, path: String)]) -> [OutputFile] {
        copies.compactMap { copy in
            FileManager.default.contents(atPath: copy.source).map {
                OutputFile(path: copy.path, data: $0, origin: "static/" + copy.path)
            }
        }
    }
}
