/// Acoustic environment functional zones of GB 3096-2008.
public enum NoiseZone: String, CaseIterable, Sendable {
    case zone0 = "0"
    case zone1 = "1"
    case zone2 = "2"
    case zone3 = "3"
    case zone4a = "4a"
    case zone4b = "4b"

    /// GB 3096-2008 表1: LAeq limits in dB(A), 昼间 (06–22) and 夜间 (22–06).
    public var limits: (day: Double, night: Double) {
        switch self {
        case .zone0: return (50, 40)
        case .zone1: return (55, 45)
        case .zone2: return (60, 50)
        case .zone3: return (65, 55)
        case .zone4a: return (70, 55)
        case .zone4b: return (70, 60)
        }
    }

    /// `2类`, `4a类`.
    public var label: String { rawValue + "类" }

    /// Reads `2`, `2类`, `4A`, `4a类`.
    public init?(text: String) {
        var t = text.trimmingSpaces().lowercased()
        if t.hasSuffix("类") { t.removeLast() }
        self.init(rawValue: t)
    }

    /// GB 3096-2008 表1: a level meets the limit when it does not exceed it.
    public func meets(day: Double) -> Bool { day <= limits.day }
    public func meets(night: Double) -> Bool { night <= limits.night }
}
