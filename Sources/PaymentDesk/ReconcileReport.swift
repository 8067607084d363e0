import ArrownetDomain
import KhaltiClient

/// One payment that moved, and why.
public struct PaymentChange: Sendable, Hashable {
    public let before: PaymentState
    public let after: PaymentSummary
    public let note: String

    public init(before: PaymentState, after: PaymentSummary, note: String) {
        self.before = before
        self.after = after
        self.note = note
    }
}

/// A lookup that failed: the payment is exactly as it was.
public struct LookupFailure: Sendable, Hashable {
    public let payment: PaymentSummary
    public let problem: String
    public let kind: ErrorKind
}

/// What one reconciliation run did.
public struct ReconcileReport: Sendable, Hashable {
    /// Payments a dead process left `prepared` (now abandoned) or `sending` (now held).
    public var recovered: [PaymentChange] = []
    /// Lookups that resolved a payment or flagged it for a person.
    public var changes: [PaymentChange] = []
    /// Looked up and still undecided (pending, or unknown to Khalti for too short a time).
    public var stillHeld: [PaymentSummary] = []
    public var failures: [LookupFailure] = []
    /// Held payments of this Khalti not asked about: their next lookup has not come
    /// (each says when), or, for "look up now", Khalti's first five minutes have not passed.
    public var notYetDue: [PaymentSummary] = []
    /// Flagged payments: no longer looked up by themselves; a person decides (`resolve`).
    public var waitingForPerson: [PaymentSummary] = []
    /// Held payments this desk cannot look up: sent to another Khalti than this desk's,
    /// or through another Khalti account (its summary's `khaltiAccount`), looked up only
    /// with that account's token. They wait, held; see `PaymentWords.elsewhere`.
    public var elsewhere: [PaymentSummary] = []
    /// The journal itself could not be read or written; nothing was looked up.
    public var journalProblem: String?

    public init() {}

    /// Flagged payments among the changes: a person must decide.
    public var needingAttention: [PaymentSummary] {
        changes.map(\.after).filter { $0.attention != nil }
    }
}
