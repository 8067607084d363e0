import ArrownetDomain
import Foundation

/// One payment as the journal holds it: the intent and where it stands.
public struct PaymentRecord: Sendable, Hashable {
    public let reference: PaymentReference
    public let khaltiEnvironment: String
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
    public let attention: String?

    public var summary: PaymentSummary {
        PaymentSummary(
            reference: reference, username: username, customerName: customerName, duration: duration, amount: amount,
            counter: counter, operatorName: operatorName, state: state, transactionID: transactionID,
            createdAt: createdAt, updatedAt: updatedAt, nextLookupAt: nextLookupAt, lookupCount: lookupCount,
            attention: attention
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
}
