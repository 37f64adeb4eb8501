/// What a run of the pipeline is for. The steps are the same for all three; each asks the
/// mode what it does differently, in one place.
public enum BuildMode: Sendable {
    /// `qingshan build`: the output folder is replaced as a whole once every step passed; the
    /// pages are written into the staging folder as they render.
    case build
    /// `qingshan check`: every step but the writing; a column with nothing in it is an error,
    /// since the portal would publish it empty.
    case check
    /// `qingshan serve`: a rebuild through a session that keeps what did not change (parsed
    /// articles, rendered pages, the search index, the privacy scan) and writes only the files
    /// whose bytes changed.
    case serve(BuildSession)

    /// Whether the run writes an output folder.
    public var writes: Bool {
        if case .check = self { return false }
        return true
    }

    /// The session of a serve rebuild.
    public var session: BuildSession? {
        if case .serve(let session) = self { return session }
        return nil
    }

    /// An empty column stops a check; a build only warns.
    var emptyColumnIsAnError: Bool {
        if case .check = self { return true }
        return false
    }
}
