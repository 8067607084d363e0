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
/// refuses one paid after the journal's position at the lookup, in the same journal
/// transaction that writes the intent. The position, not the lookup's time: the other
/// counter's clock may be minutes behind this one's.
struct DeskPayment: Sendable {
    let desk: PaymentDesk
    let calendar: CounterCalendar
    let clock: @Sendable () -> Date
    let looked: LookupPositions

    func pay(_ order: PaymentOrder) async -> ConsoleCore.PaymentOutcome {
        // An order always follows its customer's lookup; the time is a fallback only.
        let unseen = looked.position(for: order.account.username).map(UnseenPayments.paidAfter) ?? .createdSince(order.lookedUpAt)
        let outcome = await desk.pay(
            account: order.account, plan: order.plan, counter: order.counter, operator: order.operatorName, unseen: unseen)
        if case .needsSecondConfirmation(let paid) = outcome {
            return .notTaken(DeskOutcomes.paidAgain(
                paid, heading: "This customer was paid since you looked them up", calendar: calendar, now: clock()))
        }
        return DeskOutcomes.consoleOutcome(outcome, calendar: calendar, now: clock())
    }
}
