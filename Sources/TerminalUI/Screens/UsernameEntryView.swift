import ArrownetDomain
import ConsoleCore

enum UsernameEntryView {
    static func draw(_ screen: UsernameEntryScreen, recent: [Username], body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        rows.line("Customer's Arrownet username:", into: &buffer)
        let fieldWidth = min(Username.maximumLength + 2, body.width)
        let cursorX = Widgets.textField(
            screen.text, cursorColumn: screen.cursorColumn, isSelected: screen.isSelected, x: body.x, y: rows.y,
            width: fieldWidth, into: &buffer)
        buffer.cursor = Point(x: cursorX, y: rows.y)
        rows.skip()
        if let problem = screen.problem {
            rows.paragraph(problem, style: .warning, maxLines: 2, into: &buffer)
        }
        if let error = screen.lookupError {
            rows.paragraph(error.reason, style: .bad, maxLines: 3, into: &buffer)
            rows.paragraph(error.nextStep, style: .strong, maxLines: 2, into: &buffer)
        }
        guard !recent.isEmpty else { return }
        rows.skip()
        let names = recent.map(\.value)
        var text = "Recent (Up/Down): " + names.joined(separator: "  ")
        if let index = screen.recentIndex, names.indices.contains(index) {
            text = "Recent \(index + 1) of \(names.count) (Up/Down): " + names.joined(separator: "  ")
        }
        rows.line(truncated(text, toColumns: body.width), style: .faint, into: &buffer)
    }
}
