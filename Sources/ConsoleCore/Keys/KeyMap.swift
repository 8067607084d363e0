/// Every screen's keys, as data. `reduce` looks keys up here, and help and the
/// footer list the same bindings, so what the clerk is told is what happens.
public enum KeyMap {
    public static func bindings(for state: ConsoleState) -> [KeyBinding] {
        if state.isHelpShown { return HelpKeys.bindings(over: screenBindings(for: state)) }
        return screenBindings(for: state)
    }

    /// The intent of `key` on the current screen; nil when the key does nothing there.
    public static func intent(for key: Key, in state: ConsoleState) -> Intent? {
        let bindings = bindings(for: state)
        if let bound = bindings.first(where: { $0.keys.contains(key) }) { return bound.intent }
        // Characters no binding takes go to the screen's text field, if it has one: its
        // typing binding has no keys (the field refuses what it cannot hold).
        if case .character = key, let typing = bindings.first(where: \.keys.isEmpty) { return typing.intent }
        return nil
    }

    /// The bindings of the screen shown, help aside. Ctrl-C quits from every one.
    static func screenBindings(for state: ConsoleState) -> [KeyBinding] {
        let own = switch state.screen {
        case .usernameEntry: UsernameEntryKeys.bindings(hasLastReceipt: state.lastReceipt != nil, hasCashDrawer: state.hasCashDrawer)
        case .loading: LoadingKeys.bindings
        case .account(let screen): AccountKeys.bindings(for: screen)
        case .confirmation: ConfirmationKeys.bindings
        case .sending: [KeyBinding]()
        case .outcome(let screen): OutcomeKeys.bindings(for: screen)
        case .heldPayments(let screen): HeldPaymentsKeys.bindings(for: screen)
        case .shiftOpen: ShiftOpenKeys.bindings
        case .shiftReport(let screen): ShiftReportKeys.bindings(for: screen)
        case .shiftClose(let screen): ShiftCloseKeys.bindings(for: screen)
        case .drawer: DrawerKeys.bindings
        }
        // Beside Ctrl-Q where the screen has it, so help lists the two together.
        var bindings = own
        let afterQuit = own.firstIndex { $0.intent == .console(.quit) }.map { $0 + 1 } ?? own.endIndex
        bindings.insert(ConsoleKeys.interrupt, at: afterQuit)
        return bindings
    }
}

/// Bindings several screens share.
enum ConsoleKeys {
    static let showHelp = KeyBinding([.function(1)], .console(.showHelp), hint: "help")
    static let showHeldPayments = KeyBinding([.function(5)], .console(.showHeldPayments), hint: "held payments")
    static let showShiftReport = KeyBinding([.function(3)], .console(.showShiftReport), hint: "shift report")
    static let openDrawer = KeyBinding([.function(4)], .console(.openDrawer), hint: "open drawer")
    static let quit = KeyBinding([.control("q")], .console(.quit), hint: "quit")
    /// On every screen, also where nothing else works: the clerk can always leave, and a
    /// payment on its way is still answered and recorded first.
    static let interrupt = KeyBinding(
        [.control("c")], .console(.quit), hint: "quit (waits for a payment on its way)", inFooter: false)
}
