/// What keys do on the X report.
public enum ShiftReportIntent: Hashable, Sendable {
    case scrollUp
    case scrollDown
    case pageUp
    case pageDown
    case print
    /// Count the drawer and close the shift.
    case closeShift
    case back
}

enum ShiftReportKeys {
    static func bindings(for screen: ShiftReportScreen) -> [KeyBinding] {
        screen.report == nil ? all.filter { ![.shiftReport(.print), .shiftReport(.closeShift)].contains($0.intent) } : all
    }

    private static let all: [KeyBinding] = [
        KeyBinding([.up], .shiftReport(.scrollUp), label: "Up/Down", hint: "scroll"),
        KeyBinding([.down], .shiftReport(.scrollDown), hint: "scroll down", inFooter: false),
        KeyBinding([.pageUp], .shiftReport(.pageUp), hint: "page up", inFooter: false),
        KeyBinding([.pageDown, .character(" ")], .shiftReport(.pageDown), label: "PgDn", hint: "page down", inFooter: false),
        KeyBinding([.character("p")], .shiftReport(.print), hint: "print"),
        KeyBinding([.character("c")], .shiftReport(.closeShift), hint: "close the shift"),
        KeyBinding([.escape], .shiftReport(.back), hint: "back"),
        ConsoleKeys.showHelp,
    ]
}
