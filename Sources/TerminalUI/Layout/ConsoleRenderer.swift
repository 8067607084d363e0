import ConsoleCore

/// Draws a console state at a terminal size: one pure function, so every screen is
/// tested as text at fixed sizes and the terminal backend only copies cells.
public enum ConsoleRenderer {
    public static func render(_ state: ConsoleState, size: TerminalSize) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        guard size.showsScreens else {
            TooSmallView.draw(size: size, into: &buffer)
            return buffer
        }
        Chrome.header(state.header, into: &buffer)
        Chrome.title(state.isHelpShown ? "Help: \(state.screen.title)" : state.screen.title, into: &buffer)
        // The status line takes the rows its message needs; the screen gets the rest.
        let statusRows = Chrome.status(state.statusMessage, notices: state.notices.shown, into: &buffer)
        let body = BodyArea(size: size, statusRows: statusRows)
        if state.isHelpShown {
            HelpView.draw(helpBindings(for: state), body: body, into: &buffer)
        } else {
            switch state.screen {
            case .usernameEntry(let screen): UsernameEntryView.draw(screen, recent: state.recentUsernames, body: body, into: &buffer)
            case .loading(let screen): LoadingView.draw(screen, body: body, into: &buffer)
            case .account(let screen): AccountView.draw(screen, header: state.header, body: body, into: &buffer)
            case .confirmation(let screen): ConfirmationView.draw(screen, body: body, into: &buffer)
            case .sending(let screen): SendingView.draw(screen, body: body, into: &buffer)
            case .outcome(let screen): OutcomeView.draw(screen, calendar: state.calendar, body: body, into: &buffer)
            case .heldPayments(let screen): HeldPaymentsView.draw(screen, now: state.now, body: body, into: &buffer)
            case .shiftOpen(let screen): ShiftOpenView.draw(screen, counter: state.header.counter, calendar: state.calendar, body: body, into: &buffer)
            case .shiftReport(let screen): ShiftReportView.draw(screen, size: size, body: body, into: &buffer)
            case .shiftClose(let screen): ShiftCloseView.draw(screen, calendar: state.calendar, body: body, into: &buffer)
            case .drawer(let screen): DrawerView.draw(screen, body: body, into: &buffer)
            }
        }
        Chrome.footer(footerHints(for: state), into: &buffer)
        return buffer
    }
}
