import ArrownetDomain
import ConsoleCore
import Foundation
import KhaltiClient
import LiveConsole
import PaymentDesk
import PaymentJournal

/// Errors and payment outcomes exactly as the live console produces them: through
/// LiveConsole's own mappings (`ConsoleError(khalti:username:)`, `ConsoleError(journal:)`,
/// `DeskOutcomes`) and with the payment desk's sentences (`PaymentSentences`). Tests and
/// golden screens use these, so they show only what a clerk can see.
extension ConsoleSamples {
    // MARK: Errors

    /// Khalti answered `code` (no words of its own), as the console shows it.
    public static func refusal(_ code: KhaltiErrorCode, username: Username? = nil) -> ConsoleError {
        ConsoleError(khalti: .refused(ServiceRefusal(code: code.code, message: nil, details: nil)), username: username)
    }

    /// Khalti's 4000 to a details call, as the sandbox answers it: no such customer.
    public static func unknownCustomer(_ name: String) -> ConsoleError {
        ConsoleError(
            khalti: .refused(ServiceRefusal(code: KhaltiErrorCode.clientError.code, message: "Can't fulfill request", details: "Username not found")),
            username: username(name))
    }

    /// The journal refusing to close a shift while a payment of it is on its way, as the console shows it.
    public static func paymentsOnTheirWay(_ references: [String]) -> ConsoleError {
        ConsoleError(journal: .paymentsOnTheirWay(references.map { try! PaymentReference($0) }))
    }

    /// A Khalti error without an error code (timeouts, 5xx pages, no connection).
    public static func khaltiFailure(_ error: KhaltiError) -> ConsoleError {
        ConsoleError(khalti: error)
    }

    // MARK: Payment outcomes, as the payment desk reports them

    /// Answered when the desk reported; the `now` the mapping words times against.
    public static func outcome(_ desk: DeskOutcome, at now: Date = morning) -> ConsoleCore.PaymentOutcome {
        DeskOutcomes.consoleOutcome(desk, calendar: calendar, now: now)
    }

    public static func paid(_ payment: PaymentSummary) -> ConsoleCore.PaymentOutcome {
        outcome(.paid(payment))
    }

    /// Held, with the desk's sentence for `reason`; `refusal` is the code a refusal
    /// that may still have gone through carried (HTTP 400), as the desk words it.
    public static func held(_ payment: PaymentSummary, _ reason: HoldReason, refusal: KhaltiErrorCode? = nil) -> ConsoleCore.PaymentOutcome {
        outcome(.held(payment, reason: PaymentSentences.held(reason, refusalMeaning: refusal?.meaning)))
    }

    public static func notPaid(_ payment: PaymentSummary, _ reason: NotPaidReason) -> ConsoleCore.PaymentOutcome {
        outcome(.notPaid(payment, reason: PaymentSentences.notPaid(reason)))
    }

    /// The counter's shift was closed (at another terminal) before the intent was written.
    public static func noOpenShift(counter: String) -> ConsoleCore.PaymentOutcome {
        outcome(.noOpenShift(counter: counter))
    }

    /// The journal could not write the intent: the desk sent nothing.
    public static func journalFailed(_ problem: String = "disk I/O error") -> ConsoleCore.PaymentOutcome {
        outcome(.notSent(JournalError.writeFailed(problem).description))
    }
}
