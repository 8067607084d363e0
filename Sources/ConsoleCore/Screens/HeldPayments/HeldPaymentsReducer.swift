import ArrownetDomain
import Foundation

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
                screen.notice = "Nothing to look up: every payment here is settled or waits for a person."
                break
            }
            screen.isLookingUp = true
            screen.lookupError = nil
            return .stay(.lookUpNow(references))
        case .printSelectedReceipt:
            guard let payment = screen.selectedPayment, payment.state == .paid else { break }
            // Its receipt printed when the lookup settled it: this one is a copy.
            let original = Receipt(payment: payment, newExpiry: nil, environment: console.header.environment)
            let receipt = console.printedReceipts.contains(payment.reference) ? original.reprint() : original
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

    static func lookedUp(_ result: Result<HeldLookupResult, ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        var settledEffects: [ConsoleEffect] = []
        if case .success(let found) = result { settledEffects = SettledPayments.announce(found.settled, state: &state) }
        let effects = state.update(HeldPaymentsScreen.self) { screen, console in
            screen.isLookingUp = false
            switch result {
            case .success(let found):
                screen.payments = merged(screen.payments, with: found.lookedUp)
                screen.notice = summary(of: found, calendar: console.calendar, now: console.now)
                console.header.heldCount = screen.payments.filter(\.state.isOpen).count
                // A settled payment moved money back or confirmed it: the balance changed.
                return found.lookedUp.contains { !$0.state.isOpen } ? .stay(.loadBalance) : .stay()
            case .failure(let error):
                screen.lookupError = error
                return .stay()
            }
        }
        // The clerk left the list: only the header's count needs the news.
        return settledEffects + (effects ?? [.loadHeldPayments])
    }

    /// The background lookup's news: the header's count, the list when it is shown, a
    /// notice for each of this counter's settled payments, a paid one's receipt.
    static func reconciled(_ news: HeldReconciliation, state: inout ConsoleState) -> [ConsoleEffect] {
        let effects = SettledPayments.announce(news.settled, state: &state)
        let settled = news.settled.map(\.payment)
        _ = state.update(HeldPaymentsScreen.self) { screen, _ in
            // What settled stays on the list, so the clerk sees what became of it; the last
            // `l`'s summary is about the list as it was, so it goes.
            screen.payments = merged(merged(screen.payments, with: settled), with: news.held)
            if !news.settled.isEmpty { screen.notice = nil }
            screen.selected = clamped(screen.selected, count: screen.payments.count)
            return .stay()
        }
        state.header.heldCount = news.held.filter(\.state.isOpen).count
        return effects + (settled.contains { !$0.state.isOpen } ? [.loadBalance] : [])
    }

    /// `list` with each payment replaced by its newer record in `newer`, then the newer
    /// ones it did not have, in their order.
    static func merged(_ list: [PaymentSummary], with newer: [PaymentSummary]) -> [PaymentSummary] {
        let byReference = Dictionary(newer.map { ($0.reference, $0) }, uniquingKeysWith: { _, last in last })
        let known = Set(list.map(\.reference))
        return list.map { byReference[$0.reference] ?? $0 } + newer.filter { !known.contains($0.reference) }
    }

    /// "Looked up 3: 1 paid, 1 to refund, 1 still held." and when the others will be.
    static func summary(of found: HeldLookupResult, calendar: CounterCalendar, now: Date?) -> String {
        let payments = found.lookedUp
        let paid = payments.filter { $0.state == .paid && $0.attention == nil }.count
        let refund = payments.filter { [.notPaid, .notReceived, .abandoned].contains($0.state) }.count
        let person = payments.filter { $0.attention != nil }.count
        let open = payments.filter { $0.state.isOpen && $0.attention == nil }.count
        var text = payments.isEmpty
            ? "Nothing was looked up."
            : "Looked up \(payments.count): \(paid) paid, \(refund) to refund, \(open) still held"
                + (person == 0 ? "." : ", \(person) for a person.")
        if !found.notYetDue.isEmpty {
            let when = found.notYetDue.map { payment in
                let at = payment.nextLookupAt.map { ClerkDates.timeOrDayAndTime($0, relativeTo: now ?? $0, in: calendar) } ?? "later"
                return "\(payment.username.value) at \(at)"
            }
            text += " Khalti asks for five minutes after sending; looked up by themselves then: \(when.joined(separator: ", "))."
        }
        for payment in found.otherAccount {
            text += " \(payment.username.value): " + AccountSentences.heldUnderAnotherAccount(payment.khaltiAccount ?? "") + "."
        }
        return text
    }
}
