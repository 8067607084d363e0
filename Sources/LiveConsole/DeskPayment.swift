import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentDesk
import PaymentJournal

/// One confirmed order through the payment desk.
///
/// The desk asks for a second confirmation when the customer was paid today. The
/// console's confirmation already is that second one when the clerk saw the payment:
/// the account and confirmation screens show "already paid today". What the clerk
/// cannot have seen is a payment made after the lookup (at another counter), so that
/// is checked here, with the order's lookup time, and stops the payment.
struct DeskPayment: Sendable {
    let desk: PaymentDesk
    let calendar: CounterCalendar
    let clock: @Sendable () -> Date

    func pay(_ order: PaymentOrder) async -> ConsoleCore.PaymentOutcome {
        let paidSince: [PaymentSummary]
        do {
            paidSince = try await desk.journal.paidPayments(for: order.username, in: desk.khaltiEnvironment, since: order.lookedUpAt)
                .map(\.summary)
        } catch {
            return .notTaken(ConsoleError(journal: error))
        }
        if !paidSince.isEmpty {
            return .notTaken(DeskOutcomes.paidAgain(
                paidSince, heading: "This customer was paid since you looked them up", calendar: calendar, now: clock()))
        }
        // Every payment the journal had when the clerk looked the customer up was on the
        // account screen, so confirming there was the second confirmation the desk asks for.
        let outcome = await desk.pay(
            account: order.account, plan: order.plan, counter: order.counter, operator: order.operatorName,
            confirmDuplicateToday: true)
        return DeskOutcomes.consoleOutcome(outcome, calendar: calendar, now: clock())
    }
}
