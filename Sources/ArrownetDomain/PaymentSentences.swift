/// Why a payment ended where it did, in the clerk's words: the one set of sentences the
/// payment desk writes to the journal and the console, the commands and receipts show.
///
/// Pure, so the console's tests and golden screens use exactly the words the live desk
/// produces. Server text never reaches these sentences except as the short, quoted state.
public enum PaymentSentences {
    public static let paid = "Khalti says the payment succeeded."

    /// A held payment cannot be taken again until it resolves, so the sentence never ends
    /// with "try again".
    public static let heldTail = " It may have gone through: it will be looked up, never sent again."

    /// Why the payment is held. `refusalMeaning` is what Khalti's error code means, when
    /// the answer carried one ("Khalti balance too low for this payment.").
    public static func held(_ reason: HoldReason, refusalMeaning: String? = nil) -> String {
        let meaning = refusalMeaning.map { " " + $0 } ?? ""
        if case .refused(let status, let code) = reason {
            // Nothing can land later; only a lookup that finds nothing is still owed.
            return "Khalti refused the payment (HTTP \(status), code \(code.code)): \(code.meaning) "
                + "It will be looked up at once to confirm that nothing was paid; do not take it again until then."
        }
        let why = switch reason {
        case .pending(let state): "Khalti says the payment is \(state), not final yet."
        case .unknownState(let state): "Khalti answered with state \"\(state?.prefix(30) ?? "none")\", which says neither paid nor failed."
        case .rejectedMaybeApplied(let status, let code): "Khalti refused the request (HTTP \(status)\(code.map { ", code \($0.prefix(12))" } ?? "")).\(meaning)"
        case .serverError(let status): "Khalti answered with a server error (HTTP \(status)).\(meaning)"
        case .unreadableAnswer(let status): "Khalti's answer (HTTP \(status)) could not be read."
        case .noAnswer: "No answer came from Khalti."
        case .unexpectedStatus(let status): "Khalti answered HTTP \(status), which says neither paid nor failed."
        case .refused: ""
        }
        return why + heldTail
    }

    /// Why the payment did not go through.
    public static func notPaid(_ reason: NotPaidReason) -> String {
        switch reason {
        case .failed(let state): "Khalti says the payment \(state.lowercased() == "failed" ? "failed" : "ended \(state.prefix(30))")."
        case .serviceNotFound: "Khalti answered that the service was not found (HTTP 404)."
        case .notSent: "Khalti could not be reached: the payment never left."
        case .refunded: "Khalti refunded the payment in full."
        case .refusedByKhalti: "Khalti refused the payment and has no payment with its reference: nothing was paid."
        }
    }

    /// Why Khalti refused a payment that a lookup then confirmed was never made, and what
    /// the clerk does now: the refusal's own reason, not only that it was refused. `code`
    /// is the refusal's error code (nil when the journal no longer has it), `khaltiWords`
    /// Khalti's details, `balance` the counter's balance read after a 1016.
    public static func refusedByKhalti(code: KhaltiErrorCode?, khaltiWords: String? = nil, balance: Money? = nil) -> String {
        switch code {
        case .insufficientCredits?:
            let shown = balance.map { " (\($0.formatted))" } ?? ""
            return "The counter's Khalti balance\(shown) is too low for this payment: nothing was paid. "
                + "Top it up, then take the payment again."
        case .maintenance?:
            return "Khalti's Arrownet service is in maintenance: nothing was paid. Try again later."
        case .serviceNotEnabled?:
            return "Arrownet payments are not enabled for this counter's Khalti account: nothing was paid. "
                + "Call Khalti to enable the service, then take the payment again."
        case .clientError? where saysAlreadyPaid(khaltiWords):
            return "Khalti says this bill is already paid (\"\(khaltiWords?.prefix(80) ?? "")\"): nothing was paid now. "
                + "Look the customer up again before taking any cash."
        case let code?:
            return "\(code.meaning) Nothing was paid: Khalti has no payment with its reference. \(code.nextStep)"
        case nil:
            return notPaid(.refusedByKhalti)
        }
    }

    /// Khalti's 4000 on commit when the bill was paid already, "Payment seems to have
    /// already been Made!" on its published pages.
    static func saysAlreadyPaid(_ words: String?) -> Bool {
        guard let words = words?.lowercased(), words.contains("already") else { return false }
        return words.contains("paid") || words.contains("made")
    }
}
