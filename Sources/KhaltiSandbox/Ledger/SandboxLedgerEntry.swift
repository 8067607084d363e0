import ArrownetDomain
import Foundation

/// One payment as the sandbox ledger holds it: what tests and the admin endpoint read.
public struct SandboxLedgerEntry: Sendable, Equatable {
    /// Khalti's transaction id, the `id` of the commit answer.
    public let id: Int64
    public let reference: String
    public let username: String
    public let amount: Money
    public let duration: Int
    public let state: SandboxPaymentState
    public let createdAt: Date
    /// Status lookups seen while the payment was pending.
    public let lookups: Int
    public let refunds: [SandboxRefund]

    public var refundedAmount: Money { refunds.reduce(.zero) { $0 + $1.amount } }
    public var isRefunded: Bool { !refunds.isEmpty }
    /// The provider's own id for the payment, as status lookups report it.
    public var responseID: String { "ARN\(id)" }
}

/// Money given back to the balance: a failed payment, or an operator's refund.
public struct SandboxRefund: Sendable, Equatable {
    public let amount: Money
    public let remarks: String
    public let createdAt: Date
}

/// The account's credits, as `GET /api/balance` reports them.
public struct SandboxBalance: Sendable, Equatable {
    public let available: Money
    public let consumed: Money

    public init(available: Money, consumed: Money) {
        self.available = available
        self.consumed = consumed
    }
}
