import ArrownetDomain
import ConsoleCore
import Foundation

enum OutcomeView {
    static func draw(_ screen: OutcomeScreen, calendar: CounterCalendar, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        let style: Style = switch screen.result {
        case .paid: Style(foreground: .green, bold: true, reverse: true)
        case .held: Style(foreground: .yellow, bold: true, reverse: true)
        case .notPaid, .notTaken: Style(foreground: .red, bold: true, reverse: true)
        }
        let order = screen.order
        let y = rows.y
        let width = buffer.write(" \(screen.headline) ", x: body.x, y: y, style: style)
        buffer.write("  \(order.plan.amount.formatted) · \(order.plan.duration.label) · \(order.customerName) (\(order.username.value))",
                     x: body.x + width, y: y, style: .strong, maxWidth: body.width - width)
        rows.skip()
        rows.paragraph(screen.reason, maxLines: 3, into: &buffer)
        rows.paragraph(screen.nextStep, style: .strong, maxLines: 3, into: &buffer)
        if let tell = screen.tellCustomer {
            rows.paragraph("Tell the customer: \(tell)", maxLines: 2, into: &buffer)
        }
        if let checkAt = screen.checkAt {
            rows.line("Next lookup: \(ClerkDates.dayAndTime(checkAt, in: calendar))", style: .faint, into: &buffer)
        }
        if let payment = screen.payment {
            var ids = "Reference \(payment.reference.value)"
            if let transaction = payment.transactionID { ids += " · Khalti transaction \(transaction)" }
            rows.line(ids, style: .faint, into: &buffer)
        }
        if screen.receipt != nil {
            switch screen.printStatus {
            case .notPrinted: break
            case .printing: rows.line("Printing the receipt…", style: .info, into: &buffer)
            case .printed(let note): rows.paragraph("Receipt: \(note)", style: .info, maxLines: 2, into: &buffer)
            case .failed(let error): rows.paragraph("Receipt not printed: \(error.reason) \(error.nextStep)", style: .bad, maxLines: 2, into: &buffer)
            }
        }
    }
}
