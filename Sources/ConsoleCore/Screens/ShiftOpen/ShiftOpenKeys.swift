/// What keys do on the shift-open screen.
public enum ShiftOpenIntent: Hashable, Sendable {
    case edit(TextEditIntent)
    /// Tab or Down: to the other field.
    case nextField
    /// Shift-Tab or Up.
    case previousField
    case open
}

enum ShiftOpenKeys {
    static let bindings: [KeyBinding] = [
        TextEditKeys.typing(.shiftOpen(.edit(.type)), label: "letters, 0-9 , .", hint: "type the operator's name, then the cash in the drawer"),
        KeyBinding([.enter], .shiftOpen(.open), hint: "open the shift"),
        KeyBinding([.tab, .down], .shiftOpen(.nextField), label: "Tab", hint: "next field"),
        KeyBinding([.backTab, .up], .shiftOpen(.previousField), label: "Shift-Tab", hint: "previous field", inFooter: false),
        // Help before the held list, so a 60-column footer still names it.
        ConsoleKeys.showHelp,
        ConsoleKeys.showHeldPayments,
        ConsoleKeys.quit,
    ] + TextEditKeys.editing(escapeClears: true) { .shiftOpen(.edit($0)) }
}
