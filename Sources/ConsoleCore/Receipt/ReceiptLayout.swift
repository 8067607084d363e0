import ArrownetDomain
import Foundation

/// A receipt as text for 42-column receipt printers: labels on the left, values
/// on the right, aligned by display width so a Devanagari name lines up too.
public enum ReceiptLayout {
    public static let width = 42

    /// The receipt's lines, none wider than `width` columns, no trailing spaces.
    public static func lines(for receipt: Receipt, calendar: CounterCalendar = CounterCalendar.nepal) -> [String] {
        let rule = String(repeating: "-", count: width)
        let heavyRule = String(repeating: "=", count: width)
        var lines: [String] = [heavyRule]
        let mark = receipt.environment.receiptMark.map { "*** \($0): NOT A REAL PAYMENT ***" }
        if let mark { lines.append(centered(mark)) }
        lines.append(centered("ARROWNET INTERNET"))
        lines.append(centered("Bill paid through Khalti"))
        if receipt.isReprint { lines.append(centered("*** REPRINT ***")) }
        lines.append(rule)
        lines += field("Receipt no.", receipt.number)
        lines += field("Date", ClerkDates.dayAndTime(receipt.paidAt, in: calendar))
        lines += field("Counter", receipt.counter)
        lines += field("Operator", receipt.operatorName)
        lines.append(rule)
        lines += field("Username", receipt.username.value)
        lines += field("Name", receipt.customerName)
        lines += field("Plan", receipt.duration.label)
        lines += field("New expiry", receipt.newExpiry.map { ClerkDates.day($0, in: calendar) } ?? "ask Arrownet")
        lines.append(rule)
        lines += field("AMOUNT PAID", receipt.amount.formatted)
        lines.append(rule)
        lines += field("Reference", receipt.reference.value)
        lines += field("Khalti transaction", receipt.transactionID ?? "not given")
        lines.append(rule)
        lines.append(centered("Thank you. Keep this receipt."))
        if let mark { lines.append(centered(mark)) }
        lines.append(heavyRule)
        return lines
    }

    /// The lines joined, ending in a newline, as sent to the printer.
    public static func text(for receipt: Receipt, calendar: CounterCalendar = CounterCalendar.nepal) -> String {
        lines(for: receipt, calendar: calendar).joined(separator: "\n") + "\n"
    }

    /// `Label        value` on one line when both fit, else the label on its own
    /// line and the value right-aligned below it, wrapped at the paper's width.
    static func field(_ label: String, _ value: String) -> [String] {
        if value.isEmpty { return [label] }
        let gap = width - displayWidth(label) - displayWidth(value)
        if gap >= 1 { return [label + String(repeating: " ", count: gap) + value] }
        return [label] + wrapped(value, toColumns: width).map(rightAligned)
    }

    static func centered(_ text: String) -> String {
        let line = truncated(text, toColumns: width)
        return String(repeating: " ", count: (width - displayWidth(line)) / 2) + line
    }

    static func rightAligned(_ text: String) -> String {
        String(repeating: " ", count: max(0, width - displayWidth(text))) + text
    }
}
