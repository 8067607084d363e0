import ArrownetDomain
import Foundation

/// One payment as the journal holds it: the intent and where it stands.
public struct PaymentRecord: Sendable, Hashable {
    public let reference: PaymentReference
    public let khaltiEnvironment: String
    /// The fingerprint of the Khalti account it went through; nil for a payment written
    /// before accounts were recorded, until a counter claims its lookup (the claim gives
    /// it that counter's account).
    public let khaltiAccount: String?
    public let username: Username
    public let customerName: String
    public let duration: PlanDuration
    public let amount: Money
    public let counter: String
    public let operatorName: String
    public let state: PaymentState
    public let transactionID: String?
    public let createdAt: Date
    /// When the request was about to leave (the move to `sending`).
    public let sentAt: Date?
    public let updatedAt: Date
    /// When it reached a final state.
    public let resolvedAt: Date?
    public let lookupCount: Int
    /// How many lookups answered "unknown reference" (002) since Khalti last knew it.
    public let unknownReferenceLookups: Int
    public let nextLookupAt: Date?
    /// A held payment is never looked up before this (Khalti's 5-minute rule after
    /// silence; at once after a refusal).
    public let firstLookupAt: Date?
    /// Khalti answered the payment with an error code that proves it was refused: one
    /// "unknown reference" lookup settles it as not paid.
    public let refusedByKhalti: Bool
    /// Set when a person must decide (a lookup disagreed with the journal, or found a
    /// paid payment refunded); cleared by the person's resolution.
    public let attention: String?
    /// The process that wrote the intent (see `JournalStore.owner`).
    public let owner: String?
    /// The shift open at its counter when the intent was written; nil for payments
    /// written before shifts.
    public let shiftID: Int64?
    /// Khalti's answer (canonical text, `LateAnswer.canonical`) that the payment's flag
    /// for a person, and then the person's decision, stand against; or that a final
    /// payment was last checked against. A later answer equal to it reopens nothing.
    public let decidedAgainst: String?

    public init(
        reference: PaymentReference, khaltiEnvironment: String, username: Username, customerName: String,
        duration: PlanDuration, amount: Money, counter: String, operatorName: String, state: PaymentState,
        transactionID: String?, createdAt: Date, sentAt: Date?, updatedAt: Date, resolvedAt: Date?, lookupCount: Int,
        unknownReferenceLookups: Int, nextLookupAt: Date?, firstLookupAt: Date?, refusedByKhalti: Bool,
        attention: String?, owner: String?, shiftID: Int64?, khaltiAccount: String? = nil, decidedAgainst: String? = nil
    ) {
        self.decidedAgainst = decidedAgainst
        self.khaltiAccount = khaltiAccount
        self.shiftID = shiftID
        self.reference = reference
        self.khaltiEnvironment = khaltiEnvironment
        self.username = username
        self.customerName = customerName
        self.duration = duration
        self.amount = amount
        self.counter = counter
        self.operatorName = operatorName
        self.state = state
        self.transactionID = transactionID
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
        self.lookupCount = lookupCount
        self.unknownReferenceLookups = unknownReferenceLookups
        self.nextLookupAt = nextLookupAt
        self.firstLookupAt = firstLookupAt
        self.refusedByKhalti = refusedByKhalti
        self.attention = attention
        self.owner = owner
    }

    public var summary: PaymentSummary {
        PaymentSummary(
            reference: reference, username: username, customerName: customerName, duration: duration, amount: amount,
            counter: counter, operatorName: operatorName, state: state, transactionID: transactionID,
            createdAt: createdAt, updatedAt: updatedAt, nextLookupAt: nextLookupAt, lookupCount: lookupCount,
            attention: attention, khaltiAccount: khaltiAccount
        )
    }
}

/// One line of the append-only event log: a state change and its cause.
public struct PaymentEvent: Sendable, Hashable {
    public let reference: PaymentReference
    public let at: Date
    /// nil for the event that wrote the intent.
    public let from: PaymentState?
    public let to: PaymentState
    public let evidence: PaymentEvidence
    /// The person who decided, for a person's resolution; nil for the program's own moves.
    public let actor: String?

    public init(reference: PaymentReference, at: Date, from: PaymentState?, to: PaymentState, evidence: PaymentEvidence, actor: String?) {
        self.reference = reference
        self.at = at
        self.from = from
        self.to = to
        self.evidence = evidence
        self.actor = actor
    }
}
