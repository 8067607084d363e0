import ArrownetDomain
import Foundation

/// What became of a payment the console asked for, as the runtime reports it.
public enum PaymentOutcome: Hashable, Sendable {
    /// An intent was recorded and sent (or tried), reported with the policy's verdict:
    /// the journal's summary afterwards, the verdict, and Khalti's error when it answered with one.
    case recorded(PaymentSummary, verdict: PaymentVerdict, khaltiError: ConsoleError?)
    /// The payment desk recorded the payment and said why, in its own sentence: the
    /// journal's state (`summary.state`) decides paid, held or not paid. The live desk
    /// reports this way because it answers with the journal's state, not the policy's
    /// verdict: the two differ when an answer could not be written (held until looked up).
    case journaled(PaymentSummary, reason: String)
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
    /// The details answer the clerk read back: the desk checks the plan against it.
    /// nil only for orders built by hand (tests); the live desk refuses those.
    public let account: Account?
    /// When the journal was read for the account screen the clerk confirmed from.
    /// A payment for this customer paid after it was never on that screen, so the
    /// clerk has not confirmed paying again; nil when unknown.
    public let lookedUpAt: Date?

    public init(
        username: Username, customerName: String, plan: Plan, newExpiry: Date, counter: String, operatorName: String,
        account: Account? = nil, lookedUpAt: Date? = nil
    ) {
        self.username = username
        self.customerName = customerName
        self.plan = plan
        self.newExpiry = newExpiry
        self.counter = counter
        self.operatorName = operatorName
        self.account = account
        self.lookedUpAt = lookedUpAt
    }
}
