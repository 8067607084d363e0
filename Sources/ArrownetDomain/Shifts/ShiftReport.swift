import Foundation

/// A shift's figures: the X report while it is open, the Z report once it is closed
/// (then with the counted cash). Pure data; the desk computes it from the journal,
/// layouts print it, commands write it as JSON.
///
/// The cash the drawer must hold is the opening float, plus what was paid, plus what is
/// set aside for held payments, plus cash put in, less cash taken out, less what is owed
/// back for payments of earlier shifts that settled not paid during this one. A payment
/// of an earlier shift that settled paid during this one moves no cash here: its cash
/// was counted with the shift that took it.
public struct ShiftReport: Hashable, Sendable, Codable {
    public struct ShiftInfo: Hashable, Sendable, Codable {
        public let id: Int64
        /// Numbered per counter: 1, 2, 3 ... never reused.
        public let number: Int
        public let counter: String
        public let operatorName: String
        public let openedAt: Date
        public let closedAt: Date?
        public let openingFloat: Money

        public init(id: Int64, number: Int, counter: String, operatorName: String, openedAt: Date, closedAt: Date?, openingFloat: Money) {
            self.id = id
            self.number = number
            self.counter = counter
            self.operatorName = operatorName
            self.openedAt = openedAt
            self.closedAt = closedAt
            self.openingFloat = openingFloat
        }
    }

    /// How many payments, and their total.
    public struct Tally: Hashable, Sendable, Codable {
        public var count: Int
        public var amount: Money

        public init(count: Int = 0, amount: Money = .zero) {
            self.count = count
            self.amount = amount
        }

        public mutating func add(_ amount: Money) {
            count += 1
            self.amount = self.amount + amount
        }

        public static let zero = Tally()

        public static func + (lhs: Tally, rhs: Tally) -> Tally {
            Tally(count: lhs.count + rhs.count, amount: lhs.amount + rhs.amount)
        }
    }

    /// One payment named in a report (held ones, those settled from earlier shifts).
    public struct Item: Hashable, Sendable, Codable {
        public let reference: PaymentReference
        public let username: Username
        public let customerName: String
        public let amount: Money
        public let state: PaymentState
        /// The shift that took it, for those settled from earlier shifts (nil: before shifts).
        public let shiftNumber: Int?
        /// Why a person must decide, for those waiting for one (absent from reports made
        /// before it was kept).
        public let attention: String?

        public init(
            reference: PaymentReference, username: Username, customerName: String, amount: Money, state: PaymentState, shiftNumber: Int? = nil,
            attention: String? = nil
        ) {
            self.attention = attention
            self.reference = reference
            self.username = username
            self.customerName = customerName
            self.amount = amount
            self.state = state
            self.shiftNumber = shiftNumber
        }
    }

    /// Cash put into or taken out of the drawer, with who and why.
    public struct CashEntry: Hashable, Sendable, Codable {
        public let amount: Money
        public let reason: String
        public let operatorName: String
        public let at: Date

        public init(amount: Money, reason: String, operatorName: String, at: Date) {
            self.amount = amount
            self.reason = reason
            self.operatorName = operatorName
            self.at = at
        }
    }

    public let shift: ShiftInfo
    /// When the figures were taken: now for an X report, the close for a Z report.
    public let takenAt: Date
    public var paid = Tally()
    /// NOT PAID and NOT RECEIVED: the cash went back to the customer.
    public var notPaid = Tally()
    /// Cash set aside until Khalti's answer is known.
    public var held = Tally()
    public var heldPayments: [Item] = []
    /// Never sent (NOT SENT): no cash was kept for them.
    public var abandoned = Tally()
    /// Written but not answered yet (a Z report never has any).
    public var onTheirWay = Tally()
    /// PAID by plan length, in months.
    public var paidByPlan: [Int: Tally] = [:]
    public var cashIn: [CashEntry] = []
    public var cashOut: [CashEntry] = []
    /// Payments of earlier shifts at this counter that settled during this one.
    public var settledPaid = Tally()
    public var settledNotPaid = Tally()
    public var settledPayments: [Item] = []
    /// Final payments of this report (paid, not paid, not received) flagged for a person:
    /// Khalti's later answer contradicts them, so the Khalti difference may be theirs.
    /// Optional so that Z reports kept before it still read.
    public var needsPerson: [Item]?
    public var countedCash: Money?
    public var note: String?
    public var khaltiBalanceAtOpening: Money?
    public var khaltiBalanceNow: Money?
    /// Times the cash drawer opened, and how many of them without a paid payment.
    public var drawerOpenings = 0
    public var drawerOpeningsWithoutPayment = 0
    /// The first and last receipt numbers printed for payments paid during the shift.
    public var firstReceipt: String?
    public var lastReceipt: String?

    public init(shift: ShiftInfo, takenAt: Date) {
        self.shift = shift
        self.takenAt = takenAt
    }

    public var isClosing: Bool { shift.closedAt != nil }

    public var cashInTotal: Money { cashIn.reduce(.zero) { $0 + $1.amount } }
    public var cashOutTotal: Money { cashOut.reduce(.zero) { $0 + $1.amount } }

    /// What the drawer must hold (see the type's comment).
    public var expectedCash: Money {
        shift.openingFloat + paid.amount + held.amount + onTheirWay.amount + cashInTotal - cashOutTotal - settledNotPaid.amount
    }

    /// Counted less expected: positive over, negative short; nil before counting.
    public var difference: Money? { countedCash.map { $0 - expectedCash } }

    /// Everything Khalti was paid for during the shift: this shift's and earlier shifts'
    /// payments that settled paid now.
    public var paidToKhalti: Money { paid.amount + settledPaid.amount }

    /// How far the Khalti balance fell since the opening, when both are known.
    public var khaltiBalanceDrop: Money? {
        guard let opening = khaltiBalanceAtOpening, let now = khaltiBalanceNow else { return nil }
        return opening - now
    }

    /// The drop in the balance less what was paid: zero when they agree. Held payments
    /// Khalti already took, and top-ups, show here; it is shown, never hidden.
    public var khaltiDifference: Money? { khaltiBalanceDrop.map { $0 - paidToKhalti } }
}
