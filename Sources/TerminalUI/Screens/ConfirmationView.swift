import ConsoleCore

enum ConfirmationView {
    static func draw(_ screen: ConfirmationScreen, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        let labelWidth = (screen.readBack.map { displayWidth($0.label) }.max() ?? 0) + 3
        for line in screen.readBack {
            rows.field(line.label, line.value, labelWidth: labelWidth, indent: 2,
                       style: line.label == "Amount" ? .strong : .plain, into: &buffer)
        }
        if let warning = screen.paidTodayWarning {
            rows.paragraph(warning, style: .warning, maxLines: 2, into: &buffer)
        }
        rows.skip()
        rows.paragraph(screen.question, style: .strong, maxLines: 2, into: &buffer)
        rows.line("y pays · n or Esc goes back (Enter never pays)", style: .faint, into: &buffer)
        if let notice = screen.notice {
            // Last on the screen: it may use every row left.
            rows.paragraph(notice, style: .info, into: &buffer)
        }
    }
}
