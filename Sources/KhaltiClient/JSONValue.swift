import ArrownetDomain
import Foundation

/// Any JSON answer, read once and then questioned field by field, so that an answer
/// with a missing or oddly typed field gives a sentence naming the field instead
/// of a decoding failure deep inside a type.
///
/// Numbers are kept as `Decimal`, which Foundation's decoder fills from the digits
/// themselves, so an amount such as `17628.5` arrives exactly.
enum JSONValue: Decodable, Equatable, Sendable {
    case string(String)
    case number(Decimal)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self, let value = fields[key], value != .null { return value }
        return nil
    }

    /// A number's digits as written, without an exponent: Decimal's description is
    /// plain decimal notation (`1e-3` is `0.001`), which the money and integer readers take.
    static func plainDigits(_ number: Decimal) -> String {
        "\(number)"
    }

    /// Text of a string, number or bool; what an error message may quote.
    var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): Self.plainDigits(value)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }
}

/// A field that an answer lacks or sends in a form we cannot read.
struct FieldProblem: Error, Equatable {
    let field: String
    let problem: String

    /// The problem quotes what the server sent: shown as `OutsideText.line` shows it.
    var sentence: String { OutsideText.line("field \"\(field.prefix(40))\" \(problem)") }
}

/// Typed reads of one answer object.
struct AnswerFields {
    let value: JSONValue

    func string(_ key: String) throws(FieldProblem) -> String {
        guard let field = value[key] else { throw FieldProblem(field: key, problem: "is missing") }
        guard let text = field.text else { throw FieldProblem(field: key, problem: "is not text") }
        return text
    }

    /// A whole number inside `range`. Every count and number of days from Khalti is
    /// bounded where it enters, so a hostile `10^15` is an unreadable answer with the
    /// field's name, never an overflow trap in date arithmetic further on.
    func int(_ key: String, in range: ClosedRange<Int>) throws(FieldProblem) -> Int {
        let whole = try int(key)
        guard range.contains(whole) else {
            throw FieldProblem(field: key, problem: "is \(whole), outside \(range.lowerBound) to \(range.upperBound)")
        }
        return whole
    }

    func int(_ key: String) throws(FieldProblem) -> Int {
        guard let field = value[key] else { throw FieldProblem(field: key, problem: "is missing") }
        switch field {
        case .number(let number):
            // Decimal's integer check without a detour through Double.
            var rounded = Decimal()
            var copy = number
            NSDecimalRound(&rounded, &copy, 0, .plain)
            guard rounded == number, let whole = Int("\(number)") else {
                throw FieldProblem(field: key, problem: "is not a whole number")
            }
            return whole
        case .string(let text):
            guard let whole = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw FieldProblem(field: key, problem: "is not a whole number")
            }
            return whole
        default:
            throw FieldProblem(field: key, problem: "is not a whole number")
        }
    }

    func bool(_ key: String) throws(FieldProblem) -> Bool {
        guard let field = value[key] else { throw FieldProblem(field: key, problem: "is missing") }
        switch field {
        case .bool(let flag): return flag
        case .string(let text) where ["true", "false"].contains(text.lowercased()): return text.lowercased() == "true"
        case .number(let number) where number == 0 || number == 1: return number == 1
        default: throw FieldProblem(field: key, problem: "is not true or false")
        }
    }

    /// An amount we will send back as it came (a plan's price): a decimal string
    /// (`"1695.00"`) or a number, with at most two decimals.
    func money(_ key: String) throws(FieldProblem) -> Money {
        try amount(key) { text throws(MoneyParseError) in try Money(wire: text) }
    }

    /// An amount Khalti reports (a lookup's amount, a refund, a balance): any number of
    /// decimals, rounded half-even to the paisa. Khalti writes these as JSON numbers with
    /// float noise (`777099.369900001`); they are read from the JSON text, never a Double.
    func reportedMoney(_ key: String) throws(FieldProblem) -> Money {
        try amount(key) { text throws(MoneyParseError) in try Money(reported: text) }
    }

    private func amount(_ key: String, _ parse: (String) throws(MoneyParseError) -> Money) throws(FieldProblem) -> Money {
        guard let field = value[key] else { throw FieldProblem(field: key, problem: "is missing") }
        let text: String
        switch field {
        case .string(let value): text = value.trimmingCharacters(in: .whitespaces)
        case .number(let value): text = JSONValue.plainDigits(value)
        default: throw FieldProblem(field: key, problem: "is not an amount")
        }
        do {
            return try parse(text)
        } catch {
            throw FieldProblem(field: key, problem: "is not an amount: \(error)")
        }
    }

    /// Khalti's own words in a field that is text, a list of texts, or an object of them
    /// (`details` comes as each): one readable line, or nil when absent or empty.
    func words(_ key: String) -> String? {
        guard let field = value[key] else { return nil }
        let text = WireReading.flatText(field)
        return text.isEmpty ? nil : text
    }

    func optionalString(_ key: String) -> String? { value[key]?.text }
    func optionalReportedMoney(_ key: String) -> Money? { try? reportedMoney(key) }
    func optionalBool(_ key: String) -> Bool? { try? bool(key) }
}
