import ConsoleCore

enum LoadingView {
    static func draw(_ screen: LoadingScreen, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        rows.line("\(Widgets.spinner(screen.elapsedSeconds)) Looking up \(screen.username.value) with Khalti… \(screen.elapsedSeconds) s",
                  style: .strong, into: &buffer)
        rows.skip()
        if screen.isSlow {
            rows.paragraph("Khalti is slow to answer. Esc goes back; nothing is paid by a lookup.", style: .warning, into: &buffer)
        } else {
            rows.line("Esc goes back.", style: .faint, into: &buffer)
        }
    }
}
