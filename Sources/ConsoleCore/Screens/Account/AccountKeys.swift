import ArrownetDomain

/// What keys do on the account screen.
public enum AccountIntent: Hashable, Sendable {
    case highlightPrevious
    case highlightNext
    case chooseHighlightedPlan
    /// The pressed digit says which plan (see `PlanChoice.key(for:)`).
    case choosePlanByDigit
    /// Back to the username, kept and selected for the next customer.
    case backToUsername
}

enum AccountKeys {
    /// Plan keys stay bound when no plan can be chosen, to say why; the footer drops them.
    static func bindings(for screen: AccountScreen) -> [KeyBinding] {
        guard screen.refusal != nil else { return all }
        let choosing: Set<Intent> = [.account(.choosePlanByDigit), .account(.chooseHighlightedPlan)]
        return all.map { binding in
            guard choosing.contains(binding.intent) else { return binding }
            return KeyBinding(binding.keys, binding.intent, label: binding.label, hint: binding.hint, inFooter: false)
        }
    }

    /// The plans' digits, in the order the plans are listed: "1 3 6 2".
    static let planKeys: [Key] = PlanDuration.allCases.map { .character(PlanChoice.key(for: $0)) }

    private static let all: [KeyBinding] = [
        KeyBinding(
            planKeys, .account(.choosePlanByDigit), label: planKeys.map(\.label).joined(separator: " "),
            hint: "choose 1, 3, 6 or 12 months"
        ),
        KeyBinding([.enter], .account(.chooseHighlightedPlan), hint: "choose highlighted"),
        KeyBinding([.up], .account(.highlightPrevious), label: "Up/Down", hint: "move"),
        KeyBinding([.down], .account(.highlightNext), hint: "next plan", inFooter: false),
        KeyBinding([.escape], .account(.backToUsername), hint: "back"),
        ConsoleKeys.showHelp,
    ]
}
