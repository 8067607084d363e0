import ArrownetDomain
import Foundation

/// What became of a payment the console asked for, as the runtime reports it.
public enum PaymentOutcome: Hashable, Sendable {
    /// The payment desk recorded an intent and sent it (or tried to): the journal's
    /// summary afterwards, the policy's verdict, and Khalti's error when it answered with one.
    case recorded(PaymentSummary, verdict: PaymentVerdict, khaltiError: ConsoleError?)
    /// Nothing was sent and no money moved (the journal could not write the intent,
    /// the desk refused a second payment for a held customer, ...).
    case notTaken(ConsoleError)
}

/// A payment the clerk confirmed: everything the desk needs to write the intent
/// and send it. The reference is made by the desk, which owns the journal.
public struct PaymentOrder: Hashable, Sendable {
    public let username: Username
    public let customerName: String
    /// From the details answer: amount and duration are sent exactly as Khalti gave them.
    public let plan: Plan
    /// The expiry read back to the customer (an estimate; printed on the receipt).
    public let newExpiry: Date
    public let counter: String
    public let operatorName: String

    public init(username: Username, customerName: String, plan: Plan, newExpiry: Date, counter: String, operatorName: String) {
        self.username = username
        self.customerName = customerName
        self.plan = plan
        self.newExpiry = newExpiry
        self.counter = counter
        self.operatorName = operatorName
    }
}
