/// The screen the clerk is on, each with exactly the state it shows.
///
/// Adding a screen: a case here, a folder under `Screens/` with its state (conforming
/// to `ScreenState`), its intents and key bindings (`...Keys`), its reducer, and a case
/// in `KeyMap.bindings(for:)`, `KeyPress.perform` and TerminalUI's `ConsoleRenderer`.
/// The compiler lists every switch that needs the new case.
public enum Screen: Hashable, Sendable {
    case usernameEntry(UsernameEntryScreen)
    case loading(LoadingScreen)
    /// Account details and plan selection.
    case account(AccountScreen)
    case confirmation(ConfirmationScreen)
    case sending(SendingScreen)
    case outcome(OutcomeScreen)
    case heldPayments(HeldPaymentsScreen)
    /// No shift is open: the operator and the opening float.
    case shiftOpen(ShiftOpenScreen)
    /// The open shift's X report.
    case shiftReport(ShiftReportScreen)
    /// Counting the drawer and closing the shift.
    case shiftClose(ShiftCloseScreen)
    /// Opening the cash drawer by hand, with a reason.
    case drawer(DrawerScreen)

    /// The screen's title, for the header and help.
    public var title: String {
        switch self {
        case .usernameEntry: "Customer username"
        case .loading: "Looking up"
        case .account: "Account and plans"
        case .confirmation: "Confirm payment"
        case .sending: "Sending payment"
        case .outcome: "Payment result"
        case .heldPayments: "Held payments"
        case .shiftOpen: "Open the shift"
        case .shiftReport: "Shift report (X)"
        case .shiftClose: "Close the shift"
        case .drawer: "Open the cash drawer"
        }
    }

    /// Which screen this is, whatever its state: the clerk "reaches another screen" when it changes.
    public var kind: Kind {
        switch self {
        case .usernameEntry: .usernameEntry
        case .loading: .loading
        case .account: .account
        case .confirmation: .confirmation
        case .sending: .sending
        case .outcome: .outcome
        case .heldPayments: .heldPayments
        case .shiftOpen: .shiftOpen
        case .shiftReport: .shiftReport
        case .shiftClose: .shiftClose
        case .drawer: .drawer
        }
    }

    public enum Kind: Hashable, Sendable {
        case usernameEntry, loading, account, confirmation, sending, outcome, heldPayments, shiftOpen, shiftReport, shiftClose, drawer

        /// Screens of a customer being served: news from off-screen waits for the next screen.
        public var servesCustomer: Bool {
            switch self {
            case .loading, .account, .confirmation, .sending, .outcome: true
            case .usernameEntry, .heldPayments, .shiftOpen, .shiftReport, .shiftClose, .drawer: false
            }
        }
    }
}

/// The state of one kind of screen: how it is found in `Screen` and put back.
protocol ScreenState: Hashable, Sendable {
    /// This screen's state when `screen` is this kind of screen, else nil.
    init?(shown screen: Screen)
    var asScreen: Screen { get }
}

/// Where a screen's reducer leaves the console: on its own screen (whose state the
/// reducer changed in place) or on another one, and the effects to perform.
struct ScreenStep {
    var next: Screen?
    var effects: [ConsoleEffect]

    static func stay(_ effects: ConsoleEffect...) -> ScreenStep { ScreenStep(next: nil, effects: effects) }

    static func go(to screen: Screen, _ effects: ConsoleEffect...) -> ScreenStep { ScreenStep(next: screen, effects: effects) }
}

extension ConsoleState {
    /// Runs `body` on the state of the screen shown, when it is an `S`, and writes it
    /// back (or moves to the screen `body` chose): the one place that takes a screen's
    /// state out of `Screen` and puts it back.
    ///
    /// `body` also gets the rest of the console (header, recent usernames, ...); it
    /// moves to another screen by returning `.go(to:)`, never by setting `screen`.
    /// Returns nil, and changes nothing, when another screen is shown: the caller says
    /// what that means (an answer that came too late, a key routed to the wrong screen).
    mutating func update<S: ScreenState>(_ kind: S.Type, _ body: (inout S, inout ConsoleState) -> ScreenStep) -> [ConsoleEffect]? {
        guard var shown = S(shown: screen) else { return nil }
        let step = body(&shown, &self)
        screen = step.next ?? shown.asScreen
        return step.effects
    }

    /// The state of the screen shown when it is an `S`.
    func shown<S: ScreenState>(_ kind: S.Type) -> S? {
        S(shown: screen)
    }
}
