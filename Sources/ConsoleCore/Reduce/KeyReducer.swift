import ArrownetDomain
import Foundation

/// Keys: looked up in the key map, then carried out on the current screen.
enum KeyReducer {
    static func press(_ key: Key, at time: Date, state: inout ConsoleState) -> [ConsoleEffect] {
        guard let intent = KeyMap.intent(for: key, in: state) else {
            // Unbound keys do nothing, except that characters type the username.
            if !state.isHelpShown, case .usernameEntry(var entry) = state.screen, case .character(let character) = key {
                entry.insert(character)
                state.screen = .usernameEntry(entry)
            }
            return []
        }
        return perform(intent, key: key, at: time, state: &state)
    }

    static func perform(_ intent: Intent, key: Key, at time: Date, state: inout ConsoleState) -> [ConsoleEffect] {
        switch intent {
        case .showHelp:
            state.isHelpShown = true
            return []
        case .closeHelp:
            state.isHelpShown = false
            return []
        case .quit:
            return [.quit]
        case .showHeldPayments:
            return HeldPaymentsReducer.open(state: &state)
        case .typeUsername, .lookUp, .cursorLeft, .cursorRight, .cursorToStart, .cursorToEnd, .deleteBackward,
             .deleteForward, .clearUsername, .olderRecentUsername, .newerRecentUsername, .reprintLastReceipt:
            return UsernameEntryReducer.perform(intent, state: &state)
        case .cancelLookup:
            guard case .loading(let loading) = state.screen else { return [] }
            state.screen = .usernameEntry(loading.entry)
            return [.cancelFetch(loading.fetchID)]
        case .highlightPrevious, .highlightNext:
            moveHighlight(by: intent == .highlightNext ? 1 : -1, state: &state)
            return []
        case .chooseHighlightedPlan, .choosePlanByDigit, .backToUsername:
            return AccountReducer.perform(intent, key: key, at: time, state: &state)
        case .confirmPayment, .backToPlans:
            return PaymentReducer.perform(intent, at: time, state: &state)
        case .nextCustomer:
            state.screen = .usernameEntry(UsernameEntryScreen())
            return []
        case .reprintReceipt:
            return PaymentReducer.reprintShown(state: &state)
        case .toggleDetails, .lookUpHeldNow, .printSelectedReceipt, .closeHeldPayments:
            return HeldPaymentsReducer.perform(intent, state: &state)
        }
    }

    /// Up and Down on the plan list and the held list; they stop at the ends.
    private static func moveHighlight(by step: Int, state: inout ConsoleState) {
        switch state.screen {
        case .account(var screen):
            screen.highlighted = clamped(screen.highlighted + step, count: screen.plans.count)
            screen.notice = nil
            state.screen = .account(screen)
        case .heldPayments(var screen):
            screen.selected = clamped(screen.selected + step, count: screen.payments.count)
            screen.notice = nil
            state.screen = .heldPayments(screen)
        default:
            break
        }
    }

    static func clamped(_ index: Int, count: Int) -> Int {
        min(max(index, 0), max(count - 1, 0))
    }
}
