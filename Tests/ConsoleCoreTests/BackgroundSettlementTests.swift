import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

/// Held payments settled by the console's background lookups (issue 10): the header's
/// count, a notice the clerk sees at once where nothing is under way or on the next
/// screen they reach, and a paid one's receipt printed.
@Suite("Held payments settled in the background")
struct BackgroundSettlementTests {
    static let queuedOK = Fixtures.payment(
        state: .held, reference: "ARNQOK1", username: "queuedok", name: "Bikash Tamang - Home", duration: .oneMonth,
        amount: Money(rupees: 1695), createdAt: Fixtures.date(27, 9, 30), nextLookupAt: Fixtures.date(27, 9, 35))
    static let queuedFail = Fixtures.payment(
        state: .held, reference: "ARNQFAIL2", username: "queuedfail", name: "Anita Rai - Home", duration: .oneMonth,
        amount: Money(rupees: 1695), createdAt: Fixtures.date(27, 9, 31), nextLookupAt: Fixtures.date(27, 9, 36))

    static func settled(_ payment: PaymentSummary, _ state: PaymentState, attention: String? = nil, counter: String = "Counter 1") -> SettledPayment {
        SettledPayment(
            before: .held,
            payment: PaymentSummary(
                reference: payment.reference, username: payment.username, customerName: payment.customerName,
                duration: payment.duration, amount: payment.amount, counter: counter, operatorName: payment.operatorName,
                state: state, transactionID: state == .paid ? "KTX5" : nil, createdAt: payment.createdAt,
                updatedAt: Fixtures.morning, nextLookupAt: state == .held ? Fixtures.date(27, 10, 30) : nil, lookupCount: 1,
                attention: attention),
            note: "Lookup.")
    }

    static func state(on screen: Screen, held: Int = 2) -> ConsoleState {
        var state = Fixtures.freshState()
        state.now = Fixtures.morning
        state.header.heldCount = held
        state.screen = screen
        return state
    }

    @Test("on the username screen: the notice at once, the held count, the paid one's receipt; gone once the clerk moves on")
    func idleScreen() {
        let store = TestStore(Self.state(on: .usernameEntry(UsernameEntryScreen())))
        let paid = Self.settled(Self.queuedOK, .paid)
        let notice = Notice("queuedok: now PAID - printing the receipt", tone: .good, reference: paid.payment.reference)
        store.send(.heldPaymentsReconciled(HeldReconciliation(settled: [paid], held: [Self.queuedFail]))) {
            $0.header.heldCount = 1
            $0.notices = Notices(shown: [notice])
        }
        let receipt = Receipt(payment: paid.payment, newExpiry: nil, environment: .sandbox)
        #expect(receipt.isReprint == false)
        store.receive(.printSettledReceipt(receipt), answer: .settledReceiptPrinted(paid.payment.reference, .success("saved as /r.txt"))) {
            $0.printedReceipts = [paid.payment.reference]
            $0.notices = Notices(shown: [Notice("queuedok: now PAID - receipt printed", tone: .good, reference: paid.payment.reference)])
        }
        store.receive(.loadBalance)
        // Typing stays on the screen, and so does the notice; looking a customer up leaves it.
        store.type("ab")
        store.press(.enter) {
            $0.screen = .loading(LoadingScreen(
                username: Fixtures.username("ab"), fetchID: FetchID(1), startedAt: Fixtures.morning, entry: UsernameEntryScreen(text: "ab")))
            $0.nextFetchID = 2
            $0.notices = Notices()
        }
        store.receive(.fetchAccount(Fixtures.username("ab"), FetchID(1)))
    }

