import ArrownetDomain
import ConsoleCore

/// No shift open: the operator and the cash in the drawer, and, after a close, how it ended.
enum ShiftOpenView {
    static func draw(_ screen: ShiftOpenScreen, counter: String, calendar: CounterCalendar, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        if let closed = screen.closed {
            let short = (closed.report.difference?.paisa ?? 0) < 0
            rows.paragraph(closed.summary(calendar: calendar), style: short ? .warning : .strong, maxLines: 3, into: &buffer)
            if let line = reportLine(closed.printStatus, name: "Z report") {
                rows.paragraph(line.text, style: line.style, maxLines: 4, into: &buffer)
            }
            rows.skip()
        }
        if let notice = screen.notice {
            rows.paragraph(notice, style: .warning, maxLines: 4, into: &buffer)
            rows.skip()
        }
        // After a close or a refused payment, what is above already says why this screen.
        if screen.closed == nil, screen.notice == nil {
            rows.paragraph("No shift is open at \(counter). To take payments, open one: who takes it, and the cash in the drawer now.",
                           maxLines: 2, into: &buffer)
            rows.skip()
        }
        let labelWidth = 17
        let fieldWidth = min(ShiftOpenScreen.operatorLimit + 2, body.width - labelWidth)
        let operatorCursor = field(
            "Operator", screen.operatorName, width: fieldWidth, labelWidth: labelWidth, rows: &rows, into: &buffer)
        let floatCursor = field(
            "Cash in drawer", screen.openingFloat, width: min(ShiftOpenScreen.amountLimit + 2, fieldWidth),
            labelWidth: labelWidth, rows: &rows, into: &buffer)
        if let point = screen.focus == .operatorName ? operatorCursor : floatCursor { buffer.cursor = point }
        rows.line("rupees, e.g. 5000 or 5,000.50", style: .faint, indent: labelWidth, into: &buffer)
        if screen.isOpening { rows.line("Opening the shift…", style: .info, into: &buffer) }
        if let problem = screen.problem { rows.paragraph(problem, style: .warning, maxLines: 2, into: &buffer) }
        if let error = screen.error {
            rows.paragraph("The shift was not opened: \(error.sentence)", style: .bad, maxLines: rows.remaining, into: &buffer)
        }
    }

    /// `Label   [text     ]`, returning where the cursor goes in it (nil when out of rows).
    static func field(
        _ label: String, _ text: EditableText, width: Int, labelWidth: Int, rows: inout RowWriter, into buffer: inout ScreenBuffer
    ) -> Point? {
        guard rows.remaining > 0 else { return nil }
        let y = rows.y
        buffer.write(label, x: rows.body.x, y: y, style: .faint)
        let x = Widgets.textField(
            text.text, cursorColumn: text.cursorColumn, isSelected: text.isSelected, x: rows.body.x + labelWidth, y: y,
            width: width, into: &buffer)
        rows.skip()
        return Point(x: x, y: y)
    }

    /// Where a shift report went, whole: a path cut short is no use to the clerk.
    static func reportLine(_ status: PrintStatus, name: String) -> (text: String, style: Style)? {
        switch status {
        case .notPrinted: nil
        case .printing: ("Printing the \(name)…", .info)
        case .printed(let note): (name.prefix(1).uppercased() + name.dropFirst() + " \(note)", .info)
        case .failed(let error): ("The \(name) was not printed: \(error.sentence)", .bad)
        }
    }
}
