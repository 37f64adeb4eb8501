import QingshanModel

/// A product of the portal (问题台账, 专项行动, 环境质量, 工作通报, 环保动态 and the fact sheets, 六五环境日):
/// its pages, rendered from the derived data as of the build's day. The public build renders
/// every product in its list (`Products.dataPages`); adding one is a type here, its template,
/// and one line there.
public protocol Product: Sendable {
    /// What serve remembers the product's pages under (its name and the articles they show);
    /// nil when the product remembers its pages one by one itself.
    var memoKey: RenderKey? { get }
    func renderAll() -> [OutputFile]
}

extension LedgerPages: Product {
    public var memoKey: RenderKey? { RenderKey("ledger") }
}

extension CampaignPages: Product {
    public var memoKey: RenderKey? { RenderKey("campaigns", articles: shown) }
}

extension MonitoringPages: Product {
    public var memoKey: RenderKey? { RenderKey("monitoring", articles: science) }
}

extension BulletinPages: Product {
    public var memoKey: RenderKey? { RenderKey("bulletins", articles: shown) }
}

extension PublishingPages: Product {
    public var memoKey: RenderKey? { nil }
}

extension PageChrome {
    /// A product's pages, through serve's memo where the product has a key.
    public func render(_ product: any Product) -> [OutputFile] {
        guard let key = product.memoKey else { return product.renderAll() }
        return remember(key) { product.renderAll() }
    }
}
