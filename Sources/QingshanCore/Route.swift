/// The portal's URLs, each path segment written once (the URL table of README "Commands" and
/// docs/RULES.md): renderers, the navigation and the search ask here instead of spelling
/// `"ledger"` or `"campaigns"` again.
public enum Route {
    public static let ledger = SitePath.folder("ledger")
    public static let campaigns = SitePath.folder("campaigns")
    public static let bulletins = SitePath.folder("bulletins")
    public static let dynamics = SitePath.folder("dynamics")
    public static let envday = SitePath.folder("envday")
    public static let tags = SitePath.folder("tags")
    public static let search = SitePath.folder("search")
    public static let dispatch = SitePath.folder("dispatch")
    public static let meetings = SitePath.folder("meetings")
    public static let supervision = SitePath.folder("supervision")
    public static let spotcheck = SitePath.folder("spotcheck")
    public static let ratings = SitePath.folder("ratings")

    public static func campaign(_ id: String) -> SitePath { SitePath.folder("campaigns", id) }
    public static func bulletin(_ month: String) -> SitePath { SitePath.folder("bulletins", month) }
    public static func dynamics(_ month: String) -> SitePath { SitePath.folder("dynamics", month) }
    public static func tag(_ slug: String) -> SitePath { SitePath.folder("tags", slug) }
    public static func dispatch(_ month: String) -> SitePath { SitePath.folder("dispatch", month) }
    public static func meetings(_ month: String) -> SitePath { SitePath.folder("meetings", month) }
    public static func spotcheck(_ quarter: String) -> SitePath { SitePath.folder("spotcheck", quarter) }
    public static func envday(_ year: String) -> SitePath { SitePath.folder("envday", year) }
    public static func poster(_ year: String) -> SitePath { SitePath.folder("envday", year, "poster") }
    /// /ledger/page/N/ (the first page is /ledger/).
    public static func ledgerPage(_ number: Int) -> SitePath {
        number <= 1 ? ledger : SitePath.folder("ledger", "page", String(number))
    }
    /// /data/air/, /data/water/, /data/noise/.
    public static func data(_ name: String) -> SitePath { SitePath.folder("data", name) }
}
