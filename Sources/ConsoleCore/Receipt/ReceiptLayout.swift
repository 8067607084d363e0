import ArrownetDomain
import Foundation

/// A receipt as a document for 42-column receipt printers: labels on the left, values
/// on the right, aligned by display width so a Devanagari name lines up too.
public enum ReceiptLayout {
    public static let width = PrintDocument.width

    /// The receipt as printed: the headline bold and tall, the SANDBOX/UAT and
    /// REPRINT marks and the amount bold; the name, which a receipt printer may have
    /// no letters for, stands in as the username and "(name on screen)". Dates in Bikram
    /// Sambat beside AD (`2082 Mangsir 11 (2025-11-27) 10:00`), AD alone without `bsCalendar`.
    public static func document(
        for receipt: Receipt, calendar: CounterCalendar = CounterCalendar.nepal, bsCalendar: BikramSambatCalendar? = .shipped
    ) -> PrintDocument {
        var blocks: [PrintBlock] = [.rule(.heavy)]
        let mark = receipt.environment.receiptMark.map { PrintBlock.text("*** \($0): NOT A REAL PAYMENT ***", style: .bold, alignment: .center) }
        if let mark { blocks.append(mark) }
        blocks.append(.text("ARROWNET INTERNET", style: .headline, alignment: .center))
        blocks.append(.text("Bill paid through Khalti", alignment: .center))
        if receipt.isReprint { blocks.append(.text("*** REPRINT ***", style: .bold, alignment: .center)) }
        blocks.append(.rule(.light))
        blocks.append(.field(label: "Receipt no.", value: receipt.number))
        blocks.append(.field(label: "Date", value: ClerkDates.dayAndTime(receipt.paidAt, in: calendar, bs: bsCalendar)))
        blocks.append(.field(label: "Counter", value: receipt.counter))
        blocks.append(.field(label: "Operator", value: receipt.operatorName))
        blocks.append(.rule(.light))
        blocks.append(.field(label: "Username", value: receipt.username.value))
        blocks.append(.field(label: "Name", value: receipt.customerName, standIn: "\(receipt.username.value) (name on screen)"))
        blocks.append(.field(label: "Plan", value: receipt.duration.label))
        blocks.append(.field(label: "New expiry", value: receipt.newExpiry.map { ClerkDates.day($0, in: calendar, bs: bsCalendar) } ?? "ask Arrownet"))
        blocks.append(.rule(.light))
        blocks.append(.field(label: "AMOUNT PAID", value: receipt.amount.formatted, style: .bold))
        blocks.append(.rule(.light))
        blocks.append(.field(label: "Reference", value: receipt.reference.value))
        blocks.append(.field(label: "Khalti transaction", value: receipt.transactionID ?? "not given"))
        blocks.append(.rule(.light))
        blocks.append(.text("Thank you. Keep this receipt.", alignment: .center))
        if let mark { blocks.append(mark) }
        blocks.append(.rule(.heavy))
        return PrintDocument(blocks)
    }

    /// The receipt's lines, none wider than `width` columns, no trailing spaces.
    public static func lines(
        for receipt: Receipt, calendar: CounterCalendar = CounterCalendar.nepal, bsCalendar: BikramSambatCalendar? = .shipped
    ) -> [String] {
        document(for: receipt, calendar: calendar, bsCalendar: bsCalendar).lines.map(\.text)
    }

    /// The lines joined, ending in a newline, as saved and sent to a print command.
    public static func text(
        for receipt: Receipt, calendar: CounterCalendar = CounterCalendar.nepal, bsCalendar: BikramSambatCalendar? = .shipped
    ) -> String {
        document(for: receipt, calendar: calendar, bsCalendar: bsCalendar).text
    }
}
