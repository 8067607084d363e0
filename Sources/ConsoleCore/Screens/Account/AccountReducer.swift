import ArrownetDomain
import Foundation

/// Choosing a plan on the account screen.
enum AccountReducer {
    static func reduce(
        _ screen: inout AccountScreen, _ intent: AccountIntent, key: Key, at time: Date, console: ConsoleState
    ) -> ScreenStep {
        switch intent {
        case .backToUsername:
            // Kept for a second look, selected so the next customer's username replaces it.
            return .go(to: .usernameEntry(screen.entry.selectingAll()))
        case .highlightPrevious, .highlightNext:
            screen.highlighted = clamped(screen.highlighted + (intent == .highlightNext ? 1 : -1), count: screen.plans.count)
            screen.notice = nil
            return .stay()
        case .chooseHighlightedPlan:
            guard let plan = screen.highlightedPlan else { return .stay() }
            return choose(plan, on: &screen, at: time, console: console)
        case .choosePlanByDigit:
            guard case .character(let digit) = key,
                  let duration = PlanDuration.allCases.first(where: { PlanChoice.key(for: $0) == digit })
            else { return .stay() }
            guard let plan = screen.plan(for: duration) else {
                screen.notice = "Arrownet offers no \(duration.label) plan to this customer."
                return .stay()
            }
            return choose(plan, on: &screen, at: time, console: console)
        }
    }

    private static func choose(
        _ choice: PlanChoice, on screen: inout AccountScreen, at time: Date, console: ConsoleState
    ) -> ScreenStep {
        if let refusal = screen.refusal {
            screen.notice = refusal
            return .stay()
        }
        screen.notice = nil
        if let index = screen.plans.firstIndex(of: choice) { screen.highlighted = index }
        let order = PaymentOrder(
            account: screen.account, plan: choice.plan, newExpiry: choice.newExpiry, counter: console.header.counter,
            operatorName: console.header.operatorName, lookedUpAt: screen.lookedUpAt
        )
        // Keys typed ahead must not reach the confirmation (first layer of ConfirmGuard).
        return .go(to: .confirmation(ConfirmationScreen(order: order, shownAt: time, back: screen)), .discardTypeahead)
    }
}

/// `index` kept within a list of `count` (Up and Down stop at the ends).
func clamped(_ index: Int, count: Int) -> Int {
    min(max(index, 0), max(count - 1, 0))
}
