/// What keys do while closing the shift.
public enum ShiftCloseIntent: Hashable, Sendable {
    case edit(TextEditIntent)
    case switchField
    /// Enter: read the count and show the difference.
    case review
    /// `y` on the difference: close the shift.
    case confirmClose
    /// Esc: from the count back to the X report; from the difference back to the count.
    case back
}

enum ShiftCloseKeys {
    static func bindings(for screen: ShiftCloseScreen) -> [KeyBinding] {
        switch screen.step {
        case .counting: counting
        case .confirming: confirming
        case .closing: []
        }
    }

    private static let counting: [KeyBinding] = [
        TextEditKeys.typing(.shiftClose(.edit(.type)), label: "0-9 , .", hint: "type the cash counted in the drawer, then a note"),
        KeyBinding([.enter], .shiftClose(.review), hint: "check the count"),
        KeyBinding([.tab, .down, .backTab, .up], .shiftClose(.switchField), label: "Tab", hint: "note"),
        KeyBinding([.escape], .shiftClose(.back), hint: "back"),
        ConsoleKeys.showHelp,
    ] + TextEditKeys.editing { .shiftClose(.edit($0)) }

    private static let confirming: [KeyBinding] = [
        KeyBinding([.character("y"), .character("Y")], .shiftClose(.confirmClose), label: "y", hint: "close the shift"),
        KeyBinding([.escape, .character("n"), .character("N")], .shiftClose(.back), label: "Esc", hint: "change the count"),
        ConsoleKeys.showHelp,
    ]
}
