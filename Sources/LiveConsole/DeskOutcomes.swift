import ArrownetDomain
import ConsoleCore
import Foundation

/// The payment desk's outcomes as ConsoleCore shows them.
///
/// Recorded payments keep the desk's own sentence and the journal's state
/// (`.journaled`): the desk judged Khalti's answer and wrote it, and the clerk must
/// see what the journal holds. Everything the desk refused before writing becomes
/// `.notTaken`, which tells the clerk to give back any cash taken for it.
///
/// Public so the console's tests build their outcomes through this one mapping.
public enum DeskOutcomes {
    public static func consoleOutcome(_ outcome: DeskOutcome, calendar: CounterCalendar, now: Date) -> ConsoleCore.PaymentOutcome {
        switch outcome {
        case .paid(let payment):
            .journaled(payment, reason: PaymentSentences.paid)
        case .held(let payment, let reason), .notPaid(let payment, let reason):
            .journaled(payment, reason: reason)
        case .blockedByOpenPayment(let open):
            // Another counter started one after this clerk looked the customer up.
            .notTaken(ConsoleError(
                kind: .requestRejected,
                reason: AccountScreen.openPaymentSentence(open, calendar: calendar, now: now) + " No new payment was started.",
                nextStep: "Settle it first: F5 lists held payments, l looks them up now."))
        case .needsSecondConfirmation(let paidToday):
            .notTaken(paidAgain(paidToday, heading: "This customer was already paid today", calendar: calendar, now: now))
        case .refused(let reason):
            // The desk's refusals say what to do ("look the customer up again", "pay when the plan ends").
            .notTaken(ConsoleError(kind: .requestRejected, reason: reason, nextStep: ""))
        case .noOpenShift(let counter):
            // Another terminal closed the shift: the console asks for a new one.
            .noOpenShift(counter: counter)
        case .notSent(let reason):
            // Only the journal stops a payment before it leaves.
            .notTaken(ConsoleError(
                kind: .unavailable, reason: reason, nextStep: "Call support: no payment can be taken until the journal can be used."))
        }
    }

    /// Payments the clerk did not see on the account screen, and the way to see them.
    static func paidAgain(_ payments: [PaymentSummary], heading: String, calendar: CounterCalendar, now: Date) -> ConsoleError {
        let list = payments.map {
            "\($0.amount.formatted) for \($0.duration.label) at \(ClerkDates.timeOrDayAndTime($0.updatedAt, relativeTo: now, in: calendar)) "
                + "(\($0.counter), \($0.operatorName))"
        }.joined(separator: "; ")
        return ConsoleError(
            kind: .requestRejected, reason: "\(heading): \(list).",
            nextStep: "Look the customer up again, and pay again only if the customer means to.")
    }
}
