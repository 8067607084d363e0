import ConsoleCore

enum SendingView {
    static func draw(_ screen: SendingScreen, body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        let order = screen.order
        rows.line("\(Widgets.spinner(screen.elapsedSeconds)) Sending \(order.plan.amount.formatted) for \(order.username.value) "
            + "(\(order.plan.duration.label))… \(screen.elapsedSeconds) s", style: .strong, into: &buffer)
        rows.skip()
        rows.paragraph("The payment is recorded in the journal and on its way to Khalti. Keep the cash until the result shows; "
            + "it is never sent twice.", into: &buffer)
        if screen.quitsWhenRecorded {
            rows.skip()
            rows.paragraph("Quitting: the console will quit once Khalti's answer is recorded.", style: .warning, into: &buffer)
        }
    }
}