    @Test("serving a customer: the news waits for the next screen, stays while the customer is served, goes after the next username")
    func customerScreen() {
        let account = AccountScreenTests.screen()
        let store = TestStore(Self.state(on: .account(account)))
        let notPaid = Self.settled(Self.queuedFail, .notPaid)
        let notice = Notice("queuedfail: NOT PAID - give back Rs. 1,695.00", tone: .bad, reference: notPaid.payment.reference)
        store.send(.heldPaymentsReconciled(HeldReconciliation(settled: [notPaid], held: [Self.queuedOK]))) {
            $0.header.heldCount = 1
            $0.notices = Notices(waiting: [notice])
        }
        store.receive(.loadBalance)
        store.press(.character("1")) { state in
            let order = PaymentOrder(
                account: account.account, plan: account.plans[0].plan, newExpiry: account.plans[0].newExpiry, counter: "Counter 1",
                operatorName: "Sita", lookedUpAt: account.lookedUpAt)
            state.screen = .confirmation(ConfirmationScreen(order: order, shownAt: Fixtures.morning, back: account))
            state.notices = Notices(shown: [notice])
        }
        store.receive(.discardTypeahead)
        store.press(.escape) { $0.screen = .account(account) }
        store.press(.escape) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", isSelected: true)) }
        #expect(store.state.notices.shown == [notice], "still in view on the username screen")
        store.press(.function(5)) {
            var loading = HeldPaymentsScreen(payments: [], calendar: Fixtures.calendar)
            loading.isLoading = true
            $0.screen = .heldPayments(loading)
            $0.notices = Notices()
        }
        store.receive(.loadHeldPayments)
    }

    @Test("other counters' payments change the count only; a flagged one says NEEDS A PERSON; a receipt that did not print is said")
    func otherCountersAndFlags() {
        let store = TestStore(Self.state(on: .usernameEntry(UsernameEntryScreen())))
        let elsewhere = Self.settled(Self.queuedOK, .paid, counter: "Counter 2")
        let flagged = Self.settled(Self.queuedFail, .held, attention: "Khalti recorded Rs. 1,696.00.")
        store.send(.heldPaymentsReconciled(HeldReconciliation(settled: [elsewhere, flagged], held: [flagged.payment]))) {
            $0.header.heldCount = 1
            $0.notices = Notices(shown: [Notice(
                "queuedfail: NEEDS A PERSON - keep Rs. 1,695.00 aside; see F5", tone: .warning, reference: flagged.payment.reference)])
        }
        store.receive(.loadBalance)
        // A settled paid payment whose notice the clerk already left behind: a failed receipt is still said.
        store.send(.settledReceiptPrinted(Self.queuedOK.reference, .failure(ConsoleError(kind: .unavailable, reason: "No paper.", nextStep: "")))) {
            $0.statusMessage = "The receipt of ARNQOK1 (now PAID) was not printed: No paper. F5, then p prints it."
        }
    }

    @Test("on the held list: settled payments stay with their new state, new held ones join, the last l's summary goes")
    func heldList() {
        var list = HeldPaymentsScreen(payments: [Self.queuedOK, Self.queuedFail], calendar: Fixtures.calendar)
        list.selected = 1
        // What the last l said is about the list as it was: it goes with the news.
        list.notice = "Looked up 2: 0 paid, 0 to refund, 2 still held."
        let store = TestStore(Self.state(on: .heldPayments(list)))
        let paid = Self.settled(Self.queuedOK, .paid)
        let another = Fixtures.payment(state: .held, reference: "ARNNEW3", username: "gita", createdAt: Fixtures.date(27, 9, 50))
        store.send(.heldPaymentsReconciled(HeldReconciliation(settled: [paid], held: [Self.queuedFail, another]))) {
            var updated = HeldPaymentsScreen(payments: [paid.payment, Self.queuedFail, another], calendar: Fixtures.calendar)
            updated.selected = 1
            $0.screen = .heldPayments(updated)
            $0.notices = Notices(shown: [Notice("queuedok: now PAID - printing the receipt", tone: .good, reference: paid.payment.reference)])
        }
        store.receive(.printSettledReceipt(Receipt(payment: paid.payment, newExpiry: nil, environment: .sandbox)))
        store.receive(.loadBalance)
        #expect(store.state.header.heldCount == 2)
    }

    @Test("nothing settled: only the count follows the journal")
    func nothingSettled() {
        let store = TestStore(Self.state(on: .usernameEntry(UsernameEntryScreen()), held: 0))
        store.send(.heldPaymentsReconciled(HeldReconciliation(settled: [], held: [Self.queuedOK]))) { $0.header.heldCount = 1 }
    }
}
