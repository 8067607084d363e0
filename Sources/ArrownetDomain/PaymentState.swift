/// Where a payment intent stands. The journal stores it; the console shows it.
///
/// ```
/// prepared ──► sending ──► paid
///    │            ├──────► not paid
///    │            └──────► held ──► paid | not paid | not received
///    └──► abandoned            (held ──► held: another lookup, still undecided)
///                              (paid ──► not paid: a person, for a flagged refund)
/// ```
/// `prepared` is written before any byte leaves; `sending` just before the request
/// goes out. A process that dies in `prepared` provably sent nothing (abandoned);
/// one that dies in `sending` may have paid, so it is held and looked up, never resent.
public enum PaymentState: String, Codable, CaseIterable, Sendable, Hashable {
    case prepared
    case sending
    case paid
    case held
    case notPaid = "not_paid"
    /// Khalti never received it: several lookups over a window answered 002.
    case notReceived = "not_received"
    /// Never sent: the intent was written but the request did not leave.
    case abandoned

    /// Unresolved: the customer's money is not yet known to be paid or returnable.
    public var isOpen: Bool { self == .prepared || self == .sending || self == .held }

    public var isFinal: Bool { !isOpen }

    /// The transitions the journal allows; everything else is refused in code.
    public func canMove(to next: PaymentState) -> Bool {
        switch (self, next) {
        case (.prepared, .sending), (.prepared, .abandoned): true
        case (.sending, .paid), (.sending, .held), (.sending, .notPaid): true
        case (.held, .held), (.held, .paid), (.held, .notPaid), (.held, .notReceived): true
        // Only for a payment flagged for a person (Khalti refunded it after it was paid):
        // the person records that the money went back. The journal checks the flag.
        case (.paid, .notPaid): true
        // Only while flagged (a later answer from Khalti contradicts it) and by a person.
        case (.notPaid, .paid), (.notReceived, .paid): true
        default: false
        }
    }

    /// How a clerk reads it, always a word (colour is never the only signal).
    public var label: String {
        switch self {
        case .prepared: "PREPARED"
        case .sending: "SENDING"
        case .paid: "PAID"
        case .held: "HELD"
        case .notPaid: "NOT PAID"
        case .notReceived: "NOT RECEIVED"
        case .abandoned: "NOT SENT"
        }
    }

    /// What the counter does with the cash.
    public var cashInstruction: String {
        switch self {
        case .prepared, .sending: "Keep the cash aside until the payment is resolved."
        case .paid: "Keep the cash and give the receipt."
        case .held: "Keep the cash aside: the payment is pending and will be looked up."
        case .notPaid, .notReceived, .abandoned: "Give the customer their money back."
        }
    }
}

/// One payment as the journal knows it: what the console and support tools show.
public struct PaymentSummary: Hashable, Sendable {
    public let reference: PaymentReference
    public let username: Username
    public let customerName: String
    public let duration: PlanDuration
    public let amount: Money
    public let counter: String
    public let operatorName: String
    public let state: PaymentState
    /// Khalti's transaction id, once an answer or lookup gave one.
    public let transactionID: String?
    public let createdAt: Date
    public let updatedAt: Date
    /// When a held payment will next be looked up.
    public let nextLookupAt: Date?
    public let lookupCount: Int
    /// Set when a lookup disagreed with the journal: a person must decide.
    public let attention: String?
    /// The fingerprint of the Khalti account the payment went through; nil when not
    /// recorded (a payment from before accounts, not yet looked up).
    public let khaltiAccount: String?

    public init(
        reference: PaymentReference, username: Username, customerName: String, duration: PlanDuration, amount: Money,
        counter: String, operatorName: String, state: PaymentState, transactionID: String?, createdAt: Date,
        updatedAt: Date, nextLookupAt: Date?, lookupCount: Int, attention: String?, khaltiAccount: String? = nil
    ) {
        self.khaltiAccount = khaltiAccount
        self.reference = reference
        self.username = username
        self.customerName = customerName
        self.duration = duration
        self.amount = amount
        self.counter = counter
        self.operatorName = operatorName
        self.state = state
        self.transactionID = transactionID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.nextLookupAt = nextLookupAt
        self.lookupCount = lookupCount
        self.attention = attention
    }
}

import Foundation
