import ArrownetDomain

/// The lookup answers the `error_entries` and `wrong_amount` faults put in place of
/// the real ones: an error object where a status should be, and amounts that disagree.
enum LookupFaults {
    /// An error object for each reference asked, as a Khalti having trouble answers:
    /// in a bulk answer's `detail` (HTTP 200), or alone (HTTP 500).
    static func errorEntries(code: String, call: FaultRule.Call, parameters: WireParameters?) -> WireAnswer {
        let references: [String] = switch call {
        case .bulkStatus: (parameters?.text("references") ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        default: [parameters?.text("reference") ?? ""]
        }
        let entries = references.map { reference in
            WireJSON.object([
                "reference": .string(reference),
                "status": .bool(false),
                "error_code": .string(code),
                "message": .string("Internal server error"),
                "state": .string("Error"),
            ])
        }
        if call == .bulkStatus {
            return .ok(.object(["status": .bool(true), "detail": .array(entries)]))
        }
        return WireAnswer(httpStatus: 500, body: entries.first ?? .null)
    }

    /// The same answer with every `amount` one rupee more.
    static func amountsOneRupeeMore(_ answer: WireAnswer) -> WireAnswer {
        WireAnswer(httpStatus: answer.httpStatus, body: raisingAmounts(answer.body))
    }

    private static func raisingAmounts(_ json: WireJSON) -> WireJSON {
        switch json {
        case .object(let members):
            return .object(members.map { member in
                if member.key == "amount", case .number(let text) = member.value, let amount = try? Money(wire: text) {
                    return WireJSON.Member(key: member.key, value: .rupees(amount + Money(rupees: 1)))
                }
                return WireJSON.Member(key: member.key, value: raisingAmounts(member.value))
            })
        case .array(let items):
            return .array(items.map(raisingAmounts))
        default:
            return json
        }
    }
}
