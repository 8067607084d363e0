import ArrownetDomain
import ConsoleCore

/// Counting the drawer against what it should hold, then the difference read back.
enum ShiftCloseView {
    static func draw(_ screen: ShiftCloseScreen, calendar: CounterCalendar, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        let shift = screen.report.shift
        rows.line(
            "Shift \(shift.number) of \(shift.counter) · \(shift.operatorName) · opened \(ClerkDates.dayAndTime(shift.openedAt, in: calendar))",
            style: .strong, into: &buffer)
        let labelWidth = 17
        rows.field(
            "Expected cash", "\(screen.expected.formatted) (X report at \(ClerkDates.time(screen.report.takenAt, in: calendar)))",
            labelWidth: labelWidth, style: .strong, into: &buffer)
        // The desk's refusal says the same, with the reference: one of the two is enough.
        if let drawer = screen.drawer {
            switch drawer {
            case .opening: rows.line("Opening the drawer to count…", style: .info, into: &buffer)
            case .opened: rows.line("The drawer is open to count.", style: .info, into: &buffer)
            case .failed(let error):
                rows.paragraph("The drawer did not open: \(error.sentence)", style: .bad, maxLines: 2, into: &buffer)
            }
        }
        if screen.paymentsOnTheirWay > 0, screen.error == nil {
            rows.paragraph(
                "A payment of this shift is still on its way to Khalti: the shift can close once it is answered.",
                style: .warning, maxLines: 2, into: &buffer)
        }
        rows.skip()
        switch screen.step {
        case .counting:
            drawCount(screen, labelWidth: labelWidth, rows: &rows, into: &buffer)
        case .confirming(let counted), .closing(let counted):
            drawDifference(screen, counted: counted, labelWidth: labelWidth, rows: &rows, into: &buffer)
        }
        if let problem = screen.problem { rows.paragraph(problem, style: .warning, maxLines: 2, into: &buffer) }
    }

    private static func drawCount(_ screen: ShiftCloseScreen, labelWidth: Int, rows: inout RowWriter, into buffer: inout ScreenBuffer) {
        rows.line("Count the cash in the drawer and type it.", into: &buffer)
        let countedCursor = ShiftOpenView.field(
            "Counted cash", screen.counted, width: ShiftOpenScreen.amountLimit + 2, labelWidth: labelWidth, rows: &rows, into: &buffer)
        let noteCursor = ShiftOpenView.field(
            "Note", screen.note, width: min(ShiftCloseScreen.noteLimit + 2, rows.body.width - labelWidth), labelWidth: labelWidth,
            rows: &rows, into: &buffer)
        rows.line("why it is over or short (may be empty)", style: .faint, indent: labelWidth, into: &buffer)
        if let point = screen.focus == .counted ? countedCursor : noteCursor { buffer.cursor = point }
    }

    private static func drawDifference(
        _ screen: ShiftCloseScreen, counted: Money, labelWidth: Int, rows: inout RowWriter, into buffer: inout ScreenBuffer
    ) {
        let difference = counted - screen.expected
        rows.field("Counted cash", counted.formatted, labelWidth: labelWidth, style: .strong, into: &buffer)
        let style: Style = difference.paisa == 0 ? .good : (difference.paisa < 0 ? .bad : .warning)
        rows.field("Difference", ShiftFigures.differenceText(difference), labelWidth: labelWidth, style: style, into: &buffer)
        if let note = screen.noteText {
            rows.field("Note", truncated(note, toColumns: rows.body.width - labelWidth), labelWidth: labelWidth, into: &buffer)
        }
        rows.skip()
        // Why the last `y` did not close it comes before asking again.
        if let error = screen.error {
            rows.paragraph("The shift was not closed: \(error.sentence)", style: .bad, maxLines: 4, into: &buffer)
        }
        if case .closing = screen.step {
            rows.line("Closing the shift…", style: .info, into: &buffer)
            return
        }
        rows.paragraph(
            "Close shift \(screen.report.shift.number) now? The Z report prints, and no payment can be taken until a shift opens again.",
            style: .strong, maxLines: 2, into: &buffer)
        rows.line("y closes · n or Esc changes the count", style: .faint, into: &buffer)
    }
}
