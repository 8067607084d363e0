/// An amount of Nepali rupees held as whole paisa (1 rupee = 100 paisa).
///
/// Money never passes through `Double`: the wire's decimal strings are parsed digit by
/// digit and echoed back exactly, so `"1695.00"` leaves as it came.
public struct Money: Hashable, Comparable, Sendable {
    public let paisa: Int64

    public init(paisa: Int64) {
        self.paisa = paisa
    }

    public init(rupees: Int64) {
        self.paisa = rupees * 100
    }

    public static let zero = Money(paisa: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.paisa < rhs.paisa }

    /// Sum; traps on overflow like any Swift integer, which amounts from real answers
    /// (at most `MoneyParser.maximumRupees`) can never reach.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(paisa: lhs.paisa + rhs.paisa) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(paisa: lhs.paisa - rhs.paisa) }
    public static func * (lhs: Money, factor: Int64) -> Money { Money(paisa: lhs.paisa * factor) }

    /// Parses the wire form: digits, optionally a point and one or two decimals
    /// (`"1695.00"`, `"1695"`, `"17628.5"`). Grouping commas, exponents, signs and
    /// a third decimal are refused, since none of them is what Khalti sends.
    public init(wire text: String) throws(MoneyParseError) {
        self = try MoneyParser.parse(text)
    }

    /// Parses an amount Khalti reports rather than one we send back: a lookup's amount,
    /// a refund, a balance. Khalti writes these as JSON numbers with float noise
    /// (`777099.369900001`, `454135.30317999`), so any number of decimals is read and
    /// rounded half-even to the paisa, from the digits themselves. Signs, exponents and
    /// grouping are still refused, and so is anything above the console's ceiling.
    public init(reported text: String) throws(MoneyParseError) {
        self = try MoneyParser.parse(text, extraDecimals: .roundHalfEven)
    }

    /// The wire form with exactly two decimals: `"1695.00"`.
    public var wireString: String {
        let sign = paisa < 0 ? "-" : ""
        let magnitude = paisa.magnitude
        let rupees = magnitude / 100
        let cents = magnitude % 100
        return "\(sign)\(rupees).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// How a clerk reads it: `Rs. 1,695.00`, grouped the Nepali way (`Rs. 1,00,000.00`).
    public var formatted: String {
        let sign = paisa < 0 ? "-" : ""
        let magnitude = paisa.magnitude
        let cents = magnitude % 100
        return "\(sign)Rs. \(Self.lakhGrouped(magnitude / 100)).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Groups the last three digits, then every two: 12345678 -> "1,23,45,678".
    static func lakhGrouped(_ value: UInt64) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var head = Array(digits.dropLast(3))
        let tail = String(digits.suffix(3))
        var groups: [String] = []
        while head.count > 2 {
            groups.insert(String(head.suffix(2)), at: 0)
            head.removeLast(2)
        }
        groups.insert(String(head), at: 0)
        return groups.joined(separator: ",") + "," + tail
    }
}

public enum MoneyParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notADecimal(String)
    case tooManyDecimals(String)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .empty: "an amount was expected but none was given"
        case .notADecimal(let text): "\"\(OutsideText.line(text.prefix(40)))\" is not an amount in rupees (expected digits like 1695.00)"
        case .tooManyDecimals(let text): "\"\(OutsideText.line(text.prefix(40)))\" has more than two decimals; paisa is the smallest unit"
        case .tooLarge(let text): "\"\(OutsideText.line(text.prefix(40)))\" is larger than any amount this console handles"
        }
    }
}

enum MoneyParser {
    /// One crore rupees. No bill at a counter comes near it; anything larger is a
    /// corrupt answer, and refusing it keeps every sum far from Int64 overflow.
    static let maximumRupees: Int64 = 10_000_000

    /// What to do with decimals past the paisa.
    enum ExtraDecimals {
        /// An amount we send back as it came: a third decimal is not money we can send.
        case refuse
        /// An amount Khalti reports: rounded half-even (banker's rounding) to the paisa.
        case roundHalfEven
    }

    static func parse(_ text: String, extraDecimals: ExtraDecimals = .refuse) throws(MoneyParseError) -> Money {
        guard !text.isEmpty else { throw .empty }
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else {
            throw .notADecimal(text)
        }
        var fraction = Substring("")
        var roundsUp = false
        if parts.count == 2 {
            fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { throw .notADecimal(text) }
            if fraction.count > 2 {
                guard extraDecimals == .roundHalfEven else { throw .tooManyDecimals(text) }
                let rest = fraction.dropFirst(2)
                fraction = fraction.prefix(2)
                roundsUp = roundsUpHalfEven(rest, lastKeptDigit: fraction.last ?? "0")
            }
        }
        // Leading zeros are harmless, but a 30-digit run is not an amount: cap before converting.
        let significant = whole.drop(while: { $0 == "0" })
        guard significant.count <= 8, let rupees = Int64(significant.isEmpty ? "0" : String(significant)) else {
            throw .tooLarge(text)
        }
        let paddedFraction = fraction.count == 1 ? fraction + "0" : (fraction.isEmpty ? "00" : fraction)
        guard let cents = Int64(paddedFraction) else { throw .notADecimal(text) }
        let paisa = rupees * 100 + cents + (roundsUp ? 1 : 0)
        guard paisa <= maximumRupees * 100 else { throw .tooLarge(text) }
        return Money(paisa: paisa)
    }

    /// Whether the digits past the paisa round it up: above half, or exactly half and the
    /// paisa digit odd (so `0.125` is `0.12` and `0.135` is `0.14`, with no drift in sums).
    private static func roundsUpHalfEven(_ dropped: Substring, lastKeptDigit: Character) -> Bool {
        guard let first = dropped.first else { return false }
        if first > "5" { return true }
        if first < "5" { return false }
        if dropped.dropFirst().contains(where: { $0 != "0" }) { return true }
        let kept = lastKeptDigit.wholeNumberValue ?? 0
        return kept % 2 == 1
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Money {
    /// An amount in rupees as a clerk types it: `5000`, `5,000.50`, `5000.5`, `Rs. 1,00,000`.
    /// Grouping commas (Nepali or western) and a leading `Rs.` are dropped; the rest is
    /// read exactly like an amount from Khalti (digits, at most two decimals, no sign).
    public init(typed text: String) throws(MoneyParseError) {
        var rest = Substring(text.trimmingWhitespace())
        for prefix in ["Rs.", "Rs", "NPR", "रु."] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        let trimmed = String(rest).trimmingWhitespace()
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first ?? ""
        guard !(parts.dropFirst().first?.contains(",") ?? false) else { throw .notADecimal(text) }
        // A comma only between digits of the rupees, never first, last or doubled.
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }), groups.last?.count == 3 else {
                throw .notADecimal(text)
            }
        }
        self = try MoneyParser.parse(String(trimmed.filter { $0 != "," }))
    }
}

/// Stored as the wire's decimal string (`"1695.00"`), so a stored amount reads back
/// exactly and a person reading the stored text sees rupees.
extension Money: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            // Differences (over or short) are stored too, so a leading minus is read here.
            let magnitude = try Money(wire: text.hasPrefix("-") ? String(text.dropFirst()) : text)
            self = text.hasPrefix("-") ? Money(paisa: -magnitude.paisa) : magnitude
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wireString)
    }
}
