import Foundation

/// One request field as the client sent it. Numbers keep their decimal text (read
/// through `Decimal`, which parses digits, not through a float), so `"1695.00"` and
/// `1695.00` both reach the money parser as text.
enum WireField: Sendable, Equatable, Decodable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    /// An object or array where a plain value was expected.
    case structured

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value.description)
        } else {
            self = .structured
        }
    }
}

/// Why a request's parameters could not be read at all.
enum WireParameterError: Error, Equatable {
    case bodyNotAJSONObject
}

/// The parameters of one call. Khalti documents GET parameters as a JSON object while
/// clients send them in the query string, so both are read: query parameters first,
/// then JSON body fields for any name the query did not give.
struct WireParameters: Sendable, Equatable {
    private var fields: [String: WireField]

    init(fields: [String: WireField] = [:]) {
        self.fields = fields
    }

    static func parse(query: [(key: String, value: String)], body: [UInt8]) throws(WireParameterError) -> WireParameters {
        var fields: [String: WireField] = [:]
        if body.contains(where: { !Self.isJSONWhitespace($0) }) {
            do {
                fields = try JSONDecoder().decode([String: WireField].self, from: Data(body))
            } catch {
                throw .bodyNotAJSONObject
            }
        }
        for (key, value) in query {
            fields[key] = .string(value)
        }
        return WireParameters(fields: fields)
    }

    /// The field as text if it is a string or a number; `nil` when absent, null or empty.
    func text(_ name: String) -> String? {
        switch fields[name] {
        case .string(let value) where !value.isEmpty: value
        case .number(let value): value
        default: nil
        }
    }

    /// True when the client sent the field with something in it (even of the wrong type).
    func isPresent(_ name: String) -> Bool {
        switch fields[name] {
        case nil, .null: false
        case .string(let value): !value.isEmpty
        default: true
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
