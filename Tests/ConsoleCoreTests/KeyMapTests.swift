import ArrownetDomain
@testable import ConsoleCore
import Foundation
import Testing

@Suite("Key map, help and footer")
struct KeyMapTests {
    static var everyScreen: [(String, ConsoleState)] {
        let order = ConfirmationTests.order
        var confirmingClose = ShiftCloseScreen(report: ShiftTests.xReport(), back: ShiftReportScreen(report: ShiftTests.xReport()))
        confirmingClose.step = .confirming(counted: .zero)
        let screens: [Screen] = [
            .usernameEntry(UsernameEntryScreen()),
            .loading(LoadingTests.loading),
            .account(AccountScreenTests.screen()),
            .confirmation(ConfirmationTests.confirmation),
            .sending(SendingScreen(order: order, startedAt: Fixtures.morning)),
            .outcome(OutcomeScreen(result: .notPaid, order: order, payment: nil, headline: "NOT PAID", reason: "r.", nextStep: "n.")),
            .heldPayments(HeldPaymentsScreen(payments: [HeldPaymentsTests.held], calendar: Fixtures.calendar)),
            .shiftOpen(ShiftOpenScreen(operatorName: "Sita")),
            .shiftReport(ShiftReportScreen(report: ShiftTests.xReport(), lines: ShiftTests.lines(ShiftTests.xReport()))),
            .shiftClose(ShiftCloseScreen(report: ShiftTests.xReport(), back: ShiftReportScreen(report: ShiftTests.xReport()))),
            .shiftClose(confirmingClose),
            .drawer(DrawerScreen()),
        ]
        return screens.map { screen in
            var state = Fixtures.freshState()
            state.screen = screen
            return (screen.title, state)
        }
    }

    @Test("no key is bound twice on a screen")
    func noDuplicateKeys() {
        #expect(Self.everyScreen.count == 12, "the routing test below takes one argument per screen")
        for (title, state) in Self.everyScreen {
            let keys = KeyMap.bindings(for: state).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(title)")
        }
    }

