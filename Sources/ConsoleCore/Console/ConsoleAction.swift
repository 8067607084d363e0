import ArrownetDomain
import Foundation

/// Everything that can happen to the console: keys, the terminal's size, signals,
/// clock ticks and the answers to effects. Times come in the actions (a key's is the
/// time it was read), never from a clock inside `reduce`.
///
/// An event from outside the screen (a background task, say) is one more case here,
/// handled in `reduce`; a task the runtime runs sends it like any answer.
public enum ConsoleAction: Hashable, Sendable {
    /// The console opened.
    case started(at: Date)
    /// A key, with the time the terminal read it (the confirm guard depends on it).
    case key(Key, at: Date)
    /// The terminal's size, at start and after every change, with the time it was read.
    case resized(TerminalSize, at: Date)
    /// The process was asked to end (SIGINT, SIGQUIT, SIGTERM, SIGHUP): quit as Ctrl-C does.
    case signal(TerminationSignal)
    /// About once a second while the screen shows time passing (`showsTimePassing`).
    case tick(Date)
    case accountLoaded(FetchID, Result<AccountLookup, ConsoleError>)
    case paymentFinished(PaymentOutcome, at: Date)
    case heldPaymentsLoaded(Result<[PaymentSummary], ConsoleError>)
    /// `l` on the held list: what Khalti said, and what waits for its five minutes.
    case heldPaymentsLookedUp(Result<HeldLookupResult, ConsoleError>)
    /// The background lookup of held payments that were due: what settled, and the
    /// held payments now. Comes from outside the screen (`ConsoleDriver.follow`).
    case heldPaymentsReconciled(HeldReconciliation)
    /// Where the receipt of a payment a lookup settled paid went, or why it did not.
    case settledReceiptPrinted(PaymentReference, Result<String, ConsoleError>)
    case balanceLoaded(Result<Money, ConsoleError>)
    /// The printer's note (where the receipt went), or why it failed.
    case receiptPrinted(Result<String, ConsoleError>)
    /// The counter's open shift, or nil when none is open.
    case shiftLoaded(Result<ShiftReport.ShiftInfo?, ConsoleError>)
    /// How far this counter's clock is from the journal's (seconds ahead), nil when not
    /// measured: told once by the runtime when the journal is open (`ClockComparison`).
    case clockCompared(TimeInterval?)
    case shiftOpened(Result<ShiftOpenAnswer, ConsoleError>)
    /// The open shift's X report.
    case shiftReportLoaded(Result<ShiftReport, ConsoleError>)
    case shiftClosed(ShiftCloseAnswer)
    /// The drawer opened (the printer's note), or why it did not.
    case drawerOpened(DrawerReason, Result<String, ConsoleError>)
    /// Where a shift report went (printer, command or file), or why it did not.
    case shiftReportPrinted(Result<String, ConsoleError>)
}

/// The signals that ask the console to end. Each quits the way Ctrl-C does: at once,
/// or once a payment on its way is answered and recorded.
public enum TerminationSignal: Hashable, Sendable {
    /// SIGINT (`kill -INT`; in raw mode the terminal sends Ctrl-C as a key instead).
    case interrupt
    /// SIGQUIT (`kill -QUIT`, or Ctrl-\ outside raw mode): treated as a quit, never a dump.
    case quit
    /// SIGTERM: a shutdown.
    case terminate
    /// SIGHUP: the terminal window was closed.
    case hangUp
}
