import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

/// The cash drawer behind the printer (issue 15): it opens with a payment just paid,
/// to count the shift's cash, and by hand with the clerk's reason; never on a reprint.
@Suite("The cash drawer")
struct DrawerTests {
    static func state(drawer: Bool) -> ConsoleState {
        var state = ConsoleState(
            counter: "Counter 1", operatorName: "Sita", environment: .sandbox, calendar: Fixtures.calendar, hasCashDrawer: drawer)
        state.now = Fixtures.morning
        state.shift = .open(ShiftTests.shift)
        return state
    }

    @Test("F4 is offered only where a drawer opens through the printer")
    func keyOnlyWithDrawer() {
        #expect(KeyMap.intent(for: .function(4), in: Self.state(drawer: false)) == nil)
        #expect(!footerHints(for: Self.state(drawer: false)).contains { $0.label == "F4" })
        #expect(KeyMap.intent(for: .function(4), in: Self.state(drawer: true)) == .console(.openDrawer))
        #expect(helpBindings(for: Self.state(drawer: true)).contains { $0.label == "F4" && $0.hint == "open drawer" })
    }

    @Test("F4: the clerk says why, Enter opens it and notes the reason; the username screen comes back as it was")
    func byHand() {
        var start = Self.state(drawer: true)
        start.screen = .usernameEntry(UsernameEntryScreen(text: "prad"))
        let store = TestStore(start)
        var expected = DrawerScreen(back: UsernameEntryScreen(text: "prad"))
        store.press(.function(4)) { $0.screen = .drawer(expected) }
        store.press(.enter) {
            expected.problem = "Say why the drawer opens (change for a customer, cash given back, a drop to the safe): "
                + "the shift report counts every opening."
            $0.screen = .drawer(expected)
        }
        for character in "change " {
            store.press(.character(character)) {
                expected.problem = nil
                expected.reason.insert(character)
                $0.screen = .drawer(expected)
            }
        }
        store.press(.enter) {
            expected.isOpening = true
            $0.screen = .drawer(expected)
        }
        store.press(.enter)  // once
        let jammed = ConsoleError(kind: .unavailable, reason: "The printer did not answer. The drawer did not open.", nextStep: "Use its key.")
        store.receive(.openDrawer(.clerk("change"), operatorName: "Sita"), answer: .drawerOpened(.clerk("change"), .failure(jammed))) {
            expected.isOpening = false
            expected.error = jammed
            $0.screen = .drawer(expected)
        }
        store.press(.enter) {
            expected.error = nil
            expected.isOpening = true
            $0.screen = .drawer(expected)
        }
        store.receive(
            .openDrawer(.clerk("change"), operatorName: "Sita"),
            answer: .drawerOpened(.clerk("change"), .success("drawer opened (escpos:/dev/usb/lp0)"))
        ) {
            $0.screen = .usernameEntry(UsernameEntryScreen(text: "prad"))
            $0.statusMessage = "Drawer opened (escpos:/dev/usb/lp0): change."
        }
        // Esc leaves without opening it.
        store.press(.function(4)) { $0.screen = .drawer(DrawerScreen(back: UsernameEntryScreen(text: "prad"))) }
        store.press(.escape) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "prad")) }
    }

    @Test("a payment paid at the counter opens the drawer with its receipt; without a drawer, and on a reprint, it does not")
    func paidPayment() {
        for drawer in [true, false] {
            var state = Self.state(drawer: drawer)
            state.screen = .sending(SendingScreen(order: OutcomeTests.order, startedAt: Fixtures.morning))
            var after = state
            let payment = Fixtures.payment(state: .paid, transactionID: "KTX1", updatedAt: Fixtures.morning)
            let effects = reduce(into: &after, action: .paymentFinished(Fixtures.paid(payment), at: Fixtures.morning))
            let receipt = Receipt(payment: payment, newExpiry: OutcomeTests.order.newExpiry, environment: .sandbox)
            #expect(effects.contains(.printReceipt(receipt, kickDrawer: drawer)), "drawer \(drawer)")
            let reprint = reduce(into: &after, action: .key(.character("r"), at: Fixtures.morning))
            #expect(reprint == [.printReceipt(receipt.reprint(), kickDrawer: false)])
        }
    }

    @Test("closing the shift opens the drawer to count, noted as the count; the close screen says whether it opened")
    func count() {
        var state = Self.state(drawer: true)
        let report = ShiftTests.xReport()
        let x = ShiftReportScreen(report: report, lines: ShiftTests.lines(report))
        state.screen = .shiftReport(x)
        let store = TestStore(state)
        store.press(.character("c")) { $0.screen = .shiftClose(ShiftCloseScreen(report: report, back: x, drawer: .opening)) }
        store.receive(.openDrawer(.count, operatorName: "Sita"), answer: .drawerOpened(.count, .success("drawer opened (escpos:/dev/usb/lp0)"))) {
            $0.screen = .shiftClose(ShiftCloseScreen(report: report, back: x, drawer: .opened("drawer opened (escpos:/dev/usb/lp0)")))
        }
        // Without a drawer nothing opens and nothing is said about one.
        var plain = Self.state(drawer: false)
        plain.screen = .shiftReport(x)
        let without = TestStore(plain)
        without.press(.character("c")) { $0.screen = .shiftClose(ShiftCloseScreen(report: report, back: x)) }
    }
}
