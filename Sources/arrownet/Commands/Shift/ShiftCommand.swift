import ArgumentParser

/// `arrownet shift ...`: the till's day. Open a shift with the cash in the drawer, take
/// payments, put cash in or take it out, read the X report, count and close with the Z
/// report (README "Shifts and the cash drawer").
struct ShiftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shift",
        abstract: "Open, report on and close this counter's shift, and record cash put in or taken out.",
        discussion: """
            Payments need an open shift. Amounts are rupees as typed: 5000, 5,000.50, 5000.5. \
            Exit codes: 0 done; 12 no open shift; 13 a shift is open already; 14 a payment of the shift is \
            on its way (close it once it is answered); 11 journal unusable; 64 usage error.
            """,
        subcommands: [
            ShiftOpenCommand.self, ShiftReportCommand.self, ShiftCloseCommand.self, ShiftCashCommand.self, ShiftListCommand.self,
        ]
    )
}
