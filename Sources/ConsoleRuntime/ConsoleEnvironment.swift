import ArrownetDomain
import ConsoleCore
import Foundation

/// Everything the console needs from the world, as closures: Khalti, the payment
/// journal, the printer, the terminal and the clock.
///
/// The live form is `LiveConsoleEnvironment.make` (target LiveConsole): Khalti's
/// client, the payment desk and its journal, and the receipt printer, with their
/// errors turned into `ConsoleError`; the executable adds the terminal's `flushinp`.
/// Tests build one from fakes, starting from `unconfigured` and replacing what they use.
public struct ConsoleEnvironment: Sendable {
    /// The clock: stamps keys and ticks.
    public var now: @Sendable () -> Date
    /// Khalti's details call.
    public var fetchAccount: @Sendable (Username) async throws(ConsoleError) -> Account
    /// The journal's payments for this customer (recent ones suffice: today's and open ones matter).
    public var customerPayments: @Sendable (Username) async throws(ConsoleError) -> [PaymentSummary]
    /// The single payment path (write intent, send, record). Never throws: whatever
    /// happens is an outcome. Never cancelled by the console.
    public var pay: @Sendable (PaymentOrder) async -> PaymentOutcome
    /// The journal's open payments, and those settled recently enough to show.
    public var heldPayments: @Sendable () async throws(ConsoleError) -> [PaymentSummary]
    /// "Look up now": every held payment past Khalti's five minutes, whatever its
    /// backoff; answers what was found and when the others will be looked up.
    public var lookUpHeld: @Sendable ([PaymentReference]) async throws(ConsoleError) -> HeldLookupResult
    /// When the earliest held payment's next lookup is due (nil: none waits for one),
    /// for the background lookups (`HeldPaymentWatch`).
    public var nextHeldLookup: @Sendable () async -> Date?
    /// Looks up the held payments that are due, as the journal's schedule says, and
    /// records what Khalti says; nil when the journal could not be used.
    public var reconcileDue: @Sendable () async -> HeldReconciliation?
    /// The counter's Khalti balance.
    public var balance: @Sendable () async throws(ConsoleError) -> Money
    /// Prints or saves a receipt (text from `ReceiptLayout`); answers a note for the
    /// clerk, such as the path it was saved to. With `true` (a payment just paid) the
    /// cash drawer opens in the same job where one is set up, and the opening is noted.
    public var printReceipt: @Sendable (Receipt, Bool) async throws(ConsoleError) -> String
    /// Opens the cash drawer and notes why in the journal (in the name of the operator
    /// given); answers the printer's note.
    public var openDrawer: @Sendable (DrawerReason, String) async throws(ConsoleError) -> String
    /// The counter's open shift, nil when none is open.
    public var currentShift: @Sendable () async throws(ConsoleError) -> ShiftReport.ShiftInfo?
    /// Opens a shift at this counter: the operator and the opening float.
    public var openShift: @Sendable (String, Money) async throws(ConsoleError) -> ShiftOpenAnswer
    /// The X report of the shift with this id, made now.
    public var shiftReport: @Sendable (Int64) async throws(ConsoleError) -> ShiftReport
    /// Counts the drawer and closes the counter's shift (the counted cash, a note).
    public var closeShift: @Sendable (Money, String?) async -> ShiftCloseAnswer
    /// Prints or saves a shift report through the receipt printer path; answers where it went.
    public var printShiftReport: @Sendable (ShiftReport) async throws(ConsoleError) -> String
    /// Drops keys typed but not yet read (ncurses `flushinp`).
    public var discardTypeahead: @Sendable () -> Void
    /// Waits between progress ticks; tests make time pass by hand.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Seconds this counter's clock is ahead of the journal's, nil when it cannot be
    /// measured; none by default (test environments set it when they use it).
    public var clockDrift: @Sendable () async -> TimeInterval? = { nil }

    public init(
        now: @escaping @Sendable () -> Date,
        fetchAccount: @escaping @Sendable (Username) async throws(ConsoleError) -> Account,
        customerPayments: @escaping @Sendable (Username) async throws(ConsoleError) -> [PaymentSummary],
        pay: @escaping @Sendable (PaymentOrder) async -> PaymentOutcome,
        heldPayments: @escaping @Sendable () async throws(ConsoleError) -> [PaymentSummary],
        lookUpHeld: @escaping @Sendable ([PaymentReference]) async throws(ConsoleError) -> HeldLookupResult,
        nextHeldLookup: @escaping @Sendable () async -> Date?,
        reconcileDue: @escaping @Sendable () async -> HeldReconciliation?,
        balance: @escaping @Sendable () async throws(ConsoleError) -> Money,
        printReceipt: @escaping @Sendable (Receipt, Bool) async throws(ConsoleError) -> String,
        openDrawer: @escaping @Sendable (DrawerReason, String) async throws(ConsoleError) -> String,
        currentShift: @escaping @Sendable () async throws(ConsoleError) -> ShiftReport.ShiftInfo?,
        openShift: @escaping @Sendable (String, Money) async throws(ConsoleError) -> ShiftOpenAnswer,
        shiftReport: @escaping @Sendable (Int64) async throws(ConsoleError) -> ShiftReport,
        closeShift: @escaping @Sendable (Money, String?) async -> ShiftCloseAnswer,
        printShiftReport: @escaping @Sendable (ShiftReport) async throws(ConsoleError) -> String,
        discardTypeahead: @escaping @Sendable () -> Void,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.now = now
        self.fetchAccount = fetchAccount
        self.customerPayments = customerPayments
        self.pay = pay
        self.heldPayments = heldPayments
        self.lookUpHeld = lookUpHeld
        self.nextHeldLookup = nextHeldLookup
        self.reconcileDue = reconcileDue
        self.balance = balance
        self.printReceipt = printReceipt
        self.openDrawer = openDrawer
        self.currentShift = currentShift
        self.openShift = openShift
        self.shiftReport = shiftReport
        self.closeShift = closeShift
        self.printShiftReport = printShiftReport
        self.discardTypeahead = discardTypeahead
        self.sleep = sleep
    }

    /// Every call fails with a "not configured" error, payments are not taken, and
    /// ticks wait forever: the start for test environments, which set what they use.
    public static func unconfigured(now: @escaping @Sendable () -> Date) -> ConsoleEnvironment {
        let missing = ConsoleError(kind: .unavailable, reason: "This console is not configured for that.", nextStep: "Call support.")
        return ConsoleEnvironment(
            now: now,
            fetchAccount: { _ throws(ConsoleError) in throw missing },
            customerPayments: { _ throws(ConsoleError) in throw missing },
            pay: { _ in .notTaken(missing) },
            heldPayments: { () throws(ConsoleError) in throw missing },
            lookUpHeld: { _ throws(ConsoleError) in throw missing },
            nextHeldLookup: { nil },
            reconcileDue: { nil },
            balance: { () throws(ConsoleError) in throw missing },
            printReceipt: { _, _ throws(ConsoleError) in throw missing },
            openDrawer: { _, _ throws(ConsoleError) in throw missing },
            currentShift: { () throws(ConsoleError) in throw missing },
            openShift: { _, _ throws(ConsoleError) in throw missing },
            shiftReport: { _ throws(ConsoleError) in throw missing },
            closeShift: { _, _ in .refused(missing) },
            printShiftReport: { _ throws(ConsoleError) in throw missing },
            discardTypeahead: {},
            sleep: { _ in try await Task.sleep(for: .seconds(365 * 24 * 3600)) }
        )
    }
}
