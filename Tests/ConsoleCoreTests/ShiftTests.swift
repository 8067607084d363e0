import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

/// The counter's shift in the console (issue 13): opening one when none is open, the X
/// report, counting the drawer and closing, and a payment that finds the shift gone.
@Suite("Shifts")
struct ShiftTests {
    static let shift = ShiftReport.ShiftInfo(
        id: 7, number: 3, counter: "Counter 1", operatorName: "Sita", openedAt: Fixtures.date(27, 9, 0), closedAt: nil,
        openingFloat: Money(rupees: 1000))

    /// Shift 3 with a paid and a held payment: Rs. 4,390.00 expected in the drawer.
    static func xReport(onTheirWay: Int = 0) -> ShiftReport {
        var report = ShiftReport(shift: shift, takenAt: Fixtures.morning)
        report.paid.add(Money(rupees: 1695))
        report.paidByPlan[1] = ShiftReport.Tally(count: 1, amount: Money(rupees: 1695))
        report.held.add(Money(rupees: 1695))
        for _ in 0..<onTheirWay { report.onTheirWay.add(Money(rupees: 1695)) }
        return report
    }

    static func zReport(counted: Money, note: String? = nil) -> ShiftReport {
        let closedAt = Fixtures.date(27, 18, 2)
        var report = ShiftReport(
            shift: ShiftReport.ShiftInfo(
                id: shift.id, number: shift.number, counter: shift.counter, operatorName: shift.operatorName,
                openedAt: shift.openedAt, closedAt: closedAt, openingFloat: shift.openingFloat),
            takenAt: closedAt)
        report.paid = xReport().paid
        report.held = xReport().held
        report.countedCash = counted
        report.note = note
        return report
    }

    static func lines(_ report: ShiftReport) -> [PrintLine] {
        ShiftReportLayout.document(for: report, environment: .sandbox, calendar: Fixtures.calendar).lines
    }

    /// A console whose journal said no shift is open: the shift-open screen.
    static func noShiftStore() -> TestStore {
        var state = Fixtures.freshState()
        state.now = Fixtures.morning
        state.shift = .none
        state.header.hasNoShift = true
        state.screen = .shiftOpen(ShiftOpenScreen(operatorName: "Sita"))
        return TestStore(state)
    }

    /// A console with shift 3 open, on the username screen.
    static func openShiftState() -> ConsoleState {
        var state = Fixtures.freshState()
        state.now = Fixtures.morning
        state.shift = .open(shift)
        return state
    }

    @Test("at start the journal says no shift is open: the shift-open screen comes first, keeping what was typed")
    func noShiftAtStart() {
        let store = TestStore(Fixtures.freshState())
        store.send(.started(at: Fixtures.morning)) {
            $0.now = Fixtures.morning
            $0.showsHeldPaymentsWhenLoaded = true
        }
        store.type("prad")
        store.receive(.loadShift, answer: .shiftLoaded(.success(nil))) {
            $0.shift = .none
            $0.header.hasNoShift = true
            $0.screen = .shiftOpen(ShiftOpenScreen(operatorName: "Sita", entry: UsernameEntryScreen(text: "prad")))
        }
        // Held payments arriving later do not take the clerk away from opening the shift.
        store.receive(.loadHeldPayments, answer: .heldPaymentsLoaded(.success([HeldPaymentsTests.held]))) {
            $0.showsHeldPaymentsWhenLoaded = false
            $0.header.heldCount = 1
        }
        store.receive(.loadBalance)
        // The config's operator is prefilled: the float is what the clerk types first.
        guard case .shiftOpen(let screen) = store.state.screen else { Issue.record("not on the shift-open screen"); return }
        #expect(screen.focus == .openingFloat)
        #expect(screen.operatorName.text == "Sita" && screen.operatorName.isSelected)
        #expect(footerHints(for: store.state).map(\.label) == ["Enter", "Tab", "F1", "F5", "Ctrl-Q"])
    }

