import ArrownetDomain
import Foundation

/// What became of a payment the console asked for, as the payment desk reports it
/// (LiveConsole's `DeskOutcomes` turns the desk's outcome into this).
public enum PaymentOutcome: Hashable, Sendable {
    /// The desk recorded the payment and said why, in its own sentence (`PaymentSentences`):
    /// the journal's state (`summary.state`) decides paid, held or not paid, since it is
    /// what reconciliation and support will see. The two can differ from Khalti's
    /// answer: an answer that could not be written leaves the payment held until looked up.
    case journaled(PaymentSummary, reason: String)
    /// Nothing was sent and no money moved (the journal could not write the intent,
    /// the desk refused a second payment for a held customer, ...).
    case notTaken(ConsoleError)
    /// The counter has no open shift (another terminal closed it): nothing was written or
    /// sent. The console goes to the shift-open screen; a payment needs a shift.
    case noOpenShift(counter: String)
}

/// A payment the clerk confirmed: everything the desk needs to write the intent
/// and send it. The reference is made by the desk, which owns the journal.
public struct PaymentOrder: Hashable, Sendable {
    /// The details answer the clerk read back: the desk checks the plan against it.
    public let account: Account
    /// From the details answer: amount and duration are sent exactly as Khalti gave them.
    public let plan: Plan
    /// The expiry read back to the customer (an estimate; printed on the receipt).
    public let newExpiry: Date
    public let counter: String
    public let operatorName: String
    /// When the journal was read for the account screen the clerk confirmed from.
    /// A payment for this customer paid after it was never on that screen, so the
    /// clerk has not confirmed paying again.
    public let lookedUpAt: Date

    public init(account: Account, plan: Plan, newExpiry: Date, counter: String, operatorName: String, lookedUpAt: Date) {
        self.account = account
        self.plan = plan
        self.newExpiry = newExpiry
        self.counter = counter
        self.operatorName = operatorName
        self.lookedUpAt = lookedUpAt
    }

    public var username: Username { account.username }
    public var customerName: String { account.fullName }
}
