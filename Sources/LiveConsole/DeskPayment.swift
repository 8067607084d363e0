import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentDesk
import PaymentJournal

/// One confirmed order through the payment desk.
///
/// The console's confirmation is the clerk's second "yes" for a customer already paid
/// today: the account and confirmation screens show "already paid today". What the clerk
/// cannot have seen is a payment made after the lookup (at another counter), so the desk
/// refuses one paid since the order's lookup time, in the same journal transaction that
/// writes the intent.
struct DeskPayment: Sendable {
    let desk: PaymentDesk
    let calendar: CounterCalendar
    let clock: @Sendable () -> Date

    func pay(_ order: PaymentOrder) async -> ConsoleCore.PaymentOutcome {
        let outcome = await desk.pay(
            account: order.account, plan: order.plan, counter: order.counter, operator: order.operatorName,
            unseenSince: order.lookedUpAt)
        if case .needsSecondConfirmation(let paid) = outcome {
            return .notTaken(DeskOutcomes.paidAgain(
                paid, heading: "This customer was paid since you looked them up", calendar: calendar, now: clock()))
        }
        return DeskOutcomes.consoleOutcome(outcome, calendar: calendar, now: clock())
    }
}