    @Test("an open shift at start: its operator is in the header and the username screen stays")
    func openShiftAtStart() {
        let store = TestStore(Fixtures.freshState())
        let hari = ShiftReport.ShiftInfo(
            id: 8, number: 4, counter: "Counter 1", operatorName: "Hari", openedAt: Fixtures.date(27, 8, 0), closedAt: nil,
            openingFloat: Money(rupees: 500))
        store.send(.shiftLoaded(.success(hari))) {
            $0.shift = .open(hari)
            $0.header.operatorName = "Hari"
        }
        // The journal cannot be read: said on the status line; payments will say it too.
        store.send(.shiftLoaded(.failure(ConsoleError(kind: .unavailable, reason: "The journal is locked.", nextStep: "Try again.")))) {
            $0.statusMessage = "The counter's shift could not be read: The journal is locked. Try again."
        }
    }

    @Test("Enter opens the shift once the float reads as rupees; what is wrong is said; the desk's answer opens the username screen")
    func openShift() {
        let store = Self.noShiftStore()
        var expected = ShiftOpenScreen(operatorName: "Sita")
        store.press(.enter) {
            expected.problem = "Type the cash in the drawer now in rupees, e.g. 5000 or 5,000.50 (0 when there is none)."
            $0.screen = .shiftOpen(expected)
        }
        for character in "5,000x" {
            store.press(.character(character)) {
                expected.problem = nil
                expected.openingFloat.insert(character)
                $0.screen = .shiftOpen(expected)
            }
        }
        store.press(.enter) {
            expected.problem = "\"5,000x\" is not an amount in rupees (expected digits like 1695.00). Type rupees, e.g. 5000 or 5,000.50."
            $0.screen = .shiftOpen(expected)
        }
        store.press(.backspace) {
            expected.problem = nil
            expected.openingFloat.deleteBackward()
            $0.screen = .shiftOpen(expected)
        }
        store.press(.enter) {
            expected.isOpening = true
            $0.screen = .shiftOpen(expected)
        }
        // While the desk opens it, keys neither edit nor send it twice.
        store.press(.character("9"))
        store.press(.enter)
        let opened = ShiftReport.ShiftInfo(
            id: 9, number: 4, counter: "Counter 1", operatorName: "Sita", openedAt: Fixtures.morning, closedAt: nil,
            openingFloat: Money(rupees: 5000))
        store.receive(.openShift(operatorName: "Sita", float: Money(rupees: 5000)), answer: .shiftOpened(.success(.opened(opened)))) {
            $0.shift = .open(opened)
            $0.header.hasNoShift = false
            $0.screen = .usernameEntry(UsernameEntryScreen())
            $0.statusMessage = "Shift 4 opened by Sita with Rs. 5,000.00 in the drawer."
        }
    }

    @Test("the operator is typed over the prefilled name; payments are then taken in that name")
    func anotherOperator() {
        let store = Self.noShiftStore()
        var expected = ShiftOpenScreen(operatorName: "Sita")
        store.press(.tab) {
            expected.focus = .operatorName
            $0.screen = .shiftOpen(expected)
        }
        for character in "Hari" {
            store.press(.character(character)) {
                expected.operatorName.insert(character)
                $0.screen = .shiftOpen(expected)
            }
        }
        #expect(expected.operatorName.text == "Hari", "typing replaced the selected name")
        store.press(.down) {
            expected.focus = .openingFloat
            $0.screen = .shiftOpen(expected)
        }
        store.press(.character("0")) {
            expected.openingFloat.insert("0")
            $0.screen = .shiftOpen(expected)
        }
        store.press(.enter) {
            expected.isOpening = true
            $0.screen = .shiftOpen(expected)
        }
        let hari = ShiftReport.ShiftInfo(
            id: 9, number: 4, counter: "Counter 1", operatorName: "Hari", openedAt: Fixtures.morning, closedAt: nil,
            openingFloat: .zero)
        store.receive(.openShift(operatorName: "Hari", float: .zero), answer: .shiftOpened(.success(.opened(hari)))) {
            $0.shift = .open(hari)
            $0.header.operatorName = "Hari"
            $0.header.hasNoShift = false
            $0.screen = .usernameEntry(UsernameEntryScreen())
            $0.statusMessage = "Shift 4 opened by Hari with Rs. 0.00 in the drawer."
        }
        // The order confirmed on an account screen carries the shift's operator.
        var state = store.state
        state.screen = .account(AccountScreenTests.screen())
        let order = TestStore(state)
        order.press(.character("1")) { state in
            guard case .account(let account) = state.screen else { return }
            state.screen = .confirmation(ConfirmationScreen(
                order: PaymentOrder(
                    account: account.account, plan: account.plans[0].plan, newExpiry: account.plans[0].newExpiry,
                    counter: "Counter 1", operatorName: "Hari", lookedUpAt: account.lookedUpAt),
                shownAt: Fixtures.morning, back: account))
        }
        order.receive(.discardTypeahead)
    }

