/// The one way numbers in input data are read: plain decimals only.
///
/// Swift's `Double(String)` (strtod) also accepts hexadecimal (`0x10` = 16), `nan`, `inf`,
/// `infinity` and exponents (`1e999` = inf, `5e1` = 50), so a figure typed or exported wrongly
/// would be published as some other number. Input data — monitoring CSV cells, campaign
/// metrics, clock times — goes through these functions instead, and anything else is an error
/// that names the cell.
public enum DecimalNumber {
    /// A plain decimal: an optional `+` or `-`, one or more ASCII digits, and optionally a `.`
    /// followed by one or more digits (`12`, `-3`, `0.85`, `+7.0`). No exponent, no hex, no
    /// `nan`/`inf`, no thousands separators, no spaces, no full-width digits, no bare `.5` or
    /// `5.`. Nil when the text is not of that form or its value does not fit a finite Double.
    public static func parse(_ text: some StringProtocol) -> Double? {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else {
            guard isDigits(bytes) else { return nil }
            return finite(text)
        }
        guard isDigits(bytes[..<dot]), isDigits(bytes[bytes.index(after: dot)...]) else { return nil }
        return finite(text)
    }

    /// Digits only (`0`–`9`, at least one): no sign, no point. Nil when the text is not of that
    /// form or the value does not fit an Int.
    public static func parseDigits(_ text: some StringProtocol) -> Int? {
        guard isDigits(Substring(text).utf8[...]) else { return nil }
        return Int(text, radix: 10)
    }

    static func isDigits(_ bytes: Substring.UTF8View) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The text has been checked to be a plain decimal, which Double(String) reads exactly as
    /// written (correctly rounded); only an overflow to infinity is left to refuse.
    static func finite(_ text: some StringProtocol) -> Double? {
        guard let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }
}
