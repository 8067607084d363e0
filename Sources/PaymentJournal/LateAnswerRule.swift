import ArrownetDomain

/// Which payments a late answer (`JournalStore.recordLateAnswer`) may be written on, the
/// same in every store: a final payment Khalti could still have an opinion about (paid,
/// not paid, not received; never an abandoned one, which was never sent), not already
/// waiting for a person (the person has the earlier contradiction in hand), and only an
/// answer other than the one it stands against (the same answer says nothing new).
public enum LateAnswerRule {
    public static func accepts(_ payment: PaymentRecord, answer: String) -> Bool {
        [.paid, .notPaid, .notReceived].contains(payment.state) && payment.attention == nil && payment.decidedAgainst != answer
    }
}
