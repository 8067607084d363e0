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

    /// Text of a string, number or bool; what an error message may quote.
    var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): "\(value)"
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }
}

/// A field that an answer lacks or sends in a form we cannot read.
struct FieldProblem: Error, Equatable {
    let field: String
    let problem: String

    var sentence: String { "field \"\(field)\" \(problem)" }
}

/// Typed reads of one answer object.
struct AnswerFields {
    let value: JSONValue

    func string(_ key: String) throws(FieldProblem) -> String {
        guard let field = value[key] else { throw FieldProblem(field: key, problem: "is missing") }
        guard let text = field.text else { throw FieldProblem(field: key, problem: "is not text") }
        return text
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

    /// An amount sent as a decimal string (`"1695.00"`) or a number (`10.0`).
    func money(_ key: String) throws(FieldProblem) -> Money {
        guard let field = value[key] else { throw FieldProblem(field: key, problem: "is missing") }
        let text: String
        switch field {
        case .string(let value): text = value.trimmingCharacters(in: .whitespaces)
        case .number(let value): text = "\(value)"
        default: throw FieldProblem(field: key, problem: "is not an amount")
        }
        do {
            return try Money(wire: text)
        } catch {
            throw FieldProblem(field: key, problem: "is not an amount: \(error)")
        }
    }

    func optionalString(_ key: String) -> String? { value[key]?.text }
    func optionalMoney(_ key: String) -> Money? { try? money(key) }
    func optionalBool(_ key: String) -> Bool? { try? bool(key) }
}
