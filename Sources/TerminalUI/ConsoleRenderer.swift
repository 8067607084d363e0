import ConsoleCore

/// Draws a console state at a terminal size: one pure function, so every screen is
/// tested as text at fixed sizes and the terminal backend only copies cells.
public enum ConsoleRenderer {
    /// Below this the screens cannot show a payment honestly (the plan table, the
    /// read-back), so a plain "enlarge the terminal" screen is drawn instead.
    public static let minimumSize = Size(width: 60, height: 16)

    public static func render(_ state: ConsoleState, size: Size) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            TooSmallView.draw(size: size, into: &buffer)
            return buffer
        }
        Chrome.header(state.header, into: &buffer)
        Chrome.title(state.isHelpShown ? "Help: \(state.screen.title)" : state.screen.title, into: &buffer)
        let body = BodyArea(size: size)
        if state.isHelpShown {
            HelpView.draw(helpBindings(for: state), body: body, into: &buffer)
        } else {
            switch state.screen {
            case .usernameEntry(let screen): UsernameEntryView.draw(screen, recent: state.recentUsernames, body: body, into: &buffer)
            case .loading(let screen): LoadingView.draw(screen, body: body, into: &buffer)
            case .account(let screen): AccountView.draw(screen, body: body, into: &buffer)
            case .confirmation(let screen): ConfirmationView.draw(screen, body: body, into: &buffer)
            case .sending(let screen): SendingView.draw(screen, body: body, into: &buffer)
            case .outcome(let screen): OutcomeView.draw(screen, calendar: state.calendar, body: body, into: &buffer)
            case .heldPayments(let screen): HeldPaymentsView.draw(screen, now: state.now, body: body, into: &buffer)
            }
        }
        Chrome.status(state.statusMessage, into: &buffer)
        Chrome.footer(footerHints(for: state), into: &buffer)
        return buffer
    }
}

/// The rows and columns between the chrome, and a cursor that hands out rows so
/// each view writes top to bottom and stops at the bottom edge.
struct BodyArea {
    let x = 2
    let top: Int
    let bottom: Int
    let width: Int

    init(size: Size) {
        top = Chrome.topRows + 1
        bottom = size.height - Chrome.bottomRows - 1
        width = size.width - 4
    }

    var rows: Int { bottom - top + 1 }
}

/// Writes lines downwards from the top of the body, never past its bottom.
struct RowWriter {
    let body: BodyArea
    private(set) var y: Int

    init(_ body: BodyArea) {
        self.body = body
        y = body.top
    }

    var remaining: Int { max(0, body.bottom - y + 1) }

    /// One line, cut with … when it does not fit.
    mutating func line(_ text: String, style: Style = .plain, indent: Int = 0, into buffer: inout ScreenBuffer) {
        guard remaining > 0 else { return }
        buffer.write(truncated(text, toColumns: body.width - indent), x: body.x + indent, y: y, style: style)
        y += 1
    }

    /// Wrapped text, at most `maxLines` rows (the last one cut with …).
    mutating func paragraph(_ text: String, style: Style = .plain, indent: Int = 0, maxLines: Int = .max, into buffer: inout ScreenBuffer) {
        var lines = wrapped(text, toColumns: body.width - indent)
        let limit = min(maxLines, remaining)
        if lines.count > limit, limit > 0 {
            lines = Array(lines.prefix(limit))
            lines[limit - 1] = truncated(lines[limit - 1] + " …", toColumns: body.width - indent)
        }
        for line in lines { self.line(line, style: style, indent: indent, into: &buffer) }
    }

    /// `label   value`: the label faint, the value from `labelWidth` columns on.
    mutating func field(
        _ label: String, _ value: String, labelWidth: Int, indent: Int = 0, style: Style = .plain, into buffer: inout ScreenBuffer
    ) {
        guard remaining > 0 else { return }
        buffer.write(label, x: body.x + indent, y: y, style: .faint)
        buffer.write(value, x: body.x + indent + labelWidth, y: y, style: style, maxWidth: body.width - indent - labelWidth)
        y += 1
    }

    mutating func skip(_ rows: Int = 1) {
        y += rows
    }

    mutating func advance(to row: Int) {
        y = max(y, row)
    }
}
