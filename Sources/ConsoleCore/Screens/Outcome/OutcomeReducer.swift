/// The result screen: the next customer, the receipt again, and the printer's answer.
enum OutcomeReducer {
    static func reduce(_ screen: inout OutcomeScreen, _ intent: OutcomeIntent, console: ConsoleState) -> ScreenStep {
        switch intent {
        case .nextCustomer:
            return .go(to: console.home())
        case .reprintReceipt:
            guard let receipt = screen.receipt else { return .stay() }
            screen.printStatus = .printing
            return .stay(.printReceipt(receipt.reprint()))
        }
    }

    /// The result screen that waits for the receipt shows where it went, whole; anywhere
    /// else (Ctrl-R, the held list, a clerk who moved on) the status line says it.
    static func receiptPrinted(_ result: Result<String, ConsoleError>, state: inout ConsoleState) {
        var shownOnOutcome = false
        _ = state.update(OutcomeScreen.self) { screen, _ in
            guard screen.printStatus == .printing else { return .stay() }
            switch result {
            case .success(let note): screen.printStatus = .printed(note)
            case .failure(let error): screen.printStatus = .failed(error)
            }
            shownOnOutcome = true
            return .stay()
        }
        guard !shownOnOutcome else { return }
        state.statusMessage = switch result {
        case .success(let note): "Receipt printed: \(note)"
        case .failure(let error): "The receipt was not printed: \(error.sentence)"
        }
    }
}
