import ArrownetDomain
import Foundation

/// Turns what the runtime reports about a payment into the outcome screen's
/// sentences. Every verdict of the payment policy has its sentence here.
public enum OutcomeWording {
    public static func screen(
        for outcome: PaymentOutcome, order: PaymentOrder, environment: KhaltiEnvironment,
        calendar: CounterCalendar, now: Date
    ) -> OutcomeScreen {
        switch outcome {
        case .notTaken(let error):
            return OutcomeScreen(
                result: .notTaken, order: order, payment: nil, headline: "NOT SENT", reason: error.reason,
                nextStep: "Nothing was sent: give back any cash taken for it. \(error.nextStep)"
            )
        case .recorded(let payment, .paid, _):
            return paid(payment, order: order, environment: environment)
        case .recorded(let payment, .held(let reason, let delay), let khaltiError):
            return held(
                payment, order: order, reason: withKhaltiWords(holdReason(reason), khaltiError),
                checkAt: payment.nextLookupAt ?? now.addingTimeInterval(TimeInterval(delay)), calendar: calendar, now: now
            )
        case .recorded(let payment, .notPaid(let reason), let khaltiError):
            return notPaid(
                payment, order: order, headline: PaymentState.notPaid.label,
                reason: withKhaltiWords(notPaidReason(reason), khaltiError),
                nextStep: PaymentState.notPaid.cashInstruction + (khaltiError.map { " \($0.nextStep)" } ?? "")
            )
        case .journaled(let payment, let reason):
            // The journal's state decides: it is what reconciliation and support will see.
            switch payment.state {
            case .paid:
                return paid(payment, order: order, environment: environment)
            case .held, .sending, .prepared:
                let checkAt = payment.nextLookupAt
                    ?? now.addingTimeInterval(TimeInterval(PaymentPolicy.lookupDelayAfterSilenceSeconds))
                return held(payment, order: order, reason: reason, checkAt: checkAt, calendar: calendar, now: now)
            case .notPaid, .notReceived, .abandoned:
                return notPaid(
                    payment, order: order, headline: payment.state.label, reason: reason, nextStep: payment.state.cashInstruction
                )
            }
        }
    }

    private static func paid(_ payment: PaymentSummary, order: PaymentOrder, environment: KhaltiEnvironment) -> OutcomeScreen {
        let transaction = payment.transactionID.map { " (Khalti transaction \($0))" } ?? ""
        return OutcomeScreen(
            result: .paid, order: order, payment: payment, headline: PaymentState.paid.label,
            reason: "Khalti confirmed the payment of \(payment.amount.formatted)\(transaction).",
            nextStep: PaymentState.paid.cashInstruction,
            receipt: Receipt(payment: payment, newExpiry: order.newExpiry, environment: environment)
        )
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

    private static func notPaid(
        _ payment: PaymentSummary, order: PaymentOrder, headline: String, reason: String, nextStep: String
    ) -> OutcomeScreen {
        OutcomeScreen(result: .notPaid, order: order, payment: payment, headline: headline, reason: reason, nextStep: nextStep)
    }

    /// Why a payment is held, in words.
    public static func holdReason(_ reason: HoldReason) -> String {
        switch reason {
        case .pending(let state):
            "Khalti is still processing the payment (state \(quoted(state)))."
        case .unknownState(let state):
            "Khalti answered with a state the console does not know (\(quoted(state ?? "none"))), "
                + "so it may or may not have gone through."
        case .rejectedMaybeApplied(let status, let code):
            "Khalti refused the request (HTTP \(status)\(code.map { ", code \(quoted($0))" } ?? "")), "
                + "but it may still have gone through."
        case .serverError(let status):
            "Khalti had a server error (HTTP \(status)); the payment may or may not have gone through."
        case .unreadableAnswer(let status):
            "Khalti's answer (HTTP \(status)) could not be read; the payment may or may not have gone through."
        case .noAnswer:
            "Khalti did not answer in time; the payment may or may not have gone through."
        case .unexpectedStatus(let status):
            "Khalti answered HTTP \(status), which does not say whether the payment went through."
        case .refused:
            PaymentSentences.held(reason)
        }
    }

    /// Why a payment did not go through, in words.
    public static func notPaidReason(_ reason: NotPaidReason) -> String {
        switch reason {
        case .failed(let state):
            "Khalti says the payment failed (state \(quoted(state))); no money moved."
        case .serviceNotFound:
            "Khalti answered that the Arrownet service was not found (HTTP 404); the payment did not go through."
        case .notSent:
            "The payment could not be sent: Khalti could not be reached."
        case .refunded:
            "Khalti refunded the payment."
        case .refusedByKhalti:
            PaymentSentences.notPaid(reason)
        }
    }

    private static func withKhaltiWords(_ sentence: String, _ error: ConsoleError?) -> String {
        guard let error else { return sentence }
        return "\(sentence) Khalti said: \(error.reason)"
    }

    /// Server text is shown quoted and short: it is not ours.
    private static func quoted(_ text: String) -> String { "\"\(text.prefix(40))\"" }
}
