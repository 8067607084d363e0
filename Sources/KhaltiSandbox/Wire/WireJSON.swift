import ArrownetDomain

/// A JSON value written exactly as the sandbox means it.
///
/// The sandbox writes its own JSON rather than using `JSONEncoder` for two reasons:
/// keys keep the order Khalti's documentation shows (easier to compare by eye), and a
/// number is written from the text it is given, so an amount goes from integer paisa
/// to `1695.0` without ever becoming a binary float.
indirect enum WireJSON: Sendable, Equatable {
    case string(String)
    /// Text that is already a valid JSON number.
    case number(String)
    case bool(Bool)
    case null
    case object([Member])
    case array([WireJSON])

    struct Member: Sendable, Equatable {
        let key: String
        let value: WireJSON
    }

    static func object(_ pairs: KeyValuePairs<String, WireJSON>) -> WireJSON {
        .object(pairs.map { Member(key: $0.key, value: $0.value) })
    }

    static func integer(_ value: Int) -> WireJSON { .number(String(value)) }

    /// Rupees as a JSON number, the way Khalti's lookups and balance write them
    /// (`10.0`, `1695.5`, `1130.05`): at least one decimal, no trailing zero beyond it.
    static func rupees(_ money: Money) -> WireJSON {
        let sign = money.paisa < 0 ? "-" : ""
        let magnitude = money.paisa.magnitude
        let rupees = magnitude / 100
        let paisa = magnitude % 100
        let fraction = switch paisa {
        case 0: "0"
        case let tens where tens % 10 == 0: String(tens / 10)
        case let single where single < 10: "0\(single)"
        default: String(paisa)
        }
        return .number("\(sign)\(rupees).\(fraction)")
    }

    /// The value serialised as compact UTF-8 JSON text. Non-ASCII stays as it is
    /// (a Devanagari name travels as UTF-8, not as escapes).
    var text: String {
        var output = ""
        write(into: &output)
        return output
    }

    private func write(into output: inout String) {
        switch self {
        case .string(let value): Self.writeString(value, into: &output)
        case .number(let text): output += text
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += ", " }
                element.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += ", " }
                Self.writeString(member.key, into: &output)
                output += ": "
                member.value.write(into: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
