import ArrownetDomain
import Foundation

/// A paid payment as printed for the customer. A plain value: `ReceiptLayout`
/// turns it into a document, the receipt printer prints or saves that.
///
/// Its texts come from outside (the customer's name from Khalti, the counter, operator
/// and transaction id from a journal row that an older version or another program may
/// have written), so they are made one safe line here, once (`OutsideText.line`):
/// every way a receipt leaves (the screen, a file, the print command's input, an
/// ESC/POS printer, pango-view drawing the name) gets clean text.
public struct Receipt: Hashable, Sendable {
    /// Printed and quoted by the customer: counter and the end of our reference,
    /// unique because references are (see `init(payment:...)`).
    public let number: String
    /// When the payment was recorded as paid.
    public let paidAt: Date
    public let counter: String
    public let operatorName: String
    public let username: Username
    public let customerName: String
    public let duration: PlanDuration
    public let amount: Money
    /// The expiry read back to the customer; nil when not known (a held payment
    /// settled later, whose account was not looked up again).
    public let newExpiry: Date?
    public let reference: PaymentReference
    public let transactionID: String?
    public let environment: KhaltiEnvironment
    public let isReprint: Bool

    public init(
        number: String, paidAt: Date, counter: String, operatorName: String, username: Username, customerName: String,
        duration: PlanDuration, amount: Money, newExpiry: Date?, reference: PaymentReference, transactionID: String?,
        environment: KhaltiEnvironment, isReprint: Bool = false
    ) {
        self.number = OutsideText.line(number)
        self.paidAt = paidAt
        self.counter = OutsideText.line(counter)
        self.operatorName = OutsideText.line(operatorName)
        self.username = username
        self.customerName = OutsideText.line(customerName)
        self.duration = duration
        self.amount = amount
        self.newExpiry = newExpiry
        self.reference = reference
        self.transactionID = transactionID.map { OutsideText.line($0) }
        self.environment = environment
        self.isReprint = isReprint
    }

    /// The receipt of a paid journal payment.
    public init(payment: PaymentSummary, newExpiry: Date?, environment: KhaltiEnvironment) {
        self.init(
            number: Self.number(counter: payment.counter, reference: payment.reference), paidAt: payment.updatedAt,
            counter: payment.counter, operatorName: payment.operatorName, username: payment.username,
            customerName: payment.customerName, duration: payment.duration, amount: payment.amount,
            newExpiry: newExpiry, reference: payment.reference, transactionID: payment.transactionID,
            environment: environment
        )
    }

    /// The same receipt, marked REPRINT.
    public func reprint() -> Receipt {
        Receipt(
            number: number, paidAt: paidAt, counter: counter, operatorName: operatorName, username: username,
            customerName: customerName, duration: duration, amount: amount, newExpiry: newExpiry, reference: reference,
            transactionID: transactionID, environment: environment, isReprint: true
        )
    }

    /// The same receipt as the journal's printings decide it: REPRINT or the original,
    /// with the expiry the original showed (the screen's own guess does not count).
    public func printed(asReprint: Bool, newExpiry: Date?) -> Receipt {
        Receipt(
            number: number, paidAt: paidAt, counter: counter, operatorName: operatorName, username: username,
            customerName: customerName, duration: duration, amount: amount, newExpiry: newExpiry, reference: reference,
            transactionID: transactionID, environment: environment, isReprint: asReprint
        )
    }

    static func number(counter: String, reference: PaymentReference) -> String {
        reference.receiptNumber(counter: counter)
    }
}
