import ArrownetDomain
import Foundation

/// The details answer arriving, and choosing a plan on the account screen.
enum AccountReducer {
    static func loaded(
        _ fetchID: FetchID, _ result: Result<AccountLookup, ConsoleError>, state: inout ConsoleState
    ) -> [ConsoleEffect] {
        // The answer to a lookup the clerk left (Esc) or replaced is dropped here,
        // whatever the runtime managed to cancel.
        guard case .loading(let loading) = state.screen, loading.fetchID == fetchID else { return [] }
        switch result {
        case .success(let lookup):
            UsernameEntryReducer.remember(loading.username, state: &state)
            state.screen = .account(
                AccountScreen(lookup: lookup, lookedUpAt: loading.startedAt, calendar: state.calendar, entry: loading.entry)
            )
        case .failure(let error):
            var entry = loading.entry
            entry.lookupError = error
            state.screen = .usernameEntry(entry)
        }
        return []
    }

    static func perform(_ intent: Intent, key: Key, at time: Date, state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .account(var screen) = state.screen else { return [] }
        switch intent {
        case .backToUsername:
            state.screen = .usernameEntry(screen.entry)
            return []
        case .chooseHighlightedPlan:
            guard let plan = screen.highlightedPlan else { return [] }
            return choose(plan, on: screen, at: time, state: &state)
        case .choosePlanByDigit:
            guard case .character(let digit) = key,
                  let duration = PlanDuration.allCases.first(where: { PlanChoice.key(for: $0) == digit })
            else { return [] }
            guard let plan = screen.plan(for: duration) else {
                screen.notice = "Arrownet offers no \(duration.label) plan to this customer."
                state.screen = .account(screen)
                return []
            }
            return choose(plan, on: screen, at: time, state: &state)
        default:
            return []
        }
    }

    private static func choose(
        _ choice: PlanChoice, on screen: AccountScreen, at time: Date, state: inout ConsoleState
    ) -> [ConsoleEffect] {
        var screen = screen
        if let refusal = screen.refusal {
            screen.notice = refusal
            state.screen = .account(screen)
            return []
        }
        screen.notice = nil
        if let index = screen.plans.firstIndex(of: choice) { screen.highlighted = index }
        let order = PaymentOrder(
            username: screen.account.username, customerName: screen.account.fullName, plan: choice.plan,
            newExpiry: choice.newExpiry, counter: state.header.counter, operatorName: state.header.operatorName,
            account: screen.account, lookedUpAt: screen.lookedUpAt
        )
        state.screen = .confirmation(ConfirmationScreen(order: order, shownAt: time, back: screen))
        // Keys typed ahead must not reach the confirmation (first layer of ConfirmGuard).
        return [.discardTypeahead]
    }
}
