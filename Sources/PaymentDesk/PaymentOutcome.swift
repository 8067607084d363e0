import ArrownetDomain

/// What became of a payment the clerk confirmed, with the sentence to show them.
public enum PaymentOutcome: Sendable, Hashable {
    /// Khalti says paid: keep the cash, give the receipt.
    case paid(PaymentSummary)
    /// Undecided: keep the cash aside; it will be looked up, never resent.
    case held(PaymentSummary, reason: String)
    /// It did not go through (Khalti said so, or it never left: the summary's state
    /// tells which): give the money back.
    case notPaid(PaymentSummary, reason: String)
    /// The customer already has an unresolved payment with this Khalti: nothing was
    /// written or sent; this is the one to show.
    case blockedByOpenPayment(PaymentSummary)
    /// The customer was already paid for today: ask the clerk again, showing when and
    /// how much, and call `pay` again with `confirmDuplicateToday`. Nothing was written.
    case needsSecondConfirmation(paidToday: [PaymentSummary])
    /// The desk refused before writing anything (a plan not offered, an account that
    /// takes no payment now).
    case refused(String)
    /// Nothing left for Khalti because the journal could not be written (or read).
    case notSent(String)
    /// The counter has no open shift: a payment needs one. Nothing was written.
    case noOpenShift(counter: String)

    /// The journal's record of this payment, when one was written.
    public var summary: PaymentSummary? {
        switch self {
        case .paid(let summary), .held(let summary, _), .notPaid(let summary, _), .blockedByOpenPayment(let summary):
            summary
        case .needsSecondConfirmation, .refused, .notSent, .noOpenShift:
            nil
        }
    }
}
