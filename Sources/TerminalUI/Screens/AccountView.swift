import ArrownetDomain
import ConsoleCore

/// Account details and plan choice on one screen.
enum AccountView {
    static func draw(_ screen: AccountScreen, header: HeaderInfo, body: BodyArea, into buffer: inout ScreenBuffer) {
        // Both calendars' dates are wide: the labels keep to 16 columns so 60 columns hold them.
        var rows = RowWriter(body)
        let account = screen.account
        rows.line("\(account.fullName) (\(account.username.value))", style: .strong, into: &buffer)
        let labelWidth = 16
        rows.field("Current plan", account.currentPlan, labelWidth: labelWidth, into: &buffer)
        rows.wrappedField("Days remaining", screen.daysRemainingText, labelWidth: labelWidth, into: &buffer)
        rows.field("Due / advance", (account.hasDue ? "DUE now" : "Nothing due") + " · advance payment "
            + (account.acceptsAdvancePayment ? "accepted" : "NOT accepted"), labelWidth: labelWidth,
            style: account.hasDue ? .warning : .plain, into: &buffer)
        // Small terminals get each warning on one line; larger ones get it whole.
        let roomy = body.rows >= 14
        if let warning = screen.paidTodayWarning {
            rows.paragraph(warning, style: .warning, maxLines: roomy ? 3 : 1, into: &buffer)
        }
        if let warning = screen.openPaymentWarning, screen.refusal == nil {
            rows.paragraph(warning, style: .bad, maxLines: roomy ? 3 : 1, into: &buffer)
        }
        if roomy { rows.skip() }
        drawPlans(screen, header: header, rows: &rows, into: &buffer)
        if let balance = header.balance, screen.refusal == nil, screen.plans.contains(where: { header.exceedsBalance($0.plan.amount) }) {
            rows.paragraph(
                "! costs more than the counter's Khalti balance (\(balance.formatted)): Khalti will refuse it. Top up before taking the cash.",
                style: .warning, maxLines: roomy ? 2 : 1, into: &buffer)
        }
        // The table's "Runs to" is AD (and the first column to go when narrow): the
        // highlighted plan's new expiry, in both calendars, is read back from here.
        if let expiry = screen.newExpiryText {
            rows.wrappedField("New expiry", expiry, labelWidth: labelWidth, into: &buffer)
        }
        if let refusal = screen.refusal {
            // The rows left, but one for the notice below.
            rows.paragraph("Cannot take a payment: \(refusal)", style: .bad,
                           maxLines: max(1, rows.remaining - (screen.notice == nil ? 0 : 1)), into: &buffer)
        }
        if let notice = screen.notice {
            rows.paragraph(notice, style: .info, maxLines: 1, into: &buffer)
        }
    }

    private static func drawPlans(_ screen: AccountScreen, header info: HeaderInfo, rows: inout RowWriter, into buffer: inout ScreenBuffer) {
        guard !screen.plans.isEmpty else {
            rows.line("No plans offered.", style: .bad, into: &buffer)
            return
        }
        let calendar = screen.calendar
        var header = ["Key", "Plan", "Amount", "Per month", "Saving", "Runs to"]
        var cells = screen.plans.map { choice in
            // "!" before an amount the balance cannot cover, explained under the table.
            [String(choice.key), choice.plan.duration.label,
             (info.exceedsBalance(choice.plan.amount) ? "!" : "") + choice.plan.amount.formatted, choice.pricePerMonth.formatted,
             choice.saving.map(\.formatted) ?? "-", ClerkDates.day(choice.newExpiry, in: calendar)]
        }
        // Narrow terminals drop the columns a clerk needs least, the expiry first.
        // The table's own width plus its two-column selection gutter.
        while tableWidth([header] + cells) + 2 > rows.body.width, header.count > 3 {
            let drop = header.count == 6 ? 5 : 3
            header.remove(at: drop)
            cells = cells.map { var row = $0; row.remove(at: drop); return row }
        }
        let rightAligned: Set<Int> = Set(header.indices.filter { ["Amount", "Per month", "Saving"].contains(header[$0]) })
        let selectable = screen.refusal == nil
        let used = Widgets.table(
            header: header, rows: cells, rightAligned: rightAligned, selected: selectable ? screen.highlighted : nil,
            x: rows.body.x, y: rows.y, into: &buffer, maxRows: rows.remaining,
            rowStyles: selectable ? nil : Array(repeating: .faint, count: cells.count))
        rows.skip(used)
    }

    private static func tableWidth(_ rows: [[String]]) -> Int {
        guard let columns = rows.first?.count else { return 0 }
        let widths = (0..<columns).map { column in rows.map { displayWidth($0[column]) }.max() ?? 0 }
        return widths.reduce(0, +) + 3 * (columns - 1)
    }
}
