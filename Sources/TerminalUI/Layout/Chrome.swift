import ConsoleCore

/// The parts every screen shares: the header with the environment, the title, the
/// status line and the key-hint footer.
enum Chrome {
    /// Rows the chrome takes above the body: header and title. Below it come the status
    /// message (one row, more when it needs them) and the footer.
    static let topRows = 2

    static func header(_ header: HeaderInfo, into buffer: inout ScreenBuffer) {
        let width = buffer.size.width
        buffer.fill(y: 0, style: .title)
        let environment = header.environment
        let banner = environment.isRealMoney ? " \(environment.label): real money " : " \(environment.label): no real money "
        var x = buffer.write(banner, x: 0, y: 0, style: .environment(live: environment.isRealMoney))
        // Payments are taken in the open shift's operator's name; without a shift, none are.
        let who = header.hasNoShift ? "no shift open" : header.operatorName
        x += buffer.write(" \(header.counter) · \(who)", x: x, y: 0, style: .title)
        // The most that fits of: balance and held count, balance amount and held count, held count.
        let held = "Held \(header.heldCount)"
        var choices = [held]
        if let balance = header.balance, header.isBalanceLow {
            // Said in words, not colour alone: a monochrome terminal shows it too.
            choices = ["LOW balance \(balance.formatted) · \(held)", "LOW \(balance.formatted) · \(held)", "LOW · \(held)", held]
        } else if let balance = header.balance {
            choices = ["Balance \(balance.formatted) · \(held)", "\(balance.formatted) · \(held)", held]
        } else if header.balanceProblem != nil {
            choices = ["Balance unknown · \(held)", held]
        }
        if let clock = header.clockWarning {
            // Said first, in words: the times this counter writes are off by that much.
            choices = choices.map { "\(clock) · \($0)" } + choices
        }
        let warns = header.heldCount > 0 || header.isBalanceLow || header.clockWarning != nil
        let heldStyle = warns ? Style(foreground: header.isBalanceLow ? .red : .yellow, bold: true, reverse: true) : Style.title
        if let right = choices.first(where: { x + 2 + displayWidth($0) + 1 <= width }) {
            buffer.writeRightAligned(right + " ", right: width, y: 0, style: heldStyle)
        }
    }

    static func title(_ text: String, into buffer: inout ScreenBuffer) {
        buffer.write(text, x: 1, y: 1, style: Style(bold: true, underline: true))
    }

    /// The status message above the footer, wrapped onto as many rows as it needs (up
    /// to `maxStatusRows`), so a receipt's path is shown whole; above it the notices of
    /// what happened off-screen, one row each (up to `maxNoticeRows`). Returns the rows taken.
    @discardableResult
    static func status(_ message: String?, notices: [Notice] = [], into buffer: inout ScreenBuffer) -> Int {
        guard buffer.size.height >= 2 else { return 0 }
        let width = buffer.size.width - 2
        var lines: [(String, Style)] = []
        var shown = notices.suffix(maxNoticeRows).map { (truncated($0.text, toColumns: width), style(of: $0.tone)) }
        if notices.count > maxNoticeRows {
            // The newest stay; the oldest row says how many more there are and where they are.
            shown[0] = ("… and \(notices.count - maxNoticeRows + 1) more: F5 lists held payments", .info)
        }
        lines += shown
        if let message {
            var status = wrapped(message, toColumns: width)
            if status.count > maxStatusRows {
                status = Array(status.prefix(maxStatusRows))
                status[maxStatusRows - 1] = truncated(status[maxStatusRows - 1] + " …", toColumns: width)
            }
            lines += status.map { ($0, Style.info) }
        }
        let top = buffer.size.height - 1 - lines.count
        for (index, line) in lines.enumerated() {
            buffer.write(line.0, x: 1, y: top + index, style: line.1)
        }
        return lines.count
    }

    static let maxStatusRows = 3
    static let maxNoticeRows = 3

    static func style(of tone: Notice.Tone) -> Style {
        switch tone {
        case .good: .good
        case .bad: .bad
        case .warning: .warning
        }
    }

    /// `Enter look up  Esc back  F1 help`: labels reversed, as many as fit, in order; one
    /// too long for the room left is skipped so a shorter one after it (F1 help) still shows.
    static func footer(_ hints: [KeyHint], into buffer: inout ScreenBuffer) {
        let y = buffer.size.height - 1
        guard y >= 0 else { return }
        var x = 0
        for hint in hints {
            let needed = displayWidth(hint.label) + 1 + displayWidth(hint.hint) + 2
            if x + needed > buffer.size.width { continue }
            x += buffer.write(hint.label, x: x, y: y, style: .highlight)
            x += buffer.write(" " + hint.hint + "  ", x: x, y: y, style: .plain)
        }
    }
}
