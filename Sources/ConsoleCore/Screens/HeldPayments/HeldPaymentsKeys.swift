/// What keys do on the held payments list.
public enum HeldPaymentsIntent: Hashable, Sendable {
    case selectPrevious
    case selectNext
    case toggleDetails
    case lookUpNow
    /// Only on a paid payment.
    case printSelectedReceipt
    case close
}

enum HeldPaymentsKeys {
    static func bindings(for screen: HeldPaymentsScreen) -> [KeyBinding] {
        screen.selectedPayment?.state == .paid ? all : all.filter { $0.intent != .heldPayments(.printSelectedReceipt) }
    }

    private static let all: [KeyBinding] = [
        KeyBinding([.up], .heldPayments(.selectPrevious), label: "Up/Down", hint: "select"),
        KeyBinding([.down], .heldPayments(.selectNext), hint: "next payment", inFooter: false),
        KeyBinding([.enter], .heldPayments(.toggleDetails), hint: "details"),
        KeyBinding([.character("l")], .heldPayments(.lookUpNow), hint: "look up now"),
        KeyBinding([.character("p")], .heldPayments(.printSelectedReceipt), hint: "print receipt"),
        KeyBinding([.escape], .heldPayments(.close), hint: "back"),
        ConsoleKeys.showHelp,
    ]
}
