import ConsoleCore

/// Opening the cash drawer by hand: why, in the clerk's words.
enum DrawerView {
    static func draw(_ screen: DrawerScreen, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        rows.paragraph(
            "The drawer opens through the receipt printer, and the shift report counts every opening. Why does it open?",
            maxLines: 2, into: &buffer)
        rows.skip()
        let cursor = ShiftOpenView.field(
            "Reason", screen.reason, width: min(DrawerScreen.reasonLimit + 2, body.width - 10), labelWidth: 10, rows: &rows,
            into: &buffer)
        if let cursor { buffer.cursor = cursor }
        rows.line("e.g. change for a customer, cash given back, a drop to the safe", style: .faint, indent: 10, into: &buffer)
        if screen.isOpening { rows.line("Opening the drawer…", style: .info, into: &buffer) }
        if let problem = screen.problem { rows.paragraph(problem, style: .warning, maxLines: 3, into: &buffer) }
        if let error = screen.error {
            rows.paragraph("The drawer did not open: \(error.sentence)", style: .bad, maxLines: rows.remaining, into: &buffer)
        }
    }
}
