/// What a key means on a screen. Key bindings map keys to intents; `reduce` acts on
/// intents, so the key map is the single place that says which key does what.
///
/// Each screen has intents of its own, carried out by its own reducer on its own
/// state: a screen's intent cannot be mistaken for another's. What means the same on
/// every screen that binds it (help, the held list, quitting) is a `ConsoleIntent`.
public enum Intent: Hashable, Sendable {
    case console(ConsoleIntent)
    case help(HelpIntent)
    case usernameEntry(UsernameEntryIntent)
    case loading(LoadingIntent)
    case account(AccountIntent)
    case confirmation(ConfirmationIntent)
    case outcome(OutcomeIntent)
    case heldPayments(HeldPaymentsIntent)
    case shiftOpen(ShiftOpenIntent)
    case shiftReport(ShiftReportIntent)
    case shiftClose(ShiftCloseIntent)
    case drawer(DrawerIntent)
}

/// Keys that mean the same wherever they are bound.
public enum ConsoleIntent: Hashable, Sendable {
    case showHelp
    case showHeldPayments
    /// The open shift's X report (and from there, closing it).
    case showShiftReport
    /// Open the cash drawer by hand, with a reason (`drawer = kick`).
    case openDrawer
    /// At once, or once a payment on its way is recorded (see `Quitting`).
    case quit
}

/// Help is drawn over the screen underneath, which keeps its state.
public enum HelpIntent: Hashable, Sendable {
    case close
}