    @Test("the footer of each screen")
    func footers() {
        let footers = Self.everyScreen.map { title, state in
            "\(title): " + footerHints(for: state).map { "\($0.label) \($0.hint)" }.joined(separator: " · ")
        }
        #expect(footers == [
            "Customer username: Enter look up · F3 shift report · F5 held payments · F1 help · Ctrl-Q quit",
            "Looking up: Esc back",
            "Account and plans: 1 3 6 2 choose 1, 3, 6 or 12 months · Enter choose highlighted · Up/Down move · Esc back · F1 help",
            "Confirm payment: y customer agrees: pay · Esc change · F1 help",
            "Sending payment: ",
            "Payment result: Enter next customer · F5 held payments · F1 help",
            "Held payments: Up/Down select · Enter details · l look up now · Esc back · F1 help",
            "Open the shift: Enter open the shift · Tab next field · F1 help · F5 held payments · Ctrl-Q quit",
            "Shift report (X): Up/Down scroll · p print · c close the shift · Esc back · F1 help",
            "Close the shift: Enter check the count · Tab note · Esc back · F1 help",
            "Close the shift: y close the shift · Esc change the count · F1 help",
            "Open the cash drawer: Enter open the drawer · Esc back · F1 help",
        ])
    }

    @Test("state decides some keys: reprint once there is a receipt, plan keys not offered when refused")
    func stateDependentKeys() {
        var state = Fixtures.freshState()
        #expect(KeyMap.intent(for: .control("r"), in: state) == nil)
        state.lastReceipt = Receipt(payment: HeldPaymentsTests.paidLater, newExpiry: nil, environment: .live)
        #expect(KeyMap.intent(for: .control("r"), in: state) == .usernameEntry(.reprintLastReceipt))
        #expect(footerHints(for: state).contains(KeyHint(label: "Ctrl-R", hint: "reprint last receipt")))

        state.screen = .account(AccountScreenTests.screen(Fixtures.account(advance: false)))
        #expect(footerHints(for: state).map(\.label) == ["Up/Down", "Esc", "F1"])
        #expect(KeyMap.intent(for: .character("3"), in: state) == .account(.choosePlanByDigit))
    }

    @Test("F1 shows help listing the keys of the screen under it; Esc or F1 closes it and nothing else acts")
    func help() {
        var state = Fixtures.freshState()
        state.now = Fixtures.morning
        state.screen = .account(AccountScreenTests.screen())
        let store = TestStore(state)
        store.press(.function(1)) { $0.isHelpShown = true }
        let listed = helpBindings(for: store.state)
        #expect(listed.map(\.intent) == [
            .account(.choosePlanByDigit), .account(.chooseHighlightedPlan), .account(.highlightPrevious),
            .account(.highlightNext), .account(.backToUsername), .console(.showHelp), .console(.quit),
        ])
        #expect(listed.last.map { "\($0.label) \($0.hint)" } == "Ctrl-C quit (waits for a payment on its way)")
        #expect(footerHints(for: store.state) == [KeyHint(label: "Esc", hint: "close help")])
        store.press(.character("1"))  // not a plan choice while help is up
        store.press(.enter)
        store.press(.escape) { $0.isHelpShown = false }
        store.press(.function(1)) { $0.isHelpShown = true }
        store.press(.function(1)) { $0.isHelpShown = false }
    }

    @Test("help on the username screen documents typing, which has no single key")
    func helpDocumentsTyping() {
        var state = Fixtures.freshState()
        state.isHelpShown = true
        let first = helpBindings(for: state).first
        #expect(first?.label == "a-z 0-9 . _ - @" && first?.keys.isEmpty == true)
        // And typing does not reach the field while help is shown.
        var after = state
        _ = reduce(into: &after, action: .key(.character("a"), at: Fixtures.morning))
        #expect(after.screen == state.screen)
    }

    @Test("Ctrl-Q quits from the username screen and from help over it; Ctrl-C from every screen, and help lists it")
    func quit() {
        let store = TestStore(Fixtures.freshState())
        store.press(.control("q"))
        store.receive(.quit)
        // Help over the username screen: Ctrl-Q still quits, and typing still does not reach the field.
        var helpShown = Fixtures.freshState()
        helpShown.isHelpShown = true
        let help = TestStore(helpShown)
        help.press(.control("q"))
        help.receive(.quit)
        #expect(helpBindings(for: helpShown).contains { $0.keys == [.control("c")] && $0.intent == .console(.quit) })
        var state = Fixtures.freshState()
        state.screen = .account(AccountScreenTests.screen())
        #expect(KeyMap.intent(for: .control("q"), in: state) == nil)
        state.isHelpShown = true
        #expect(KeyMap.intent(for: .control("q"), in: state) == nil)
        for (title, state) in Self.everyScreen {
            #expect(KeyMap.intent(for: .control("c"), in: state) == .console(.quit), "\(title)")
            var underHelp = state
            underHelp.isHelpShown = true
            #expect(KeyMap.intent(for: .control("c"), in: underHelp) == .console(.quit), "help over \(title)")
            // Ctrl-C is told in help, never in the footer.
            #expect(!footerHints(for: state).contains { $0.label == "Ctrl-C" }, "\(title)")
        }
    }

    @Test("every key a screen binds is carried out by that screen's reducer, never routed elsewhere", arguments: 0..<12)
    func everyBindingRoutes(screenIndex: Int) {
        let (title, onScreen) = Self.everyScreen[screenIndex]
        var underHelp = onScreen
        underHelp.isHelpShown = true
        for state in [onScreen, underHelp] {
            let keys = KeyMap.bindings(for: state).flatMap(\.keys) + [.character("a")]
            for key in keys {
                guard let intent = KeyMap.intent(for: key, in: state) else { continue }
                var after = state
                #expect(KeyPress.perform(intent, key: key, at: Fixtures.morning.addingTimeInterval(5), state: &after) != nil,
                        "\(key.label) on \(title)\(state.isHelpShown ? " (help)" : "")")
            }
        }
        // And the check can fail: a screen's intent on another screen is refused, changing nothing.
        var wrong = onScreen
        let foreign: Intent = if case .outcome = onScreen.screen { .loading(.cancel) } else { .outcome(.nextCustomer) }
        #expect(KeyPress.perform(foreign, key: .enter, at: Fixtures.morning, state: &wrong) == nil)
        #expect(wrong == onScreen)
    }

    @Test("keys name themselves for help")
    func labels() {
        let labels = [Key.character("y"), .character(" "), .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left,
                      .right, .home, .end, .pageUp, .pageDown, .function(10), .control("q")].map(\.label)
        #expect(labels == ["y", "Space", "Enter", "Esc", "Tab", "Shift-Tab", "Backspace", "Del", "Up", "Down", "Left", "Right",
                           "Home", "End", "PgUp", "PgDn", "F10", "Ctrl-Q"])
    }
}
