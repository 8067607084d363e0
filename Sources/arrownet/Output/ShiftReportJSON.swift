import ArrownetDomain
import Foundation
import PaymentJournal

/// Shift reports and shifts as JSON and CSV for programs: amounts as decimal strings,
/// times ISO 8601 in Nepal time with the offset (README "Shifts").
enum ShiftReportJSON {
    static let calendar = CounterCalendar.nepal

    static func object(_ report: ShiftReport) -> [String: Any] {
        let shift = report.shift
        var object: [String: Any] = [
            "shift": [
                "id": shift.id, "number": shift.number, "counter": shift.counter, "operator": shift.operatorName,
                "opened_at": calendar.isoText(shift.openedAt), "closed_at": shift.closedAt.map(calendar.isoText) ?? NSNull(),
                "opening_float": shift.openingFloat.wireString,
            ] as [String: Any],
            "report": report.isClosing ? "Z" : "X",
            "taken_at": calendar.isoText(report.takenAt),
            "paid": tally(report.paid),
            "not_paid": tally(report.notPaid),
            "held": tally(report.held).merging(["payments": report.heldPayments.map(item)]) { first, _ in first },
            "abandoned": tally(report.abandoned),
            "on_their_way": tally(report.onTheirWay),
            "paid_by_plan": report.paidByPlan.keys.sorted().map { months in
                ["months": months].merging(tally(report.paidByPlan[months] ?? .zero)) { first, _ in first }
            },
            "cash_in": report.cashIn.map(cash),
            "cash_out": report.cashOut.map(cash),
            "settled_from_earlier": [
                "paid": tally(report.settledPaid), "not_paid": tally(report.settledNotPaid),
                "payments": report.settledPayments.map(item),
            ] as [String: Any],
            "expected_cash": report.expectedCash.wireString,
            "counted_cash": report.countedCash?.wireString ?? NSNull(),
            "difference": report.difference?.wireString ?? NSNull(),
            "note": report.note ?? NSNull(),
            "khalti_balance": [
                "at_opening": report.khaltiBalanceAtOpening?.wireString ?? NSNull(),
                "now": report.khaltiBalanceNow?.wireString ?? NSNull(),
                "drop": report.khaltiBalanceDrop?.wireString ?? NSNull(),
                "paid_to_khalti": report.paidToKhalti.wireString,
                "difference": report.khaltiDifference?.wireString ?? NSNull(),
            ] as [String: Any],
            "drawer": ["opened": report.drawerOpenings, "without_payment": report.drawerOpeningsWithoutPayment],
            "receipts": ["first": report.firstReceipt ?? NSNull(), "last": report.lastReceipt ?? NSNull()] as [String: Any],
            // Final payments Khalti's later answer contradicts: the Khalti difference may be theirs.
            "needs_person": (report.needsPerson ?? []).map { flagged in
                item(flagged).merging(["attention": flagged.attention ?? NSNull()]) { first, _ in first }
            },
        ]
        object["report"] = report.isClosing ? "Z" : "X"
        return object
    }

    static func tally(_ tally: ShiftReport.Tally) -> [String: Any] {
        ["count": tally.count, "amount": tally.amount.wireString]
    }

    static func item(_ item: ShiftReport.Item) -> [String: Any] {
        [
            "reference": item.reference.value, "username": item.username.value, "customer_name": item.customerName,
            "amount": item.amount.wireString, "state": item.state.rawValue, "shift_number": item.shiftNumber ?? NSNull(),
        ]
    }

    static func cash(_ entry: ShiftReport.CashEntry) -> [String: Any] {
        ["amount": entry.amount.wireString, "reason": entry.reason, "operator": entry.operatorName, "at": calendar.isoText(entry.at)]
    }

    static func shift(_ shift: Shift) -> [String: Any] {
        [
            "id": shift.id, "number": shift.number, "counter": shift.counter, "operator": shift.operatorName,
            "opened_at": calendar.isoText(shift.openedAt), "closed_at": shift.closedAt.map(calendar.isoText) ?? NSNull(),
            "opening_float": shift.openingFloat.wireString, "opening_balance": shift.openingBalance?.wireString ?? NSNull(),
            "counted_cash": shift.countedCash?.wireString ?? NSNull(),
            "difference": shift.closingReport?.difference?.wireString ?? NSNull(),
            "note": shift.note ?? NSNull(),
        ]
    }

    /// The report as CSV rows: section, what, count, amount (one line per figure).
    static func csv(_ report: ShiftReport) -> String {
        var rows = [["section", "item", "count", "amount"]]
        func add(_ section: String, _ item: String, _ tally: ShiftReport.Tally) {
            rows.append([section, item, String(tally.count), tally.amount.wireString])
        }
        add("payments", "paid", report.paid)
        add("payments", "not_paid", report.notPaid)
        add("payments", "held", report.held)
        add("payments", "abandoned", report.abandoned)
        add("payments", "on_their_way", report.onTheirWay)
        for months in report.paidByPlan.keys.sorted() { add("paid_by_plan", "\(months)", report.paidByPlan[months] ?? .zero) }
        add("settled_from_earlier", "paid", report.settledPaid)
        add("settled_from_earlier", "not_paid", report.settledNotPaid)
        for entry in report.cashIn { rows.append(["cash_in", entry.reason, "1", entry.amount.wireString]) }
        for entry in report.cashOut { rows.append(["cash_out", entry.reason, "1", entry.amount.wireString]) }
        rows.append(["drawer", "opening_float", "", report.shift.openingFloat.wireString])
        rows.append(["drawer", "expected_cash", "", report.expectedCash.wireString])
        rows.append(["drawer", "counted_cash", "", report.countedCash?.wireString ?? ""])
        rows.append(["drawer", "difference", "", report.difference?.wireString ?? ""])
        return rows.map(CSV.line).joined()
    }
}
