import ConsoleCore
import Foundation

enum HeldPaymentsView {
    static func draw(_ screen: HeldPaymentsScreen, now: Date?, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        let now = now ?? Date(timeIntervalSince1970: 0)
        if screen.isLoading {
            rows.line("Reading the journal…", style: .faint, into: &buffer)
            return
        }
        if screen.isLookingUp { rows.line("Looking up with Khalti…", style: .info, into: &buffer) }
        if let error = screen.lookupError {
            rows.paragraph("Lookup failed: \(error.reason) \(error.nextStep)", style: .bad, maxLines: 2, into: &buffer)
        }
        if let notice = screen.notice { rows.paragraph(notice, style: .info, maxLines: 3, into: &buffer) }
        guard !screen.payments.isEmpty else {
            rows.line("No held payments. Every payment is settled.", style: .good, into: &buffer)
            return
        }
        if screen.showsDetails, let payment = screen.selectedPayment {
            let lines = screen.details(of: payment, now: now)
            let labelWidth = (lines.map { displayWidth($0.label) }.max() ?? 0) + 3
            for line in lines {
                guard rows.remaining > 0 else { break }
                if line.label == "What to do" {
                    rows.paragraph(line.value, style: .strong, maxLines: rows.remaining, into: &buffer)
                    continue
                }
                rows.field(line.label, line.value, labelWidth: labelWidth, into: &buffer)
            }
            return
        }
        var header = ["State", "Taken", "Username", "Amount", "Reference"]
        var cells = screen.payments.map { payment in
            [payment.attention == nil ? payment.state.label : "NEEDS A PERSON",
             ClerkDates.timeOrDayAndTime(payment.createdAt, relativeTo: now, in: screen.calendar),
             payment.username.value, payment.amount.formatted, payment.reference.value]
        }
        // Too wide (a NEEDS A PERSON row, a long username): the time taken goes when that
        // keeps the reference, which support asks for, whole. The table may use the
        // right margin too.
        let width = alignedColumns([header] + cells, gap: 3).first.map { displayWidth($0) } ?? 0
        let takenWidth = ([header] + cells).map { displayWidth($0[1]) }.max() ?? 0
        if width > body.width, width - takenWidth - 3 <= body.width {
            header.remove(at: 1)
            cells = cells.map { var row = $0; row.remove(at: 1); return row }
        }
        // Keep the selected row in view, with room below for its advice.
        let listRows = max(2, rows.remaining - 3)
        let first = max(0, min(screen.selected - (listRows - 2), cells.count - (listRows - 1)))
        let visible = Array(cells[first...].prefix(listRows - 1))
        let used = Widgets.table(
            header: header, rows: visible, rightAligned: [header.firstIndex(of: "Amount") ?? 3], selected: screen.selected - first,
            x: body.x, y: rows.y, into: &buffer, maxRows: listRows)
        rows.skip(used)
        if let payment = screen.selectedPayment {
            rows.paragraph(screen.advice(for: payment, now: now), style: .strong, maxLines: rows.remaining, into: &buffer)
        }
    }
}
