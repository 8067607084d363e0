import Foundation

/// The payment's answer arriving, the seconds passing, and quitting meanwhile.
enum SendingReducer {
    static func finished(_ outcome: PaymentOutcome, at time: Date, state: inout ConsoleState) -> [ConsoleEffect] {
        if case .noOpenShift(let counter) = outcome { return noShift(counter, state: &state) }
        let effects = state.update(SendingScreen.self) { sending, console in
            var screen = OutcomeWording.screen(
                for: outcome, order: sending.order, environment: console.header.environment,
                calendar: console.calendar, now: time)
            // Asked to quit meanwhile: the answer is recorded (the desk wrote it before
            // answering), and a receipt still prints before the process ends.
            let quit: [ConsoleEffect] = sending.quitsWhenRecorded ? [.quit] : []
            if case .notTaken = outcome { return ScreenStep(next: .outcome(screen), effects: quit) }
            var effects: [ConsoleEffect] = []
            if let receipt = screen.receipt {
                console.lastReceipt = receipt
                screen.printStatus = .printing
                // The customer is at the counter with the cash: the drawer opens with the receipt.
                effects.append(.printReceipt(receipt, kickDrawer: console.hasCashDrawer))
            }
            // The balance moved, and a held payment joins the list.
            return ScreenStep(next: .outcome(screen), effects: effects + [.loadBalance, .loadHeldPayments] + quit)
        }
        // Only the sending screen waits for a payment, and it has no way out but this
        // answer; should one come elsewhere, the held list still learns of it.
        return effects ?? [.loadHeldPayments]
    }

    /// The desk found no open shift (another terminal closed it): nothing was sent, and
    /// the console asks for a shift, keeping the customer's username to look up again.
    static func noShift(_ counter: String, state: inout ConsoleState) -> [ConsoleEffect] {
        let quit = state.shown(SendingScreen.self)?.quitsWhenRecorded == true
        let username = state.shown(SendingScreen.self)?.order.username.value
        state.noteShift(.none)
        var open = ShiftOpenScreen(
            operatorName: state.configuredOperator, entry: UsernameEntryScreen(text: username ?? "", isSelected: username != nil))
        open.notice = "No shift is open at \(counter) (it was closed, perhaps at another terminal), so nothing was sent: "
            + "give back any cash taken for this payment. Open a shift to take payments."
        state.screen = .shiftOpen(open)
        return quit ? [.quit] : []
    }

    static func advance(_ sending: inout SendingScreen, to time: Date) {
        sending.elapsedSeconds = wholeSeconds(from: sending.startedAt, to: time)
    }
}
