import Foundation
import QingshanCore
import QingshanLoad

/// Which edition a build writes: the public portal, or the internal one for the bureau's meetings.
public enum Edition: String, Sendable, CaseIterable {
    case `public`
    case `internal`

    /// The default output folder inside the site.
    public var defaultFolder: String { self == .public ? "public" : "internal" }
}

public struct BuildOptions: Sendable {
    /// Absolute path of the site folder.
    public var siteRoot: String
    /// Absolute output folder; nil means the edition's default inside the site.
    public var outputDir: String?
    /// The as-of day; nil means site.yaml's `as_of`, else today.
    public var asOf: Day?
    public var includeDrafts: Bool
    public var edition: Edition
    /// Build, check, or serve's rebuild (with what it keeps from the build before).
    public var mode: BuildMode
    /// Pages of the built-in theme written by its compiled code (`make theme`); false renders
    /// every page through swift-mustache (the tests compare the two).
    public var compiledPages = true

    public init(
        siteRoot: String, outputDir: String? = nil, asOf: Day? = nil, includeDrafts: Bool = false,
        edition: Edition = .public, mode: BuildMode = .build
    ) {
        self.mode = mode
        self.siteRoot = siteRoot
        self.outputDir = outputDir
        self.asOf = asOf
        self.includeDrafts = includeDrafts
        self.edition = edition
    }

    /// The session of a serve rebuild, nil otherwise.
    public var session: BuildSession? { mode.session }

    public var resolvedOutputDir: String {
        outputDir ?? PathText.join(siteRoot, edition.defaultFolder)
    }
}

/// What a build did, for the closing line and `--timings`.
public struct BuildReport: Sendable {
    public var outputDir: String
    public var asOf: Day
    public var pages: Int
    public var files: Int
    public var articles: Int
    public var dataRecords: Int
    public var seconds: Double
    public var stages: [StageTime]
    /// Files a serve rebuild took unchanged from the build before (not rendered again).
    public var reused = 0
    /// Output files the privacy guard could not read as text (PDFs, images), by path.
    public var unscanned: [String] = []
    /// The figures each press fact sheet cites and what they came to (`qingshan check` lists
    /// them, for the editor to read before the conference).
    public var pressFigures: [PressFigures] = []
}

/// A press fact sheet's cited figures (`{{NAME}}`), as of its day.
public struct PressFigures: Sendable {
    public var file: String
    public var title: String
    public var asOf: Day
    public var figures: [(name: String, value: String)]
}

/// One stage of a build: its wall time, the processor time of the whole process meanwhile
/// (above the wall time when the stage runs on both cores) and the process's peak resident
/// memory at its end.
public struct StageTime: Sendable {
    public var name: String
    public var seconds: Double
    public var cpuSeconds: Double
    public var peakMiB: Double
}
