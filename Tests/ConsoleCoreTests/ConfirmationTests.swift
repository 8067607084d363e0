import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

@Suite("Confirmation and sending")
struct ConfirmationTests {
    static let account = AccountScreenTests.screen()
    static let order = PaymentOrder(
        account: Fixtures.account(), plan: Fixtures.plans[1], newExpiry: Fixtures.date(9, 0, 0, month: 3, year: 2026),
        counter: "Counter 1", operatorName: "Sita", lookedUpAt: Fixtures.morning
    )
    static let confirmation = ConfirmationScreen(order: order, shownAt: Fixtures.morning, back: account)

    static func store() -> TestStore {
        var state = Fixtures.freshState()
        state.now = Fixtures.morning
        state.screen = .confirmation(confirmation)
        return TestStore(state)
    }

    @Test("reads back username, name, plan, amount and new expiry")
    func readBack() {
        let lines = Self.confirmation.readBack.map { "\($0.label): \($0.value)" }
        #expect(lines == [
            "Username: Pradhanang", "Name: Ashish Pradhanang - Home", "Plan: 3 months", "Amount: Rs. 5,085.00",
            "New expiry: 2082 Falgun 25 (2026-03-09)",
        ])
        #expect(Self.confirmation.question == "Read this back to the customer. Pay Rs. 5,085.00 now?")
        // calendar = ad: the AD date alone.
        let adOnly = AccountScreen(
            lookup: AccountLookup(account: Fixtures.account(), payments: []), lookedUpAt: Fixtures.morning,
            calendar: Fixtures.calendar, bsCalendar: nil, entry: AccountScreenTests.entry)
        let confirmation = ConfirmationScreen(order: Self.order, shownAt: Fixtures.morning, back: adOnly)
        #expect(confirmation.readBack.last?.value == "2026-03-09")
    }

    @Test("y after the guard window pays: sending, with the order committed once")
    func confirm() {
        let store = Self.store()
        store.advance(seconds: 1)
        store.press(.character("y")) {
            $0.screen = .sending(SendingScreen(order: Self.order, startedAt: Fixtures.morning.addingTimeInterval(1)))
        }
        store.receive(.commitPayment(Self.order))
        // No second submit: every key is ignored while sending (Ctrl-C only notes a quit, see QuittingTests).
        for key: Key in [.character("y"), .enter, .escape, .function(1), .control("q"), .function(5), .character("Y")] {
            store.advance(seconds: 1)
            store.press(key)
        }
        #expect(footerHints(for: store.state).isEmpty)
    }

    @Test("a y typed ahead, arriving within the window, is ignored and said so")
    func typeaheadCannotConfirm() {
        let store = Self.store()
        store.advance(seconds: 0.05)
        store.press(.character("y")) {
            var noticed = Self.confirmation
            noticed.notice = "That y came before the confirmation was on screen and was ignored. "
                + "Read the details back to the customer, then press y."
            $0.screen = .confirmation(noticed)
        }
        store.advance(seconds: ConfirmGuard.window - 0.1)
        store.press(.character("Y")) // still inside the window: the same notice, nothing sent
        #expect(store.outstanding.isEmpty)
    }

    @Test("Enter never confirms, however late")
    func enterDoesNotConfirm() {
        let store = Self.store()
        store.advance(seconds: 30)
        store.press(.enter)
        store.press(.character("1"))
    }

    @Test("Esc or n goes back to the plans as they were")
    func back() {
        for key: Key in [.escape, .character("n")] {
            let store = Self.store()
            store.press(key) { $0.screen = .account(Self.account) }
        }
    }

    @Test("the paid-today warning is repeated on the confirmation")
    func paidTodayRepeated() {
        let paid = Fixtures.payment(state: .paid, createdAt: Fixtures.date(27, 9, 0))
        let account = AccountScreenTests.screen(payments: [paid])
        let confirmation = ConfirmationScreen(order: Self.order, shownAt: Fixtures.morning, back: account)
        #expect(confirmation.paidTodayWarning == account.paidTodayWarning)
        #expect(confirmation.paidTodayWarning != nil)
    }

    @Test("ticks count the seconds spent sending")
    func sendingProgress() {
        var state = Fixtures.freshState()
        state.screen = .sending(SendingScreen(order: Self.order, startedAt: Fixtures.morning))
        let store = TestStore(state)
        store.send(.tick(Fixtures.morning.addingTimeInterval(7.9))) {
            $0.now = Fixtures.morning.addingTimeInterval(7.9)
            $0.screen = .sending(SendingScreen(order: Self.order, startedAt: Fixtures.morning, elapsedSeconds: 7))
        }
    }
}
