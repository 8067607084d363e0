import Foundation

/// Confirming a payment, or going back to the plans.
enum ConfirmationReducer {
    static func reduce(_ screen: inout ConfirmationScreen, _ intent: ConfirmationIntent, at time: Date) -> ScreenStep {
        switch intent {
        case .backToPlans:
            var back = screen.back
            back.notice = nil
            return .go(to: .account(back))
        case .confirmPayment:
            guard ConfirmGuard.accepts(keyAt: time, shownAt: screen.shownAt) else {
                screen.notice = "That y came before the confirmation was on screen and was ignored. "
                    + "Read the details back to the customer, then press y."
                return .stay()
            }
            // From here no key reaches the payment: the sending screen binds none but Ctrl-C.
            return .go(to: .sending(SendingScreen(order: screen.order, startedAt: time)), .commitPayment(screen.order))
        }
    }
}
