import ArrownetDomain
import ConsoleCore
import Foundation

enum OutcomeView {
    static func draw(_ screen: OutcomeScreen, calendar: CounterCalendar, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        let order = screen.order
        let y = rows.y
        let width = buffer.write(" \(screen.headline) ", x: body.x, y: y, style: .headline(screen.result))
        buffer.write("  \(order.plan.amount.formatted) · \(order.plan.duration.label) · \(order.customerName) (\(order.username.value))",
                     x: body.x + width, y: y, style: .strong, maxWidth: body.width - width)
        rows.skip()
        // What the clerk does with the cash matters most; then where the receipt went,
        // what happened, what to tell the customer. The rows left are shared out.
        var blocks = [
            RowWriter.Block(text: screen.reason, importance: 3),
            RowWriter.Block(text: screen.nextStep, style: .strong, importance: 5, minLines: 2),
        ]
        if let tell = screen.tellCustomer {
            blocks.append(RowWriter.Block(text: "Tell the customer: \(tell)", importance: 2, minLines: 2))
        }
        if let checkAt = screen.checkAt {
            // The next step already says when: this line is the first to go.
            blocks.append(RowWriter.Block(
                text: "Next lookup: \(ClerkDates.dayAndTime(checkAt, in: calendar))", style: .faint, importance: 0, minLines: 0))
        }
        if let payment = screen.payment {
            var ids = "Reference \(payment.reference.value)"
            if let transaction = payment.transactionID { ids += " · Khalti transaction \(transaction)" }
            blocks.append(RowWriter.Block(text: ids, style: .faint, importance: 1))
        }
        if screen.receipt != nil, let receipt = receiptLine(screen.printStatus) {
            blocks.append(RowWriter.Block(text: receipt.text, style: receipt.style, importance: 4, minLines: .max))
        }
        rows.paragraphs(blocks, into: &buffer)
    }

    /// Where the receipt went, whole: a path cut short is no use to the clerk.
    private static func receiptLine(_ status: PrintStatus) -> (text: String, style: Style)? {
        switch status {
        case .notPrinted: nil
        case .printing: ("Printing the receipt…", .info)
        case .printed(let note): ("Receipt: \(note)", .info)
        case .failed(let error): ("Receipt not printed: \(error.sentence)", .bad)
        }
    }
}
