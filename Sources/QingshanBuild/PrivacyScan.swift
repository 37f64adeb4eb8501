import Foundation
import QingshanCore
import QingshanModel
import QingshanRender
import QingshanSearch

/// The privacy guard's step: a full build scans the pages as they are rendered and the rest at
/// the end; serve scans only what changed since the build it keeps.
final class PrivacyScan: @unchecked Sendable {
    let run: BuildRun
    let guardian: PrivacyGuard
    let schedule: IncrementalSchedule?
    /// The scan of the pages so far, in their order.
    private var pageFindings = PrivacyGuard.Scan()

    init(run: BuildRun, content: SiteContent, derived: DerivedSite) {
        self.run = run
        let guardian = PrivacyGuard(
            ledger: content.ledger, allow: content.config.privacyAllow, siteRoot: content.siteRoot,
            contentFiles: content.articles.map(\.file))
        self.guardian = guardian
        schedule = derived.schedule
    }

    /// The next pages of a full build, scanned as they come (`PublicBuild.pageSink`).
    func scan(pages: [OutputFile]) {
        pageFindings = pageFindings + guardian.findings(pages)
    }

    /// Every output file checked (the first `scanned`, the pages and packs, scanned already in
    /// a full build); the files that are not text, or nil after reporting leaks.
    func check(
        _ files: [OutputFile], scanned: Int, copies: [(source: String, path: String)], search: SearchIndex.Output
    ) -> [String]? {
        let leaks: [Diagnostic]
        var unscanned: [String] = []
        if let schedule {
            let all = files + Self.staticFiles(copies)
            leaks = guardian.check(schedule.unchecked(all, searchDelta: search.changed))
        } else {
            let scan = pageFindings + guardian.findings(Array(files[scanned...])) + staticFindings(copies)
            leaks = guardian.report(scan)
            unscanned = scan.unscanned
        }
        guard leaks.isEmpty else {
            run.diagnostics.report(contentsOf: leaks)
            return nil
        }
        return unscanned
    }

    /// Static files, each read, scanned and let go on all cores (a site's PDFs are never all in
    /// memory at once).
    func staticFindings(_ copies: [(source: String, path: String)]) -> PrivacyGuard.Scan {
        guardian.findings(count: copies.count) { Self.staticFile(copies[$0]) }
    }

    /// Static files, every one: the privacy guard reads them too.
    static func staticFiles(_ copies: [(source: String, path: String)]) -> [OutputFile] {
        copies.compactMap(staticFile)
    }

    /// A static file as the output will hold it (nil when it cannot be read).
    static func staticFile(_ copy: (source: String, path: String)) -> OutputFile? {
        FileManager.default.contents(atPath: copy.source).map {
            OutputFile(path: copy.path, data: $0, origin: "static/" + copy.path)
        }
    }
}
