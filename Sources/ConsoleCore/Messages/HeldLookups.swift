import ArrownetDomain

/// One held payment a lookup settled (or flagged for a person): the state it had, the
/// journal's record now, and the desk's note of why.
public struct SettledPayment: Hashable, Sendable {
    public let before: PaymentState
    public let payment: PaymentSummary
    public let note: String

    public init(before: PaymentState, payment: PaymentSummary, note: String) {
        self.before = before
        self.payment = payment
        self.note = note
    }
}

/// What a background lookup of the held payments that were due found: what moved, and
/// the journal's held payments afterwards (for the header's count and the held list).
public struct HeldReconciliation: Hashable, Sendable {
    public let settled: [SettledPayment]
    /// Every held payment of this Khalti in the journal now, flagged ones included.
    public let held: [PaymentSummary]

    public init(settled: [SettledPayment], held: [PaymentSummary]) {
        self.settled = settled
        self.held = held
    }
}

/// The answer to `l` on the held list ("look up now").
public struct HeldLookupResult: Hashable, Sendable {
    /// The payments Khalti was asked about, as the journal has them afterwards.
    public let lookedUp: [PaymentSummary]
    /// Those of them that settled or were flagged for a person.
    public let settled: [SettledPayment]
    /// Held payments not asked about yet: Khalti asks for five minutes after a payment
    /// it did not answer; each one's `nextLookupAt` says when it will be.
    public let notYetDue: [PaymentSummary]
    /// Flagged payments: no longer looked up by themselves; a person decides.
    public let waitingForPerson: [PaymentSummary]
    /// Held payments of another Khalti account (each summary's `khaltiAccount`): this
    /// counter's token would hear "unknown reference", so they wait for that account's.
    public let otherAccount: [PaymentSummary]

    public init(
        lookedUp: [PaymentSummary], settled: [SettledPayment] = [], notYetDue: [PaymentSummary] = [],
        waitingForPerson: [PaymentSummary] = [], otherAccount: [PaymentSummary] = []
    ) {
        self.otherAccount = otherAccount
        self.lookedUp = lookedUp
        self.settled = settled
        self.notYetDue = notYetDue
        self.waitingForPerson = waitingForPerson
    }
}
