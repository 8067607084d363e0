/// What a status lookup of one of our references said. Only an answer that carries a
/// state for the reference asked describes a payment; an error object (`status: false`,
/// an error code other than 002) is a failed lookup and never reaches here.
public enum LookupAnswer: Hashable, Sendable {
    /// Khalti knows the reference: its state, the amount it recorded and any refund.
    case found(LookupFacts)
    /// Khalti has no payment with this reference (002 invalid_reference).
    case unknownReference
}

/// What Khalti says of a payment it knows, field by field as read. A field that was
/// sent but could not be read is kept as such: it flags the payment for a person
/// instead of being guessed.
public struct LookupFacts: Hashable, Sendable {
    public let state: String
    public let amount: FieldReading<Money>
    public let refunded: FieldReading<Bool>
    public let refundedAmount: FieldReading<Money>
    /// The sum of the refunds listed in `refunds[]` (zero for an empty list).
    public let listedRefunds: FieldReading<Money>
    public let transactionID: String?

    public init(
        state: String, amount: FieldReading<Money> = .absent, refunded: FieldReading<Bool> = .absent,
        refundedAmount: FieldReading<Money> = .absent, listedRefunds: FieldReading<Money> = .absent, transactionID: String? = nil
    ) {
        self.state = state
        self.amount = amount
        self.refunded = refunded
        self.refundedAmount = refundedAmount
        self.listedRefunds = listedRefunds
        self.transactionID = transactionID
    }
}

/// One field of an answer: not sent, read, or sent in a form that could not be read.
public enum FieldReading<Value: Hashable & Sendable>: Hashable, Sendable {
    case absent
    case value(Value)
    /// The field's name and what was wrong with it.
    case unreadable(String)

    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

public enum LookupVerdict: Hashable, Sendable {
    case paid(transactionID: String?)
    case stillPending
    case notPaid(NotPaidReason)
    /// Khalti has not seen the reference. Not a refund by itself: a late request
    /// can still land, so the caller decides after several such answers.
    case unknownToKhalti
    /// The answer disagrees with what we sent, or contradicts itself: a person must decide.
    case needsAttention(String)
}

public enum LookupPolicy {
    /// Decides what a lookup means for a payment we recorded as `expectedAmount`.
    public static func verdict(for answer: LookupAnswer, expectedAmount: Money) -> LookupVerdict {
        switch answer {
        case .unknownReference:
            return .unknownToKhalti
        case .found(let facts):
            let stateVerdict = PaymentPolicy.verdict(forState: facts.state)
            if let problem = problem(with: facts, expectedAmount: expectedAmount) { return .needsAttention(problem) }
            // A failed payment took nothing or gave it back: whatever its refund fields
            // say (Khalti's published Failed answer lists a refund with `refunded: false`),
            // the customer's cash goes back.
            if case .notPaid(let reason) = stateVerdict { return .notPaid(reason) }
            if facts.refunded.value == true { return .notPaid(.refunded) }
            switch stateVerdict {
            case .paid: return .paid(transactionID: facts.transactionID)
            case .notPaid(let reason): return .notPaid(reason)
            case .held: return .stillPending
            }
        }
    }

    /// Why the answer cannot be taken at its word, or nil when it can: an amount or a
    /// refund field that could not be read; and, for a payment that did not fail, an
    /// amount other than ours, refund fields that contradict each other (a flag, an
    /// amount and a list of refunds), or a refund of part of the money.
    public static func problem(with facts: LookupFacts, expectedAmount: Money) -> String? {
        let readings = [
            facts.amount.unreadableText, facts.refunded.unreadableText, facts.refundedAmount.unreadableText,
            facts.listedRefunds.unreadableText,
        ]
        for case .unreadable(let what) in readings {
            return "Khalti's answer could not be read (\(what)); it was not guessed at."
        }
        if case .notPaid = PaymentPolicy.verdict(forState: facts.state) { return nil }
        if let listed = facts.listedRefunds.value, listed.paisa > 0 {
            if facts.refunded.value != true || facts.refundedAmount.value.map({ $0.paisa == 0 }) ?? true {
                return "Khalti lists refunds of \(listed.formatted) for this payment but says it was not refunded."
            }
            if let refundedAmount = facts.refundedAmount.value, refundedAmount != listed {
                return "Khalti lists refunds of \(listed.formatted) but gives a refunded amount of \(refundedAmount.formatted)."
            }
        }
        if let amount = facts.amount.value, amount != expectedAmount {
            return "Khalti recorded \(amount.formatted) for this reference, but the counter sent \(expectedAmount.formatted)."
        }
        let refunded = facts.refunded.value ?? false
        switch (refunded, facts.refundedAmount.value) {
        case (true, nil):
            return "Khalti says the payment was refunded but gives no refunded amount."
        case (true, let amount?) where amount != expectedAmount:
            return amount < expectedAmount
                ? "Khalti refunded \(amount.formatted) of \(expectedAmount.formatted); a person must settle the rest."
                : "Khalti says it refunded \(amount.formatted), more than the \(expectedAmount.formatted) paid."
        case (false, let amount?) where amount.paisa > 0:
            return "Khalti gives a refunded amount of \(amount.formatted) but says the payment was not refunded."
        default:
            return nil
        }
    }
}

extension FieldReading {
    /// The same reading with the value dropped, so readings of different types can be
    /// checked for unreadable fields together.
    var unreadableText: FieldReading<String> {
        switch self {
        case .absent, .value: .absent
        case .unreadable(let what): .unreadable(what)
        }
    }
}
