import ArrownetDomain
import Foundation

/// A payment the counter is about to send: everything the journal writes before any
/// byte leaves. Built from the details answer the clerk read back, never from the request.
public struct PaymentIntent: Sendable, Hashable {
    public let reference: PaymentReference
    /// Which Khalti the payment goes to ("live", "uat", "sandbox", "local http://..."):
    /// a payment is only ever looked up where it was sent.
    public let khaltiEnvironment: String
    /// The fingerprint of the Khalti account (token) it goes through (see
    /// `KhaltiAccount`): a payment is only ever looked up with that account's token.
    public let khaltiAccount: String?
    public let username: Username
    public let customerName: String
    public let plan: Plan
    public let counter: String
    public let operatorName: String
    public let createdAt: Date

    public init(
        reference: PaymentReference, khaltiEnvironment: String, username: Username, customerName: String, plan: Plan,
        counter: String, operatorName: String, createdAt: Date, khaltiAccount: String? = nil
    ) {
        self.khaltiAccount = khaltiAccount
        self.reference = reference
        self.khaltiEnvironment = khaltiEnvironment
        self.username = username
        self.customerName = customerName
        self.plan = plan
        self.counter = counter
        self.operatorName = operatorName
        self.createdAt = createdAt
    }
}

/// What writing an intent did.
public enum Preparation: Sendable, Hashable {
    /// Written durably in state `prepared`: the payment may now be sent.
    case prepared(PaymentRecord)
    /// Another payment for this customer is unresolved: nothing was written, and this
    /// is the one to show the clerk.
    case blocked(by: PaymentRecord)
    /// The customer was paid since the time asked about (today): nothing was written;
    /// these are the payments, oldest first.
    case paidAlready([PaymentRecord])
    /// The intent's counter has no open shift: a payment needs one. Nothing was written.
    case noOpenShift
}
