import ArrownetDomain

/// Every screen's keys, as data. `reduce` looks keys up here, and help and the
/// footer list the same bindings, so what the clerk is told is what happens.
public enum KeyMap {
    public static func bindings(for state: ConsoleState) -> [KeyBinding] {
        if state.isHelpShown { return help }
        switch state.screen {
        case .usernameEntry:
            return state.lastReceipt == nil ? usernameEntry.filter { $0.intent != .reprintLastReceipt } : usernameEntry
        case .loading:
            return loading
        case .account(let screen):
            // Plan keys stay bound when no plan can be chosen, to say why; the footer drops them.
            guard screen.refusal != nil else { return account }
            return account.map { binding in
                switch binding.intent {
                case .choosePlanByDigit, .chooseHighlightedPlan:
                    KeyBinding(binding.keys, binding.intent, label: binding.label, hint: binding.hint, inFooter: false)
                default:
                    binding
                }
            }
        case .confirmation:
            return confirmation
        case .sending:
            return []
        case .outcome(let screen):
            return screen.receipt == nil ? outcome.filter { $0.intent != .reprintReceipt } : outcome
        case .heldPayments(let screen):
            return screen.selectedPayment?.state == .paid
                ? heldPayments : heldPayments.filter { $0.intent != .printSelectedReceipt }
        }
    }

    /// The intent of `key` on the current screen; nil when the key does nothing there.
    public static func intent(for key: Key, in state: ConsoleState) -> Intent? {
        bindings(for: state).first { $0.keys.contains(key) }?.intent
    }

    /// The plans' digits, in the order the plans are listed: "1 3 6 2".
    static let planKeys: [Key] = PlanDuration.allCases.map { .character(PlanChoice.key(for: $0)) }

    static let showHelp = KeyBinding([.function(1)], .showHelp, hint: "help")

    static let usernameEntry: [KeyBinding] = [
        KeyBinding([], .typeUsername, label: "a-z 0-9 . _ - @", hint: "type the username", inFooter: false),
        KeyBinding([.enter], .lookUp, hint: "look up"),
        KeyBinding([.up], .olderRecentUsername, label: "Up/Down", hint: "recent usernames"),
        KeyBinding([.down], .newerRecentUsername, hint: "newer recent username", inFooter: false),
        KeyBinding([.left, .control("b")], .cursorLeft, hint: "cursor left", inFooter: false),
        KeyBinding([.right, .control("f")], .cursorRight, hint: "cursor right", inFooter: false),
        KeyBinding([.home, .control("a")], .cursorToStart, hint: "cursor to start", inFooter: false),
        KeyBinding([.end, .control("e")], .cursorToEnd, hint: "cursor to end", inFooter: false),
        KeyBinding([.backspace, .control("h")], .deleteBackward, hint: "delete before the cursor", inFooter: false),
        KeyBinding([.delete, .control("d")], .deleteForward, hint: "delete at the cursor", inFooter: false),
        KeyBinding([.escape, .control("u")], .clearUsername, hint: "clear the username", inFooter: false),
        KeyBinding([.function(5)], .showHeldPayments, hint: "held payments"),
        KeyBinding([.control("r")], .reprintLastReceipt, hint: "reprint last receipt"),
        showHelp,
        KeyBinding([.control("q")], .quit, hint: "quit"),
    ]

    static let loading: [KeyBinding] = [
        KeyBinding([.escape], .cancelLookup, hint: "back"),
    ]

    static let account: [KeyBinding] = [
        KeyBinding(
            planKeys, .choosePlanByDigit, label: planKeys.map(\.label).joined(separator: " "),
            hint: "choose 1, 3, 6 or 12 months"
        ),
        KeyBinding([.enter], .chooseHighlightedPlan, hint: "choose highlighted"),
        KeyBinding([.up], .highlightPrevious, label: "Up/Down", hint: "move"),
        KeyBinding([.down], .highlightNext, hint: "next plan", inFooter: false),
        KeyBinding([.escape], .backToUsername, hint: "back"),
        showHelp,
    ]

    static let confirmation: [KeyBinding] = [
        KeyBinding([.character("y"), .character("Y")], .confirmPayment, label: "y", hint: "customer agrees: pay"),
        KeyBinding([.escape, .character("n"), .character("N")], .backToPlans, label: "Esc", hint: "change"),
        showHelp,
    ]

    static let outcome: [KeyBinding] = [
        KeyBinding([.enter], .nextCustomer, hint: "next customer"),
        KeyBinding([.character("r")], .reprintReceipt, hint: "print receipt again"),
        KeyBinding([.function(5)], .showHeldPayments, hint: "held payments"),
        showHelp,
    ]

    static let heldPayments: [KeyBinding] = [
        KeyBinding([.up], .highlightPrevious, label: "Up/Down", hint: "select"),
        KeyBinding([.down], .highlightNext, hint: "next payment", inFooter: false),
        KeyBinding([.enter], .toggleDetails, hint: "details"),
        KeyBinding([.character("l")], .lookUpHeldNow, hint: "look up now"),
        KeyBinding([.character("p")], .printSelectedReceipt, hint: "print receipt"),
        KeyBinding([.escape], .closeHeldPayments, hint: "back"),
        showHelp,
    ]

    static let help: [KeyBinding] = [
        KeyBinding([.escape, .function(1)], .closeHelp, label: "Esc", hint: "close help"),
    ]
}
