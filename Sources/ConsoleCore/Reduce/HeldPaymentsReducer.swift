import ArrownetDomain

/// The held payments list: opening it, the journal's list arriving, lookups.
enum HeldPaymentsReducer {
    static func open(state: inout ConsoleState) -> [ConsoleEffect] {
        var screen = HeldPaymentsScreen(payments: [], calendar: state.calendar)
        screen.isLoading = true
        state.screen = .heldPayments(screen)
        return [.loadHeldPayments]
    }

    static func loaded(_ result: Result<[PaymentSummary], ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        let opensAtStart = state.showsHeldPaymentsWhenLoaded
        state.showsHeldPaymentsWhenLoaded = false
        switch result {
        case .success(let payments):
            state.header.heldCount = payments.filter(\.state.isOpen).count
            if case .heldPayments(var screen) = state.screen {
                screen.payments = payments
                screen.selected = KeyReducer.clamped(screen.selected, count: payments.count)
                screen.isLoading = false
                screen.lookupError = nil
                state.screen = .heldPayments(screen)
            } else if opensAtStart, !payments.isEmpty, case .usernameEntry(let entry) = state.screen, entry.text.isEmpty {
                state.screen = .heldPayments(HeldPaymentsScreen(payments: payments, calendar: state.calendar))
            }
        case .failure(let error):
            if case .heldPayments(var screen) = state.screen {
                screen.isLoading = false
                screen.lookupError = error
                state.screen = .heldPayments(screen)
            } else {
                state.statusMessage = "Held payments could not be read: \(error.reason) \(error.nextStep)"
            }
        }
        return []
    }

    static func perform(_ intent: Intent, state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .heldPayments(var screen) = state.screen else { return [] }
        var effects: [ConsoleEffect] = []
        screen.notice = nil
        switch intent {
        case .toggleDetails:
            screen.showsDetails.toggle()
        case .lookUpHeldNow:
            guard !screen.isLookingUp, !screen.isLoading else { break }
            let references = screen.openReferences
            if references.isEmpty {
                screen.notice = "Nothing to look up: every payment here is settled."
            } else {
                screen.isLookingUp = true
                screen.lookupError = nil
                effects = [.lookUpNow(references)]
            }
        case .printSelectedReceipt:
            if let payment = screen.selectedPayment, payment.state == .paid {
                let receipt = Receipt(payment: payment, newExpiry: nil, environment: state.header.environment)
                state.lastReceipt = receipt
                state.statusMessage = "Printing the receipt of \(payment.reference.value)."
                effects = [.printReceipt(receipt)]
            }
        case .closeHeldPayments:
            state.screen = .usernameEntry(UsernameEntryScreen())
            return []
        default:
            break
        }
        state.screen = .heldPayments(screen)
        return effects
    }

    static func lookedUp(_ result: Result<[PaymentSummary], ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        // The clerk left the list: only the header's count needs the news.
        guard case .heldPayments(var screen) = state.screen else { return [.loadHeldPayments] }
        screen.isLookingUp = false
        switch result {
        case .success(let updated):
            let byReference = Dictionary(updated.map { ($0.reference, $0) }, uniquingKeysWith: { _, last in last })
            screen.payments = screen.payments.map { byReference[$0.reference] ?? $0 }
            screen.notice = summary(of: updated)
            state.header.heldCount = screen.payments.filter(\.state.isOpen).count
        case .failure(let error):
            screen.lookupError = error
        }
        state.screen = .heldPayments(screen)
        let settledAny = (try? result.get())?.contains { !$0.state.isOpen } ?? false
        return settledAny ? [.loadBalance] : []
    }

    /// "Looked up 3: 1 paid, 1 not paid, 1 still held."
    static func summary(of payments: [PaymentSummary]) -> String {
        let paid = payments.filter { $0.state == .paid }.count
        let refund = payments.filter { [.notPaid, .notReceived, .abandoned].contains($0.state) }.count
        let open = payments.filter(\.state.isOpen).count
        return "Looked up \(payments.count): \(paid) paid, \(refund) to refund, \(open) still held."
    }
}