    @Test("a blank operator is refused; the desk's failure and a shift opened elsewhere first are said")
    func openRefusals() {
        let store = Self.noShiftStore()
        var expected = ShiftOpenScreen(operatorName: "Sita")
        store.press(.backTab) {
            expected.focus = .operatorName
            $0.screen = .shiftOpen(expected)
        }
        store.press(.backspace) {  // the whole selected name goes
            expected.operatorName.deleteBackward()
            $0.screen = .shiftOpen(expected)
        }
        store.press(.enter) {
            expected.problem = "Type the name of the operator who takes this shift."
            $0.screen = .shiftOpen(expected)
        }
        for character in "Ram" {
            store.press(.character(character)) {
                expected.problem = nil
                expected.operatorName.insert(character)
                $0.screen = .shiftOpen(expected)
            }
        }
        store.press(.tab) {
            expected.focus = .openingFloat
            $0.screen = .shiftOpen(expected)
        }
        store.press(.character("1")) {
            expected.openingFloat.insert("1")
            $0.screen = .shiftOpen(expected)
        }
        store.press(.enter) {
            expected.isOpening = true
            $0.screen = .shiftOpen(expected)
        }
        let locked = ConsoleError(kind: .unavailable, reason: "The journal is locked.", nextStep: "Try again.")
        store.receive(.openShift(operatorName: "Ram", float: Money(rupees: 1)), answer: .shiftOpened(.failure(locked))) {
            expected.isOpening = false
            expected.error = locked
            $0.screen = .shiftOpen(expected)
        }
        store.press(.enter) {
            expected.error = nil
            expected.isOpening = true
            $0.screen = .shiftOpen(expected)
        }
        store.receive(.openShift(operatorName: "Ram", float: Money(rupees: 1)), answer: .shiftOpened(.success(.alreadyOpen(Self.shift)))) {
            $0.shift = .open(Self.shift)
            $0.header.hasNoShift = false
            $0.screen = .usernameEntry(UsernameEntryScreen())
            $0.statusMessage = "Shift 3 of Counter 1 was already open (Sita, since 09:00): payments go into it."
        }
    }

