import ArrownetDomain
import Foundation

/// The columns a state change may touch; the promise to the customer is not among them.
/// Every store starts from the current record, lets the change set what it moves, and
/// writes all of them with the new state.
public struct PaymentChangeFields: Sendable, Hashable {
    public var transactionID: String?
    public var sentAt: Date?
    public var lookupCount: Int
    public var unknownReferenceLookups: Int
    public var nextLookupAt: Date?
    public var firstLookupAt: Date?
    public var refusedByKhalti: Bool
    public var attention: String?
    public var decidedAgainst: String?

    public init(_ current: PaymentRecord) {
        decidedAgainst = current.decidedAgainst
        transactionID = current.transactionID
        sentAt = current.sentAt
        lookupCount = current.lookupCount
        unknownReferenceLookups = current.unknownReferenceLookups
        nextLookupAt = current.nextLookupAt
        firstLookupAt = current.firstLookupAt
        refusedByKhalti = current.refusedByKhalti
        attention = current.attention
    }

    /// What a status lookup changes on a held payment: the counts, the next lookup, the
    /// transaction id Khalti gave, or the flag for a person.
    public mutating func apply(_ finding: LookupFinding) {
        lookupCount += 1
        switch finding {
        case .resolved(let state, let transactionID):
            if state == .notReceived { unknownReferenceLookups += 1 }
            if self.transactionID == nil, let transactionID { self.transactionID = transactionID }
        case .stillPending(let nextLookupAt):
            // Khalti knows it now: earlier "unknown" answers no longer count.
            unknownReferenceLookups = 0
            self.nextLookupAt = nextLookupAt
        case .unknownToKhalti(let nextLookupAt):
            unknownReferenceLookups += 1
            self.nextLookupAt = nextLookupAt
        case .needsAttention(let problem, let answer):
            attention = problem
            // The person's decision will stand against this answer: the same one again
            // must not reopen it.
            decidedAgainst = answer
            nextLookupAt = nil
        }
    }

    /// What an answer to the payment itself changes: the transaction id, and for a held
    /// one its first lookup (a payment recovery held already keeps its own unless the
    /// answer allows an earlier one) and whether Khalti refused it.
    public mutating func apply(_ answer: RecordedAnswer) {
        if let transactionID = answer.transactionID { self.transactionID = transactionID }
        guard answer.state == .held else { return }
        let first = [firstLookupAt, answer.firstLookupAt].compactMap { $0 }.min()
        firstLookupAt = first
        nextLookupAt = first
        refusedByKhalti = refusedByKhalti || answer.refusedByKhalti
    }
}

/// What recovery does with a payment whose process is provably gone, the same in every
/// store: `prepared` is abandoned (the request leaves only after `sending` is written);
/// `sending` is held, first looked up no sooner than `lookupDelay` after it was sent.
public struct RecoveryMove: Sendable {
    public let to: PaymentState
    public let evidence: PaymentEvidence
    public let change: @Sendable (inout PaymentChangeFields) -> Void

    /// nil for a payment in any other state (its process moved it meanwhile).
    public init?(for payment: PaymentRecord, lookupDelay: TimeInterval) {
        switch payment.state {
        case .prepared:
            to = .abandoned
            evidence = PaymentEvidence(note: "Recovered: the program that wrote it stopped before sending; nothing left for Khalti.")
            change = { _ in }
        case .sending:
            let first = (payment.sentAt ?? payment.createdAt).addingTimeInterval(lookupDelay)
            to = .held
            evidence = PaymentEvidence(
                note: "Recovered: the program that sent it stopped while the payment was out; it will be looked up, never resent.")
            change = {
                $0.firstLookupAt = first
                $0.nextLookupAt = first
            }
        default:
            return nil
        }
    }
}
