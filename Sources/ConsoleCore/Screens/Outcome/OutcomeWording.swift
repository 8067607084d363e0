import ArrownetDomain
import Foundation

/// Turns what the payment desk reports into the result screen: the desk's own reason
/// (`PaymentSentences`, the words the journal keeps), and what the clerk does about the cash.
public enum OutcomeWording {
    public static func screen(
        for outcome: PaymentOutcome, order: PaymentOrder, environment: KhaltiEnvironment,
        calendar: CounterCalendar, now: Date
    ) -> OutcomeScreen {
        switch outcome {
        case .notTaken(let error):
            return OutcomeScreen(
                result: .notTaken, order: order, payment: nil, headline: "NOT SENT", reason: error.reason,
                nextStep: ["Nothing was sent: give back any cash taken for it.", error.nextStep].filter { !$0.isEmpty }
                    .joined(separator: " ")
            )
        case .noOpenShift(let counter):
            // The console shows the shift-open screen instead (`SendingReducer.noShift`).
            return OutcomeScreen(
                result: .notTaken, order: order, payment: nil, headline: "NOT SENT",
                reason: "No shift is open at \(counter).",
                nextStep: "Nothing was sent: give back any cash taken for it. Open a shift to take payments.")
        case .journaled(let payment, let reason):
            // The journal's state decides: it is what reconciliation and support will see.
            switch payment.state {
            case .paid:
                return OutcomeScreen(
                    result: .paid, order: order, payment: payment, headline: PaymentState.paid.label, reason: reason,
                    nextStep: PaymentState.paid.cashInstruction,
                    receipt: Receipt(payment: payment, newExpiry: order.newExpiry, environment: environment)
                )
            case .held, .sending, .prepared:
                let checkAt = payment.nextLookupAt
                    ?? now.addingTimeInterval(TimeInterval(PaymentPolicy.lookupDelayAfterSilenceSeconds))
                return held(payment, order: order, reason: reason, checkAt: checkAt, calendar: calendar, now: now)
            case .notPaid, .notReceived, .abandoned:
                return OutcomeScreen(
                    result: .notPaid, order: order, payment: payment, headline: payment.state.label, reason: reason,
                    nextStep: payment.state.cashInstruction
                )
            }
        }
    }

    private static func held(
        _ payment: PaymentSummary, order: PaymentOrder, reason: String, checkAt: Date, calendar: CounterCalendar, now: Date
    ) -> OutcomeScreen {
        let when = ClerkDates.timeOrDayAndTime(checkAt, relativeTo: now, in: calendar)
        return OutcomeScreen(
            result: .held, order: order, payment: payment, headline: PaymentState.held.label, reason: reason,
            nextStep: "Keep the cash aside and do not take this payment again: it will be looked up at \(when). "
                + "F5 lists held payments.",
            tellCustomer: "Your payment is waiting for Khalti's confirmation. We will check it at \(when); "
                + "please do not pay again. You will get a receipt, or your money back if it did not go through.",
            checkAt: checkAt
        )
    }
}
