/// What keys do on a payment's result.
public enum OutcomeIntent: Hashable, Sendable {
    case nextCustomer
    /// Only where there is a receipt (a paid payment).
    case reprintReceipt
}

enum OutcomeKeys {
    static func bindings(for screen: OutcomeScreen) -> [KeyBinding] {
        screen.receipt == nil ? all.filter { $0.intent != .outcome(.reprintReceipt) } : all
    }

    private static let all: [KeyBinding] = [
        KeyBinding([.enter], .outcome(.nextCustomer), hint: "next customer"),
        KeyBinding([.character("r")], .outcome(.reprintReceipt), hint: "print receipt again"),
        ConsoleKeys.showHeldPayments,
        ConsoleKeys.showHelp,
    ]
}
