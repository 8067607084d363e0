import ArrownetDomain
import Foundation

/// A shift's X or Z report on 42 columns: what the printer prints, what the report
/// files hold, what `arrownet shift report` and the console's report screen show.
/// Marked SANDBOX or UAT when the money is not real, as receipts are. Dates in Bikram
/// Sambat beside AD (`2082 Mangsir 11 (2025-11-27) 18:02`), AD alone without `bsCalendar`.
public enum ShiftReportLayout {
    public static func document(
        for report: ShiftReport, environment: KhaltiEnvironment, calendar: CounterCalendar = .nepal,
        bsCalendar: BikramSambatCalendar? = .shipped
    ) -> PrintDocument {
        var blocks: [PrintBlock] = [.rule(.heavy)]
        let mark = environment.receiptMark.map { "*** \($0): NOT REAL MONEY ***" }
        if let mark { blocks.append(.text(mark, style: .bold, alignment: .center)) }
        let shift = report.shift
        blocks.append(.text(report.isClosing ? "Z REPORT" : "X REPORT", style: .headline, alignment: .center))
        blocks.append(.text(report.isClosing ? "Shift closed" : "Shift still open", alignment: .center))
        blocks.append(.rule(.light))
        blocks.append(.field(label: "Shift", value: "\(shift.counter) no. \(shift.number)"))
        blocks.append(.field(label: "Operator", value: shift.operatorName))
        blocks.append(.field(label: "Opened", value: ClerkDates.dayAndTime(shift.openedAt, in: calendar, bs: bsCalendar)))
        blocks.append(.field(label: report.isClosing ? "Closed" : "Taken", value: ClerkDates.dayAndTime(shift.closedAt ?? report.takenAt, in: calendar, bs: bsCalendar)))
        blocks.append(.field(label: "Opening float", value: shift.openingFloat.formatted))
        blocks.append(.rule(.light))
        blocks.append(tally("PAID", report.paid, style: .bold))
        for months in report.paidByPlan.keys.sorted() {
            if let plan = report.paidByPlan[months] { blocks.append(tally("  \(months == 1 ? "1 month" : "\(months) months")", plan)) }
        }
        blocks.append(tally("NOT PAID (given back)", report.notPaid))
        blocks.append(tally("HELD (set aside)", report.held))
        for item in report.heldPayments {
            blocks.append(.field(label: "  \(item.username.value)", value: item.amount.formatted))
            blocks.append(.text(item.reference.value, alignment: .right))
        }
        blocks.append(tally("NOT SENT", report.abandoned))
        if report.onTheirWay.count > 0 { blocks.append(tally("ON THEIR WAY", report.onTheirWay, style: .bold)) }
        if !report.settledPayments.isEmpty {
            blocks.append(.rule(.light))
            blocks.append(.text("Settled from earlier shifts", style: .bold))
            blocks.append(tally("  PAID (counted then)", report.settledPaid))
            blocks.append(tally("  NOT PAID (give back)", report.settledNotPaid))
            for item in report.settledPayments {
                let from = item.shiftNumber.map { "shift \($0)" } ?? "before shifts"
                blocks.append(.field(label: "  \(item.username.value): \(item.state.label), \(from)", value: item.amount.formatted))
                blocks.append(.text(item.reference.value, alignment: .right))
            }
        }
        if let flagged = report.needsPerson, !flagged.isEmpty {
            blocks.append(.rule(.light))
            blocks.append(.text("NEEDS A PERSON (arrownet resolve)", style: .bold))
            for item in flagged {
                blocks.append(.field(label: "  \(item.username.value): \(item.state.label)", value: item.amount.formatted))
                blocks.append(.text(item.reference.value, alignment: .right))
                if let attention = item.attention { blocks.append(.text("  \(attention)")) }
            }
        }
        if !report.cashIn.isEmpty || !report.cashOut.isEmpty {
            blocks.append(.rule(.light))
            for entry in report.cashIn { blocks.append(.field(label: "Cash in: \(entry.reason)", value: entry.amount.formatted)) }
            for entry in report.cashOut { blocks.append(.field(label: "Cash out: \(entry.reason)", value: "-" + entry.amount.formatted)) }
        }
        blocks.append(.rule(.light))
        blocks.append(.field(label: "EXPECTED IN DRAWER", value: report.expectedCash.formatted, style: .bold))
        if let counted = report.countedCash, let difference = report.difference {
            blocks.append(.field(label: "Counted", value: counted.formatted, style: .bold))
            blocks.append(.field(label: differenceLabel(difference), value: difference.formatted, style: .bold))
        }
        if let note = report.note { blocks.append(.field(label: "Note", value: note)) }
        blocks.append(.rule(.light))
        blocks.append(.field(label: "Khalti at opening", value: report.khaltiBalanceAtOpening?.formatted ?? "not known"))
        blocks.append(.field(label: report.isClosing ? "Khalti at close" : "Khalti now", value: report.khaltiBalanceNow?.formatted ?? "not known"))
        if let drop = report.khaltiBalanceDrop, let difference = report.khaltiDifference {
            blocks.append(.field(label: "Drop", value: drop.formatted))
            blocks.append(.field(label: "Paid to Khalti", value: report.paidToKhalti.formatted))
            blocks.append(.field(label: difference.paisa == 0 ? "Agrees" : "DIFFERENCE", value: difference.formatted, style: difference.paisa == 0 ? .plain : .bold))
        }
        blocks.append(.field(label: "Drawer opened", value: drawerText(report)))
        blocks.append(.field(label: "Receipts", value: receiptsText(report)))
        blocks.append(.rule(.light))
        if let mark { blocks.append(.text(mark, style: .bold, alignment: .center)) }
        blocks.append(.rule(.heavy))
        return PrintDocument(blocks)
    }

    /// The report's file name beside the receipts, without `.txt`: `2026-12-02_Counter1_shift3_Z`
    /// (the day it was taken, the counter's letters and digits, the shift, X or Z).
    public static func fileName(for report: ShiftReport, calendar: CounterCalendar = .nepal) -> String {
        "\(ClerkDates.day(report.takenAt, in: calendar))_\(report.shift.counter.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })"
            + "_shift\(report.shift.number)_\(report.isClosing ? "Z" : "X")"
    }

    static func tally(_ label: String, _ tally: ShiftReport.Tally, style: PrintStyle = .plain) -> PrintBlock {
        .field(label: "\(label) \(tally.count)", value: tally.amount.formatted, style: style)
    }

    static func differenceLabel(_ difference: Money) -> String {
        switch difference.paisa {
        case 0: "Difference (exact)"
        case 1...: "OVER"
        default: "SHORT"
        }
    }

    static func drawerText(_ report: ShiftReport) -> String {
        let times = report.drawerOpenings == 1 ? "1 time" : "\(report.drawerOpenings) times"
        return report.drawerOpeningsWithoutPayment == 0 ? times : "\(times), \(report.drawerOpeningsWithoutPayment) without a payment"
    }

    static func receiptsText(_ report: ShiftReport) -> String {
        guard let first = report.firstReceipt, let last = report.lastReceipt else { return "none" }
        return first == last ? first : "\(first) to \(last)"
    }
}