    @Test("F3 shows the X report as printed; it scrolls within its lines and p prints it")
    func xReport() {
        var state = Self.openShiftState()
        state.terminalSize = TerminalSize(width: 60, height: 16)
        let store = TestStore(state)
        store.press(.function(3)) { $0.screen = .shiftReport(ShiftReportScreen()) }
        let report = Self.xReport()
        var expected = ShiftReportScreen(report: report, lines: Self.lines(report))
        store.receive(.loadShiftReport(shiftID: 7), answer: .shiftReportLoaded(.success(report))) {
            $0.screen = .shiftReport(expected)
        }
        #expect(expected.lines.contains { $0.text.contains("X REPORT") })
        let visible = ShiftReportScreen.visibleLines(on: TerminalSize(width: 60, height: 16))
        let last = expected.lines.count - visible
        #expect(visible == 10 && last > visible, "a report longer than two pages at 60x16")
        store.press(.up)  // at the top already
        store.press(.down) {
            expected.scroll = 1
            $0.screen = .shiftReport(expected)
        }
        store.press(.pageDown) {
            expected.scroll = 1 + visible
            $0.screen = .shiftReport(expected)
        }
        store.press(.pageDown) {
            expected.scroll = last
            $0.screen = .shiftReport(expected)
        }
        store.press(.down)  // at the end already
        store.press(.pageUp) {
            expected.scroll = last - visible
            $0.screen = .shiftReport(expected)
        }
        store.press(.character("p")) {
            expected.printStatus = .printing
            $0.screen = .shiftReport(expected)
        }
        store.press(.character("p"))  // one print at a time
        store.receive(.printShiftReport(report), answer: .shiftReportPrinted(.success("saved as /r/2025-11-27_Counter1_shift3_X.txt"))) {
            expected.printStatus = .printed("saved as /r/2025-11-27_Counter1_shift3_X.txt")
            $0.screen = .shiftReport(expected)
        }
        store.press(.escape) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
        #expect(footerHints(for: state).map(\.label).prefix(3) == ["Enter", "F3", "F5"], "the username footer names the shift key")
    }

    @Test("F3 before the journal named the shift waits for it; none open leads to the shift-open screen")
    func xReportBeforeShiftKnown() {
        var waiting = ShiftReportScreen()
        waiting.awaitsShift = true
        let store = TestStore(Fixtures.freshState())
        store.press(.function(3)) { $0.screen = .shiftReport(waiting) }
        store.send(.shiftLoaded(.success(Self.shift))) {
            $0.shift = .open(Self.shift)
            $0.screen = .shiftReport(ShiftReportScreen())
        }
        store.receive(.loadShiftReport(shiftID: 7))
        let none = TestStore(Fixtures.freshState())
        none.press(.function(3)) { $0.screen = .shiftReport(waiting) }
        none.send(.shiftLoaded(.success(nil))) {
            $0.shift = .none
            $0.header.hasNoShift = true
            $0.screen = .shiftOpen(ShiftOpenScreen(operatorName: "Sita"))
        }
    }

    @Test("a report that cannot be made is said")
    func xReportRefused() {
        let store = TestStore(Self.openShiftState())
        store.press(.function(3)) { $0.screen = .shiftReport(ShiftReportScreen()) }
        let locked = ConsoleError(kind: .unavailable, reason: "The journal is locked.", nextStep: "Try again.")
        store.receive(.loadShiftReport(shiftID: 7), answer: .shiftReportLoaded(.failure(locked))) {
            var failed = ShiftReportScreen()
            failed.isLoading = false
            failed.error = locked
            $0.screen = .shiftReport(failed)
        }
        // Neither print nor close without a report.
        #expect(KeyMap.intent(for: .character("p"), in: store.state) == nil)
        #expect(KeyMap.intent(for: .character("c"), in: store.state) == nil)
    }

    /// On the X report of shift 3, loaded.
    static func reportStore(_ report: ShiftReport = xReport()) -> TestStore {
        var state = openShiftState()
        state.screen = .shiftReport(ShiftReportScreen(report: report, lines: lines(report)))
        return TestStore(state)
    }

