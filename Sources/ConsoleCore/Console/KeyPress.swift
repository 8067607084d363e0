import Foundation

/// Keys: kept while the terminal is too small, else looked up in the key map and
/// carried out by the reducer of the screen they belong to.
enum KeyPress {
    static func press(_ key: Key, at time: Date, state: inout ConsoleState) -> [ConsoleEffect] {
        state.now = time
        let intent = KeyMap.intent(for: key, in: state)
        // Too small to show the screen: the key waits, unless it asks to leave.
        if state.isTooSmall, intent != .console(.quit) {
            state.keysWhileTooSmall.append(key)
            return []
        }
        state.statusMessage = nil
        guard let intent else { return [] }
        guard let effects = perform(intent, key: key, at: time, state: &state) else {
            // The key map gives a screen's intents only while that screen is shown (a test
            // checks every binding of every screen), so this is a bug, not a key to ignore.
            assertionFailure("\(intent) reached the \(state.screen.title) screen")
            return []
        }
        return effects
    }

    /// Carries out `intent`: the console's own intents here, a screen's by that
    /// screen's reducer on its state. nil, changing nothing, when the intent belongs to
    /// a screen that is not shown.
    static func perform(_ intent: Intent, key: Key, at time: Date, state: inout ConsoleState) -> [ConsoleEffect]? {
        switch intent {
        case .console(.showHelp):
            state.isHelpShown = true
            return []
        case .console(.showHeldPayments):
            return HeldPaymentsReducer.open(state: &state)
        case .console(.showShiftReport):
            return ShiftReportReducer.open(state: &state)
        case .console(.openDrawer):
            return DrawerReducer.open(state: &state)
        case .console(.quit):
            return Quitting.request(state: &state)
        case .help(.close):
            state.isHelpShown = false
            return []
        case .usernameEntry(let intent):
            return state.update(UsernameEntryScreen.self) {
                UsernameEntryReducer.reduce(&$0, intent, key: key, at: time, console: &$1)
            }
        case .loading(let intent):
            return state.update(LoadingScreen.self) { screen, _ in LoadingReducer.reduce(&screen, intent) }
        case .account(let intent):
            return state.update(AccountScreen.self) { AccountReducer.reduce(&$0, intent, key: key, at: time, console: $1) }
        case .confirmation(let intent):
            return state.update(ConfirmationScreen.self) { screen, _ in ConfirmationReducer.reduce(&screen, intent, at: time) }
        case .outcome(let intent):
            return state.update(OutcomeScreen.self) { OutcomeReducer.reduce(&$0, intent, console: $1) }
        case .heldPayments(let intent):
            return state.update(HeldPaymentsScreen.self) { HeldPaymentsReducer.reduce(&$0, intent, console: &$1) }
        case .shiftOpen(let intent):
            return state.update(ShiftOpenScreen.self) { screen, _ in ShiftOpenReducer.reduce(&screen, intent, key: key) }
        case .shiftReport(let intent):
            return state.update(ShiftReportScreen.self) { ShiftReportReducer.reduce(&$0, intent, console: $1) }
        case .shiftClose(let intent):
            return state.update(ShiftCloseScreen.self) { screen, _ in ShiftCloseReducer.reduce(&screen, intent, key: key) }
        case .drawer(let intent):
            return state.update(DrawerScreen.self) { DrawerReducer.reduce(&$0, intent, key: key, console: $1) }
        }
    }

    /// The terminal's new size; once it shows screens again, the keys kept meanwhile
    /// are applied in order, as if typed now.
    static func resized(to size: TerminalSize, at time: Date, state: inout ConsoleState) -> [ConsoleEffect] {
        state.terminalSize = size
        guard !state.isTooSmall, !state.keysWhileTooSmall.isEmpty else { return [] }
        let kept = state.keysWhileTooSmall
        state.keysWhileTooSmall = []
        var effects: [ConsoleEffect] = []
        for key in kept {
            effects += press(key, at: time, state: &state)
            // A confirmation opened: the rest were typed before it was on screen, and
            // are discarded like any typeahead (ConfirmGuard's first layer).
            if effects.contains(.discardTypeahead) || effects.contains(.quit) { break }
        }
        return effects
    }
}
