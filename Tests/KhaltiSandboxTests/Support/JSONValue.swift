import Foundation

/// Parsed JSON for comparing answers by meaning. Numbers are held as `Decimal` (parsed
/// from their digits), so `1695.0` equals `1695` and no amount passes through a float.
enum JSONValue: Equatable, Decodable, CustomStringConvertible {
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
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    var number: Decimal? { if case .number(let value) = self { value } else { nil } }
    var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    var keys: Set<String> { if case .object(let members) = self { Set(members.keys) } else { [] } }

    var description: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .number(let value): value.description
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

extension Decimal {
    /// Rounded half-even to two decimals, as a client reads an amount Khalti reports.
    var toPaisa: Decimal {
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        return rounded
    }

    /// A decimal from its text, for expected amounts in tests (`Decimal.of("1695.0")`).
    static func of(_ text: String) -> Decimal {
        guard let value = Decimal(string: text) else { preconditionFailure("not a decimal: \(text)") }
        return value
    }
}
