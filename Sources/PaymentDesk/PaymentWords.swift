import ArrownetDomain
import KhaltiClient
import PaymentJournal

/// Sentences for clerks and the evidence the journal keeps, from Khalti's answers.
/// Everything here comes from values the client has already scrubbed of the token.
enum PaymentWords {
    static func evidence(for result: PaymentResult, username: Username) -> PaymentEvidence {
        let (status, code): (Int?, String?) = switch result.answer {
        case .answered(let status, _, let code): (status, code)
        case .unreadable(let status): (status, nil)
        case .noAnswer, .notSent: (nil, nil)
        }
        var khaltiWords = [result.message].compactMap { $0 }
        // The client's message already joins `message` and `detail`; add `details` only when new.
        if let details = result.refusal?.details, !(result.message ?? "").contains(details) { khaltiWords.append(details) }
        if let refusal = result.refusal, !refusal.fieldErrors.isEmpty {
            khaltiWords.append(refusal.fieldErrors.keys.sorted().map { "\($0): \(refusal.fieldErrors[$0] ?? "")" }.joined(separator: "; "))
        }
        return PaymentEvidence(
            note: reason(for: result, username: username), httpStatus: status, errorCode: code,
            khaltiText: khaltiWords.isEmpty ? nil : khaltiWords.joined(separator: " — "))
    }

    /// Why the payment ended where it did, for the clerk.
    static func reason(for result: PaymentResult, username: Username) -> String {
        // Only a listed code adds something; a failed payment's bare `status: false` does not.
        let refusal = result.refusal.flatMap { $0.code == nil ? nil : " \($0.explanation(username: username))" } ?? ""
        let meaning = result.refusal.map { $0.code?.meaning ?? "Khalti gave code \($0.rawCode.prefix(12))." }
        switch result.verdict {
        case .paid:
            return PaymentSentences.paid
        case .notPaid(let reason):
            return PaymentSentences.notPaid(reason) + refusal
        case .held(let reason, _):
            return PaymentSentences.held(reason, refusalMeaning: meaning)
        }
    }

    /// The journal's note for a lookup answer.
    static func lookupEvidence(_ answer: LookupAnswer, note: String) -> PaymentEvidence {
        switch answer {
        case .unknownReference:
            return PaymentEvidence(note: note, errorCode: KhaltiErrorCode.invalidReference.code, khaltiText: "invalid_reference")
        case .found(let facts):
            var words = ["state \(facts.state)"]
            words.append(contentsOf: [
                shown("amount", facts.amount) { $0.wireString },
                shown("refunded", facts.refunded) { $0 ? "true" : "false" },
                shown("refunded_amount", facts.refundedAmount) { $0.wireString },
            ].compactMap { $0 })
            return PaymentEvidence(note: note, httpStatus: 200, khaltiText: words.joined(separator: ", "))
        }
    }

    private static func shown<Value>(_ name: String, _ reading: FieldReading<Value>, _ text: (Value) -> String) -> String? {
        switch reading {
        case .absent: nil
        case .value(let value): "\(name) \(text(value))"
        case .unreadable: "\(name) unreadable"
        }
    }
}
