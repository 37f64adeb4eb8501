import Foundation
import Mustache
import QingshanCore

/// The site header and footer (`partials/header`, `partials/footer`) rendered once per
/// navigation state instead of once per page: the base template prints them as
/// `{{headerHTML}}` and `{{footerHTML}}`. They see only `site`, which is all the header and
/// footer need; a theme that wants page data there includes the partials itself.
final class ChromeParts: Sendable {
    struct Parts: Sendable {
        var header: String
        var footer: String
    }

    /// What the partials are rendered with: `site` and nothing else.
    struct SiteOnly: MustacheParent {
        let site: SiteView
        func child(named name: String) -> Any? { name == "site" ? site : nil }
    }

    private let byColumn = Memo<Column?, Parts>()

    /// The parts for the navigation with `column` current, rendered on first use.
    func parts(theme: Theme, site: SiteView, column: Column?) -> Parts {
        byColumn.value(for: column) {
            let view = SiteOnly(site: site)
            return Parts(
                header: theme.render(view, template: .header),
                footer: theme.render(view, template: .footer))
        }
    }
}
