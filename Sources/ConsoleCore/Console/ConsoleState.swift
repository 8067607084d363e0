import ArrownetDomain
import Foundation

/// Everything the console shows, and nothing it does not. Renderers read it;
/// only `reduce` changes it.
public struct ConsoleState: Hashable, Sendable {
    public var header: HeaderInfo
    public var screen: Screen
    /// Help is drawn over the current screen, which keeps its state underneath.
    public var isHelpShown: Bool
    /// A message about something that happened off-screen (a receipt printed, held
    /// payments that could not be read), above the footer, wrapped when long; cleared
    /// by the next key.
    public var statusMessage: String?
    /// Newest first, no repeats, at most `recentLimit`.
    public var recentUsernames: [Username]
    /// The receipt Ctrl-R prints again.
    public var lastReceipt: Receipt?
    /// Dates on screen and on receipts are in this calendar's time zone.
    public let calendar: CounterCalendar
    /// Bikram Sambat dates beside AD ones (account, confirmation, receipts, shift
    /// reports); nil with `calendar = ad` in the config: AD alone.
    public let bsCalendar: BikramSambatCalendar?
    /// The operator the config names: who the shift-open screen suggests. Payments are
    /// taken in the name of the open shift's operator (`header.operatorName`).
    public let configuredOperator: String
    /// The counter's shift as the journal last said.
    public var shift: ShiftStatus
    /// Whether a cash drawer opens through the printer (`drawer = kick`): the drawer key
    /// is offered and counting the cash opens it.
    public let hasCashDrawer: Bool
    /// What happened off-screen (a held payment settled by a background lookup), shown
    /// above the status line: at once where nothing is under way for a customer, else
    /// on the next screen the clerk reaches; gone when they leave that screen.
    public var notices: Notices
    /// Paid payments whose receipt this console printed after a lookup settled them:
    /// printing one again from the held list is a reprint.
    public var printedReceipts: Set<PaymentReference>
    /// The latest time the console saw (a key or a tick), for "checked at 14:05" texts.
    public var now: Date?
    /// Set at start until the journal's held payments arrive: when there are any,
    /// the console opens on their list.
    public var showsHeldPaymentsWhenLoaded: Bool
    public var nextFetchID: Int
    /// The terminal's size as last reported; nil until it is (taken to be large enough).
    public var terminalSize: TerminalSize?
    /// Keys typed while the terminal was too small to show the screen, oldest first:
    /// applied, in order, once it is large enough again, so nothing typed is lost.
    public var keysWhileTooSmall: [Key]

    public static let recentLimit = 8

    /// `operatorName` is the config's; the header shows it until the journal names the
    /// open shift's operator.
    public init(
        counter: String, operatorName: String, environment: KhaltiEnvironment,
        calendar: CounterCalendar = CounterCalendar.nepal, bsCalendar: BikramSambatCalendar? = .shipped,
        hasCashDrawer: Bool = false, recentUsernames: [Username] = [], lowBalance: Money = LowBalance.defaultThreshold
    ) {
        header = HeaderInfo(counter: counter, operatorName: operatorName, environment: environment, lowBalance: lowBalance)
        configuredOperator = operatorName
        shift = .unknown
        self.bsCalendar = bsCalendar
        self.hasCashDrawer = hasCashDrawer
        notices = Notices()
        printedReceipts = []
        screen = .usernameEntry(UsernameEntryScreen())
        isHelpShown = false
        statusMessage = nil
        self.recentUsernames = Array(recentUsernames.prefix(Self.recentLimit))
        lastReceipt = nil
        self.calendar = calendar
        now = nil
        showsHeldPaymentsWhenLoaded = false
        nextFetchID = 1
        terminalSize = nil
        keysWhileTooSmall = []
    }

    /// Below the minimum size no screen is drawn, only "Terminal too small".
    public var isTooSmall: Bool { terminalSize.map { !$0.showsScreens } ?? false }

    /// Whether what is on screen changes as time passes (elapsed seconds): only then
    /// does the runtime send the one-second ticks.
    public var showsTimePassing: Bool {
        switch screen {
        case .loading, .sending: true
        case .usernameEntry, .account, .confirmation, .outcome, .heldPayments, .shiftOpen, .shiftReport, .shiftClose, .drawer:
            false
        }
    }

    /// Key bindings of what is on screen now (help's own when help is shown).
    public var keyBindings: [KeyBinding] { KeyMap.bindings(for: self) }
}

/// The footer: the keys of this screen that matter most, in order.
public func footerHints(for state: ConsoleState) -> [KeyHint] {
    KeyMap.bindings(for: state).filter(\.inFooter).map { KeyHint(label: $0.label, hint: $0.hint) }
}

/// What the help screen lists: the keys of the screen under it.
public func helpBindings(for state: ConsoleState) -> [KeyBinding] {
    var underneath = state
    underneath.isHelpShown = false
    return KeyMap.bindings(for: underneath)
}
