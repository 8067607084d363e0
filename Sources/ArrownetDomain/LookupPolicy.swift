/// What a status lookup of one of our references said.
public enum LookupAnswer: Hashable, Sendable {
    /// Khalti knows the reference: its state, the amount it recorded and any refund.
    case found(state: String?, amount: Money?, refunded: Bool, refundedAmount: Money?, transactionID: String?)
    /// Khalti has no payment with this reference (002 invalid_reference).
    case unknownReference
}

public enum LookupVerdict: Hashable, Sendable {
    case paid(transactionID: String?)
    case stillPending
    case notPaid(NotPaidReason)
    /// Khalti has not seen the reference. Not a refund by itself: a late request
    /// can still land, so the caller decides after several such answers.
    case unknownToKhalti
    /// The answer disagrees with what we sent; a person must decide.
    case needsAttention(String)
}

public enum LookupPolicy {
    /// Decides what a lookup means for a payment we recorded as `expectedAmount`.
    public static func verdict(for answer: LookupAnswer, expectedAmount: Money) -> LookupVerdict {
        switch answer {
        case .unknownReference:
            return .unknownToKhalti
        case .found(let state, let amount, let refunded, let refundedAmount, let transactionID):
            if let amount, amount != expectedAmount {
                return .needsAttention(
                    "Khalti recorded \(amount.formatted) for this reference, but the counter sent \(expectedAmount.formatted)."
                )
            }
            if refunded {
                if let refundedAmount, refundedAmount < expectedAmount {
                    return .needsAttention(
                        "Khalti refunded \(refundedAmount.formatted) of \(expectedAmount.formatted); a person must settle the rest."
                    )
                }
                return .notPaid(.refunded)
            }
            switch PaymentPolicy.verdict(forState: state) {
            case .paid: return .paid(transactionID: transactionID)
            case .notPaid(let reason): return .notPaid(reason)
            case .held: return .stillPending
            }
        }
    }
}
