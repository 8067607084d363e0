import ArrownetDomain

/// The held payments list: opening it, the journal's list arriving, lookups.
enum HeldPaymentsReducer {
    static func open(state: inout ConsoleState) -> [ConsoleEffect] {
        var screen = HeldPaymentsScreen(payments: [], calendar: state.calendar)
        screen.isLoading = true
        state.screen = .heldPayments(screen)
        return [.loadHeldPayments]
    }

    static func reduce(_ screen: inout HeldPaymentsScreen, _ intent: HeldPaymentsIntent, console: inout ConsoleState) -> ScreenStep {
        screen.notice = nil
        switch intent {
        case .selectPrevious, .selectNext:
            screen.selected = clamped(screen.selected + (intent == .selectNext ? 1 : -1), count: screen.payments.count)
        case .toggleDetails:
            screen.showsDetails.toggle()
        case .lookUpNow:
            guard !screen.isLookingUp, !screen.isLoading else { break }
            let references = screen.openReferences
            guard !references.isEmpty else {
                screen.notice = "Nothing to look up: every payment here is settled."
                break
            }
            screen.isLookingUp = true
            screen.lookupError = nil
            return .stay(.lookUpNow(references))
        case .printSelectedReceipt:
            guard let payment = screen.selectedPayment, payment.state == .paid else { break }
            let receipt = Receipt(payment: payment, newExpiry: nil, environment: console.header.environment)
            console.lastReceipt = receipt
            console.statusMessage = "Printing the receipt of \(payment.reference.value)."
            return .stay(.printReceipt(receipt))
        case .close:
            return .go(to: console.home())
        }
        return .stay()
    }

    static func loaded(_ result: Result<[PaymentSummary], ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        let opensAtStart = state.showsHeldPaymentsWhenLoaded
        state.showsHeldPaymentsWhenLoaded = false
        if case .success(let payments) = result {
            state.header.heldCount = payments.filter(\.state.isOpen).count
        }
        let onList = state.update(HeldPaymentsScreen.self) { screen, _ in
            screen.isLoading = false
            switch result {
            case .success(let payments):
                screen.payments = payments
                screen.selected = clamped(screen.selected, count: payments.count)
                screen.lookupError = nil
            case .failure(let error):
                screen.lookupError = error
            }
            return .stay()
        }
        guard onList == nil else { return [] }
        // Not on the list: at start it opens when there is something held and the clerk
        // has not started typing; later refreshes never take the clerk away.
        switch result {
        case .success(let payments):
            if opensAtStart, !payments.isEmpty, let entry = state.shown(UsernameEntryScreen.self), entry.text.isEmpty {
                state.screen = .heldPayments(HeldPaymentsScreen(payments: payments, calendar: state.calendar))
            }
        case .failure(let error):
            state.statusMessage = "Held payments could not be read: \(error.sentence)"
        }
        return []
    }

    static func lookedUp(_ result: Result<[PaymentSummary], ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        let effects = state.update(HeldPaymentsScreen.self) { screen, console in
            screen.isLookingUp = false
            switch result {
            case .success(let updated):
                let byReference = Dictionary(updated.map { ($0.reference, $0) }, uniquingKeysWith: { _, last in last })
                screen.payments = screen.payments.map { byReference[$0.reference] ?? $0 }
                screen.notice = summary(of: updated)
                console.header.heldCount = screen.payments.filter(\.state.isOpen).count
                // A settled payment moved money back or confirmed it: the balance changed.
                return updated.contains { !$0.state.isOpen } ? .stay(.loadBalance) : .stay()
            case .failure(let error):
                screen.lookupError = error
                return .stay()
            }
        }
        // The clerk left the list: only the header's count needs the news.
        return effects ?? [.loadHeldPayments]
    }

    /// "Looked up 3: 1 paid, 1 to refund, 1 still held."
    static func summary(of payments: [PaymentSummary]) -> String {
        let paid = payments.filter { $0.state == .paid }.count
        let refund = payments.filter { [.notPaid, .notReceived, .abandoned].contains($0.state) }.count
        let open = payments.filter(\.state.isOpen).count
        return "Looked up \(payments.count): \(paid) paid, \(refund) to refund, \(open) still held."
    }
}
