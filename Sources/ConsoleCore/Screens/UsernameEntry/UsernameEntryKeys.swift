/// What keys do on the username screen.
public enum UsernameEntryIntent: Hashable, Sendable {
    /// Letters, digits and . _ - @ (any character no binding takes; see `KeyMap.intent`).
    case type
    case lookUp
    case cursorLeft
    case cursorRight
    case cursorToStart
    case cursorToEnd
    case deleteBackward
    case deleteForward
    case clear
    case olderRecentUsername
    case newerRecentUsername
    case reprintLastReceipt
}

enum UsernameEntryKeys {
    /// Ctrl-R once there is a receipt to print again; F4 where a drawer opens through the printer.
    static func bindings(hasLastReceipt: Bool, hasCashDrawer: Bool) -> [KeyBinding] {
        all.filter { binding in
            (hasLastReceipt || binding.intent != .usernameEntry(.reprintLastReceipt))
                && (hasCashDrawer || binding.intent != .console(.openDrawer))
        }
    }

    /// In the order help lists them: what the footer shows and quitting first (the shift
    /// and held payments before the rest, so a 60-column footer still names them), then
    /// the keys every text field has (a small terminal's help may not reach them).
    private static let all: [KeyBinding] = [
        KeyBinding([], .usernameEntry(.type), label: "a-z 0-9 . _ - @", hint: "type the username", inFooter: false),
        KeyBinding([.enter], .usernameEntry(.lookUp), hint: "look up"),
        ConsoleKeys.showShiftReport,
        ConsoleKeys.showHeldPayments,
        ConsoleKeys.showHelp,
        ConsoleKeys.openDrawer,
        KeyBinding([.control("r")], .usernameEntry(.reprintLastReceipt), hint: "reprint last receipt"),
        ConsoleKeys.quit,
        KeyBinding([.up], .usernameEntry(.olderRecentUsername), label: "Up/Down", hint: "recent usernames", inFooter: false),
        KeyBinding([.escape, .control("u")], .usernameEntry(.clear), hint: "clear the username", inFooter: false),
        KeyBinding([.down], .usernameEntry(.newerRecentUsername), hint: "newer recent username", inFooter: false),
        KeyBinding([.left, .control("b")], .usernameEntry(.cursorLeft), hint: "cursor left", inFooter: false),
        KeyBinding([.right, .control("f")], .usernameEntry(.cursorRight), hint: "cursor right", inFooter: false),
        KeyBinding([.home, .control("a")], .usernameEntry(.cursorToStart), hint: "cursor to start", inFooter: false),
        KeyBinding([.end, .control("e")], .usernameEntry(.cursorToEnd), hint: "cursor to end", inFooter: false),
        KeyBinding([.backspace, .control("h")], .usernameEntry(.deleteBackward), hint: "delete before the cursor", inFooter: false),
        KeyBinding([.delete, .control("d")], .usernameEntry(.deleteForward), hint: "delete at the cursor", inFooter: false),
    ]
}
