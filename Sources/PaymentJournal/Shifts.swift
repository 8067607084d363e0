import ArrownetDomain
import Foundation

/// One till's session: opened with a float by an operator, closed with the counted cash.
/// One open shift per counter; a closed shift and its figures never change.
public struct Shift: Sendable, Hashable {
    public let id: Int64
    public let counter: String
    /// 1, 2, 3 ... per counter, never reused: a missing Z report is noticed.
    public let number: Int
    public let operatorName: String
    public let openingFloat: Money
    /// The counter's Khalti balance when the shift opened; nil when it could not be read.
    public let openingBalance: Money?
    public let openedAt: Date
    public let closedAt: Date?
    public let countedCash: Money?
    public let closingBalance: Money?
    public let note: String?
    /// The Z report as it was at the close, kept as it was.
    public let closingReport: ShiftReport?

    public init(
        id: Int64, counter: String, number: Int, operatorName: String, openingFloat: Money, openingBalance: Money?,
        openedAt: Date, closedAt: Date?, countedCash: Money?, closingBalance: Money?, note: String?, closingReport: ShiftReport?
    ) {
        self.id = id
        self.counter = counter
        self.number = number
        self.operatorName = operatorName
        self.openingFloat = openingFloat
        self.openingBalance = openingBalance
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.countedCash = countedCash
        self.closingBalance = closingBalance
        self.note = note
        self.closingReport = closingReport
    }

    public var isOpen: Bool { closedAt == nil }

    public var info: ShiftReport.ShiftInfo {
        ShiftReport.ShiftInfo(
            id: id, number: number, counter: counter, operatorName: operatorName, openedAt: openedAt, closedAt: closedAt,
            openingFloat: openingFloat)
    }
}

/// What opening a shift writes.
public struct ShiftOpening: Sendable, Hashable {
    public let counter: String
    public let operatorName: String
    public let openingFloat: Money
    public let openingBalance: Money?
    public let at: Date

    public init(counter: String, operatorName: String, openingFloat: Money, openingBalance: Money?, at: Date) {
        self.counter = counter
        self.operatorName = operatorName
        self.openingFloat = openingFloat
        self.openingBalance = openingBalance
        self.at = at
    }
}

public enum ShiftOpened: Sendable, Hashable {
    case opened(Shift)
    /// The counter already has an open shift: nothing was written.
    case alreadyOpen(Shift)
}

/// Cash put into the drawer or taken out during a shift (change brought in, a drop to the safe).
public struct CashMovement: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case into = "in"
        case outOf = "out"
    }

    public let id: Int64
    public let shiftID: Int64
    public let direction: Direction
    public let amount: Money
    public let reason: String
    public let operatorName: String
    public let at: Date

    public init(id: Int64, shiftID: Int64, direction: Direction, amount: Money, reason: String, operatorName: String, at: Date) {
        self.id = id
        self.shiftID = shiftID
        self.direction = direction
        self.amount = amount
        self.reason = reason
        self.operatorName = operatorName
        self.at = at
    }
}

/// A cash movement to record in the counter's open shift.
public struct NewCashMovement: Sendable, Hashable {
    public let counter: String
    public let direction: CashMovement.Direction
    public let amount: Money
    public let reason: String
    public let operatorName: String
    public let at: Date

    public init(counter: String, direction: CashMovement.Direction, amount: Money, reason: String, operatorName: String, at: Date) {
        self.counter = counter
        self.direction = direction
        self.amount = amount
        self.reason = reason
        self.operatorName = operatorName
        self.at = at
    }
}

/// The cash drawer opened: for a paid payment, for the count at close, or by hand with a reason.
public struct DrawerOpening: Sendable, Hashable {
    public let id: Int64
    /// The shift open at the counter then; nil when none was.
    public let shiftID: Int64?
    public let counter: String
    public let at: Date
    /// "payment", "count", or the clerk's words for a manual opening.
    public let reason: String
    /// The paid payment it opened for.
    public let reference: PaymentReference?
    public let operatorName: String

    public init(id: Int64, shiftID: Int64?, counter: String, at: Date, reason: String, reference: PaymentReference?, operatorName: String) {
        self.id = id
        self.shiftID = shiftID
        self.counter = counter
        self.at = at
        self.reason = reason
        self.reference = reference
        self.operatorName = operatorName
    }
}

public struct NewDrawerOpening: Sendable, Hashable {
    public let counter: String
    public let at: Date
    public let reason: String
    public let reference: PaymentReference?
    public let operatorName: String

    public init(counter: String, at: Date, reason: String, reference: PaymentReference?, operatorName: String) {
        self.counter = counter
        self.at = at
        self.reason = reason
        self.reference = reference
        self.operatorName = operatorName
    }

    public static let forPayment = "payment"
    public static let forCount = "count"
}

/// Everything a shift report is made from, read in one transaction.
public struct ShiftActivity: Sendable, Hashable {
    public let shift: Shift
    /// Payments whose intent was written in this shift, as they are now.
    public let payments: [PaymentRecord]
    /// Payments this counter took in earlier shifts (or before shifts) that settled
    /// (reached a final state) after their own shift closed and since the counter's
    /// previous shift closed: while this one was open, or while none was.
    public let settledFromEarlier: [PaymentRecord]
    /// The shift number each of those belongs to, by shift id.
    public let earlierShiftNumbers: [Int64: Int]
    public let cashMovements: [CashMovement]
    public let drawerOpenings: [DrawerOpening]
    /// Until when the activity was read: now for an X report, the close for a Z report.
    public let until: Date

    public init(
        shift: Shift, payments: [PaymentRecord], settledFromEarlier: [PaymentRecord], earlierShiftNumbers: [Int64: Int],
        cashMovements: [CashMovement], drawerOpenings: [DrawerOpening], until: Date
    ) {
        self.shift = shift
        self.payments = payments
        self.settledFromEarlier = settledFromEarlier
        self.earlierShiftNumbers = earlierShiftNumbers
        self.cashMovements = cashMovements
        self.drawerOpenings = drawerOpenings
        self.until = until
    }
}

/// Closing a shift: the counted cash, the Khalti balance now, the clerk's note.
public struct ShiftClosing: Sendable, Hashable {
    public let shiftID: Int64
    public let countedCash: Money
    public let closingBalance: Money?
    public let note: String?
    public let at: Date

    public init(shiftID: Int64, countedCash: Money, closingBalance: Money?, note: String?, at: Date) {
        self.shiftID = shiftID
        self.countedCash = countedCash
        self.closingBalance = closingBalance
        self.note = note
        self.at = at
    }
}
