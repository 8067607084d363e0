import ArrownetDomain
import Foundation
import PaymentJournal

/// Turns a shift's activity into its report: pure, so the X report, the Z report kept at
/// the close, and `history` for the same payments add up the same way (a test holds them
/// to it).
public enum ShiftReporter {
    /// The X report of an open shift, or with `closingAt` the Z report of the shift as it closes then.
    public static func report(
        _ activity: ShiftActivity, countedCash: Money? = nil, note: String? = nil, balanceNow: Money?, takenAt: Date,
        closingAt: Date? = nil
    ) -> ShiftReport {
        let shift = activity.shift
        let info = shift.info
        var report = ShiftReport(
            shift: ShiftReport.ShiftInfo(
                id: info.id, number: info.number, counter: info.counter, operatorName: info.operatorName, openedAt: info.openedAt,
                closedAt: closingAt ?? info.closedAt, openingFloat: info.openingFloat),
            takenAt: takenAt)
        var receipts: [(Date, String)] = []
        for payment in activity.payments {
            switch payment.state {
            case .paid:
                report.paid.add(payment.amount)
                report.paidByPlan[payment.duration.months, default: .zero].add(payment.amount)
                receipts.append((payment.resolvedAt ?? payment.updatedAt, payment.reference.receiptNumber(counter: payment.counter)))
            case .notPaid, .notReceived:
                report.notPaid.add(payment.amount)
            case .held:
                report.held.add(payment.amount)
                report.heldPayments.append(item(payment, shiftNumber: nil))
            case .abandoned:
                report.abandoned.add(payment.amount)
            case .prepared, .sending:
                report.onTheirWay.add(payment.amount)
            }
        }
        for payment in activity.settledFromEarlier {
            let number = payment.shiftID.flatMap { activity.earlierShiftNumbers[$0] }
            report.settledPayments.append(item(payment, shiftNumber: number))
            if payment.state == .paid {
                report.settledPaid.add(payment.amount)
                receipts.append((payment.resolvedAt ?? payment.updatedAt, payment.reference.receiptNumber(counter: payment.counter)))
            } else {
                // Not paid, not received or never sent: the customer gets the cash back from this drawer.
                report.settledNotPaid.add(payment.amount)
            }
        }
        // Named so that a Khalti difference they cause is not left unexplained.
        let flagged = (activity.payments + activity.settledFromEarlier).filter { $0.state.isFinal && $0.attention != nil }
        if !flagged.isEmpty {
            report.needsPerson = flagged.map { item($0, shiftNumber: nil, attention: $0.attention) }
        }
        for movement in activity.cashMovements {
            let entry = ShiftReport.CashEntry(amount: movement.amount, reason: movement.reason, operatorName: movement.operatorName, at: movement.at)
            switch movement.direction {
            case .into: report.cashIn.append(entry)
            case .outOf: report.cashOut.append(entry)
            }
        }
        report.drawerOpenings = activity.drawerOpenings.count
        report.drawerOpeningsWithoutPayment = activity.drawerOpenings.filter { $0.reason != NewDrawerOpening.forPayment }.count
        receipts.sort { $0.0 < $1.0 }
        report.firstReceipt = receipts.first?.1
        report.lastReceipt = receipts.last?.1
        report.countedCash = countedCash
        report.note = note
        report.khaltiBalanceAtOpening = shift.openingBalance
        report.khaltiBalanceNow = balanceNow
        return report
    }

    static func item(_ payment: PaymentRecord, shiftNumber: Int?, attention: String? = nil) -> ShiftReport.Item {
        ShiftReport.Item(
            reference: payment.reference, username: payment.username, customerName: payment.customerName, amount: payment.amount,
            state: payment.state, shiftNumber: shiftNumber, attention: attention)
    }
}
