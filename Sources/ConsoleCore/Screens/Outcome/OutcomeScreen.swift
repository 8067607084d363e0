import ArrownetDomain
import Foundation

/// Where the receipt of the shown payment is.
public enum PrintStatus: Hashable, Sendable {
    case notPrinted
    case printing
    /// The printer's note, e.g. where the receipt was saved.
    case printed(String)
    case failed(ConsoleError)
}

/// How a payment ended, with what the clerk does about the cash.
public struct OutcomeScreen: Hashable, Sendable {
    public enum Result: Hashable, Sendable {
        /// Khalti confirmed: keep the cash, hand over the receipt.
        case paid
        /// Not decided: keep the cash aside; it will be looked up.
        case held
        /// Known not to have gone through: refund the customer.
        case notPaid
        /// Nothing was sent: the customer keeps their money.
        case notTaken
    }

    public let result: Result
    public let order: PaymentOrder
    /// The journal's record; nil when nothing was recorded.
    public let payment: PaymentSummary?
    /// One or two words, always shown as text: PAID, HELD, NOT PAID, NOT SENT.
    public let headline: String
    /// What happened.
    public let reason: String
    /// What the clerk does now, with the cash first.
    public let nextStep: String
    /// For a held payment, what to say to the customer.
    public let tellCustomer: String?
    /// For a held payment, when it will next be looked up.
    public let checkAt: Date?
    /// For a paid payment.
    public let receipt: Receipt?
    public var printStatus: PrintStatus

    public init(
        result: Result, order: PaymentOrder, payment: PaymentSummary?, headline: String, reason: String,
        nextStep: String, tellCustomer: String? = nil, checkAt: Date? = nil, receipt: Receipt? = nil,
        printStatus: PrintStatus = .notPrinted
    ) {
        self.result = result
        self.order = order
        self.payment = payment
        self.headline = headline
        self.reason = reason
        self.nextStep = nextStep
        self.tellCustomer = tellCustomer
        self.checkAt = checkAt
        self.receipt = receipt
        self.printStatus = printStatus
    }
}

extension OutcomeScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .outcome(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .outcome(self) }
}
