/// What keys do on the confirmation. Enter is bound to nothing here, on purpose.
public enum ConfirmationIntent: Hashable, Sendable {
    /// The customer agreed: pay (unless the key came too soon, see `ConfirmGuard`).
    case confirmPayment
    case backToPlans
}

enum ConfirmationKeys {
    static let bindings: [KeyBinding] = [
        KeyBinding([.character("y"), .character("Y")], .confirmation(.confirmPayment), label: "y", hint: "customer agrees: pay"),
        KeyBinding([.escape, .character("n"), .character("N")], .confirmation(.backToPlans), label: "Esc", hint: "change"),
        ConsoleKeys.showHelp,
    ]
}
