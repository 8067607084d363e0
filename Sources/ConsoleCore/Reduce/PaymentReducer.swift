import ArrownetDomain
import Foundation

/// Confirming, sending, the outcome and its receipt.
enum PaymentReducer {
    static func perform(_ intent: Intent, at time: Date, state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .confirmation(var screen) = state.screen else { return [] }
        switch intent {
        case .backToPlans:
            var back = screen.back
            back.notice = nil
            state.screen = .account(back)
            return []
        case .confirmPayment:
            guard ConfirmGuard.accepts(keyAt: time, shownAt: screen.shownAt) else {
                screen.notice = "That y came before the confirmation was on screen and was ignored. "
                    + "Read the details back to the customer, then press y."
                state.screen = .confirmation(screen)
                return []
            }
            // From here no key reaches the payment: the sending screen binds none.
            state.screen = .sending(SendingScreen(order: screen.order, startedAt: time))
            return [.commitPayment(screen.order)]
        default:
            return []
        }
    }

    static func finished(_ outcome: PaymentOutcome, at time: Date, state: inout ConsoleState) -> [ConsoleEffect] {
        // Only the sending screen can be waiting for a payment: it has no way out.
        guard case .sending(let sending) = state.screen else { return [.loadHeldPayments] }
        var screen = OutcomeWording.screen(
            for: outcome, order: sending.order, environment: state.header.environment,
            calendar: state.calendar, now: time
        )
        if case .notTaken = outcome {
            state.screen = .outcome(screen)
            return []
        }
        var effects: [ConsoleEffect] = []
        if let receipt = screen.receipt {
            state.lastReceipt = receipt
            screen.printStatus = .printing
            effects.append(.printReceipt(receipt))
        }
        state.screen = .outcome(screen)
        // The balance moved, and a held payment joins the list.
        return effects + [.loadBalance, .loadHeldPayments]
    }

    static func reprintShown(state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .outcome(var screen) = state.screen, let receipt = screen.receipt else { return [] }
        screen.printStatus = .printing
        state.screen = .outcome(screen)
        return [.printReceipt(receipt.reprint())]
    }

    static func receiptPrinted(_ result: Result<String, ConsoleError>, state: inout ConsoleState) {
        switch result {
        case .success(let note):
            state.statusMessage = "Receipt printed: \(note)"
        case .failure(let error):
            state.statusMessage = "The receipt was not printed: \(error.reason) \(error.nextStep)"
        }
        guard case .outcome(var screen) = state.screen, screen.printStatus == .printing else { return }
        switch result {
        case .success(let note): screen.printStatus = .printed(note)
        case .failure(let error): screen.printStatus = .failed(error)
        }
        state.screen = .outcome(screen)
    }
}