    @Test("c: count the drawer, read the difference back, y closes; the Z report prints and the shift-open screen says how it ended")
    func closeShift() {
        let store = Self.reportStore()
        let report = Self.xReport()
        let back = ShiftReportScreen(report: report, lines: Self.lines(report))
        var expected = ShiftCloseScreen(report: report, back: back)
        store.press(.character("c")) { $0.screen = .shiftClose(expected) }
        #expect(expected.expected == Money(rupees: 4390))
        for character in "4,300" {
            store.press(.character(character)) {
                expected.counted.insert(character)
                $0.screen = .shiftClose(expected)
            }
        }
        store.press(.tab) {
            expected.focus = .note
            $0.screen = .shiftClose(expected)
        }
        for character in "change" {
            store.press(.character(character)) {
                expected.note.insert(character)
                $0.screen = .shiftClose(expected)
            }
        }
        store.press(.enter) {
            expected.step = .confirming(counted: Money(rupees: 4300))
            $0.screen = .shiftClose(expected)
        }
        store.receive(.discardTypeahead)
        #expect(expected.difference == Money(rupees: -90))
        #expect(ShiftFigures.differenceText(Money(rupees: -90)) == "SHORT Rs. 90.00")
        // Esc goes back to change the count, Enter checks it again.
        store.press(.escape) {
            expected.step = .counting
            $0.screen = .shiftClose(expected)
        }
        store.press(.enter) {
            expected.step = .confirming(counted: Money(rupees: 4300))
            $0.screen = .shiftClose(expected)
        }
        store.receive(.discardTypeahead)
        store.press(.character("y")) {
            expected.step = .closing(counted: Money(rupees: 4300))
            $0.screen = .shiftClose(expected)
        }
        store.press(.character("y"))  // closing: no key closes twice
        let z = Self.zReport(counted: Money(rupees: 4300), note: "change")
        store.receive(.closeShift(counted: Money(rupees: 4300), note: "change"), answer: .shiftClosed(.closed(z))) {
            $0.shift = .none
            $0.header.hasNoShift = true
            var open = ShiftOpenScreen(operatorName: "Sita")
            open.closed = ClosedShift(report: z)
            $0.screen = .shiftOpen(open)
        }
        store.receive(.printShiftReport(z), answer: .shiftReportPrinted(.success("saved as /r/2025-11-27_Counter1_shift3_Z.txt"))) {
            var open = ShiftOpenScreen(operatorName: "Sita")
            open.closed = ClosedShift(report: z, printStatus: .printed("saved as /r/2025-11-27_Counter1_shift3_Z.txt"))
            $0.screen = .shiftOpen(open)
        }
        #expect(ClosedShift(report: z).summary(calendar: Fixtures.calendar)
            == "Shift 3 of Counter 1 closed at 18:02: expected Rs. 4,390.00, counted Rs. 4,300.00, SHORT Rs. 90.00.")
    }

    @Test("the count must be an amount; Esc from the count goes back to the X report")
    func countRefused() {
        let store = Self.reportStore()
        let report = Self.xReport()
        let back = ShiftReportScreen(report: report, lines: Self.lines(report))
        var expected = ShiftCloseScreen(report: report, back: back)
        store.press(.character("c")) { $0.screen = .shiftClose(expected) }
        store.press(.enter) {
            expected.problem = "Type the cash counted in the drawer in rupees, e.g. 5000 or 5,000.50 (0 when there is none)."
            $0.screen = .shiftClose(expected)
        }
        store.press(.character("y")) {  // not a confirmation while counting: typed, then refused on Enter
            expected.problem = nil
            expected.counted.insert("y")
            $0.screen = .shiftClose(expected)
        }
        store.press(.enter) {
            expected.problem = "\"y\" is not an amount in rupees (expected digits like 1695.00). Type rupees, e.g. 5000 or 5,000.50."
            $0.screen = .shiftClose(expected)
        }
        store.press(.escape) { $0.screen = .shiftReport(back) }
    }

    @Test("a payment of the shift on its way: the screen warns, and the desk's refusal is shown with the count kept")
    func paymentOnItsWay() {
        let report = Self.xReport(onTheirWay: 1)
        let store = Self.reportStore(report)
        let back = ShiftReportScreen(report: report, lines: Self.lines(report))
        var expected = ShiftCloseScreen(report: report, back: back)
        #expect(expected.paymentsOnTheirWay == 1)
        store.press(.character("c")) { $0.screen = .shiftClose(expected) }
        store.press(.character("0")) {
            expected.counted.insert("0")
            $0.screen = .shiftClose(expected)
        }
        store.press(.enter) {
            expected.step = .confirming(counted: .zero)
            $0.screen = .shiftClose(expected)
        }
        store.receive(.discardTypeahead)
        store.press(.character("y")) {
            expected.step = .closing(counted: .zero)
            $0.screen = .shiftClose(expected)
        }
        let refusal = ConsoleError(
            kind: .unavailable,
            reason: "A payment of this shift is still on its way to Khalti (ARN1): close the shift once it is answered.", nextStep: "")
        store.receive(.closeShift(counted: .zero, note: nil), answer: .shiftClosed(.refused(refusal))) {
            expected.step = .confirming(counted: .zero)
            expected.error = refusal
            $0.screen = .shiftClose(expected)
        }
        #expect(store.state.shift == .open(Self.shift), "the shift stays open")
    }

    @Test("the shift was closed at another terminal: closing says so and asks for a new shift")
    func closedElsewhere() {
        let report = Self.xReport()
        var state = Self.openShiftState()
        var closing = ShiftCloseScreen(report: report, back: ShiftReportScreen(report: report, lines: Self.lines(report)))
        closing.step = .closing(counted: .zero)
        state.screen = .shiftClose(closing)
        let store = TestStore(state)
        store.send(.shiftClosed(.noOpenShift)) {
            $0.shift = .none
            $0.header.hasNoShift = true
            var open = ShiftOpenScreen(operatorName: "Sita")
            open.notice = "This counter's shift was already closed, at another terminal: nothing was closed here. "
                + "Open a shift to take payments."
            $0.screen = .shiftOpen(open)
        }
    }

    @Test("a payment that finds no open shift (closed at another terminal) asks for a shift, with the username kept")
    func paymentWithoutShift() {
        var state = Self.openShiftState()
        state.screen = .sending(SendingScreen(order: ConfirmationTests.order, startedAt: Fixtures.morning))
        let store = TestStore(state)
        store.send(.paymentFinished(Fixtures.noOpenShift(counter: "Counter 1"), at: Fixtures.morning)) {
            $0.shift = .none
            $0.header.hasNoShift = true
            var open = ShiftOpenScreen(operatorName: "Sita", entry: UsernameEntryScreen(text: "Pradhanang", isSelected: true))
            open.notice = "No shift is open at Counter 1 (it was closed, perhaps at another terminal), so nothing was sent: "
                + "give back any cash taken for this payment. Open a shift to take payments."
            $0.screen = .shiftOpen(open)
        }
        // Once a shift opens, the username is back, selected, to look the customer up again.
        store.press(.character("5")) { state in
            guard case .shiftOpen(var open) = state.screen else { return }
            open.openingFloat.insert("5")
            state.screen = .shiftOpen(open)
        }
        store.press(.enter) { state in
            guard case .shiftOpen(var open) = state.screen else { return }
            open.isOpening = true
            state.screen = .shiftOpen(open)
        }
        store.receive(.openShift(operatorName: "Sita", float: Money(rupees: 5)), answer: .shiftOpened(.success(.opened(Self.shift)))) {
            $0.shift = .open(Self.shift)
            $0.header.hasNoShift = false
            $0.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", isSelected: true))
            $0.statusMessage = "Shift 3 opened by Sita with Rs. 1,000.00 in the drawer."
        }
    }

    @Test("with no shift open, the next customer and the held list's Esc lead to the shift-open screen")
    func homeWithoutShift() {
        var state = Fixtures.freshState()
        state.shift = .none
        state.header.hasNoShift = true
        state.screen = .heldPayments(HeldPaymentsScreen(payments: [], calendar: Fixtures.calendar))
        let store = TestStore(state)
        store.press(.escape) { $0.screen = .shiftOpen(ShiftOpenScreen(operatorName: "Sita")) }
        store.press(.function(5)) {
            var loading = HeldPaymentsScreen(payments: [], calendar: Fixtures.calendar)
            loading.isLoading = true
            $0.screen = .heldPayments(loading)
        }
        store.receive(.loadHeldPayments)
    }
}
