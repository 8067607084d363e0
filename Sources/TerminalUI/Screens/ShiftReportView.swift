import ConsoleCore

/// The X report as it prints (42 columns), centred, a page at a time.
enum ShiftReportView {
    static func draw(_ screen: ShiftReportScreen, size: TerminalSize, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        if screen.isLoading {
            rows.line("Making the report from the journal…", style: .faint, into: &buffer)
            return
        }
        if let error = screen.error {
            rows.paragraph("The report could not be made: \(error.sentence)", style: .bad, maxLines: rows.remaining, into: &buffer)
            return
        }
        let footnote = ShiftOpenView.reportLine(screen.printStatus, name: "report").map {
            wrapped($0.text, toColumns: body.width).count
        } ?? 0
        // Rows for the report: all but the position line and where the report went.
        let shown = max(1, min(ShiftReportScreen.visibleLines(on: size), rows.remaining - 1 - footnote))
        let lines = screen.lines
        // At the last page the report's end stays in view even when rows ran short.
        let lastFirst = max(0, lines.count - shown)
        let first = screen.scroll >= max(0, lines.count - ShiftReportScreen.visibleLines(on: size)) ? lastFirst : min(screen.scroll, lastFirst)
        let x = body.x + max(0, (body.width - PrintDocument.width) / 2)
        for line in lines[first..<min(lines.count, first + shown)] {
            buffer.write(line.text, x: x, y: rows.y, style: style(line.style))
            rows.skip()
        }
        let last = min(lines.count, first + shown)
        let position = lines.count <= shown ? "The whole report" : "Lines \(first + 1)-\(last) of \(lines.count) (Up/Down, PgUp/PgDn)"
        rows.line(position, style: .faint, into: &buffer)
        if let line = ShiftOpenView.reportLine(screen.printStatus, name: "report") {
            rows.paragraph(line.text, style: line.style, into: &buffer)
        }
    }

    static func style(_ style: PrintStyle) -> Style {
        switch style {
        case .plain: .plain
        case .bold, .headline: .strong
        }
    }
}
