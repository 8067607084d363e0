import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

@Suite("Held payments")
struct HeldPaymentsTests {
    static let held = Fixtures.payment(
        state: .held, reference: "ARNHELD1", createdAt: Fixtures.date(27, 9, 30), nextLookupAt: Fixtures.date(27, 10, 5),
        lookupCount: 1
    )
    static let sending = Fixtures.payment(state: .sending, reference: "ARNSEND2", username: "gita", name: "गीता श्रेष्ठ")
    static let paidLater = Fixtures.payment(
        state: .paid, reference: "ARNHELD1", transactionID: "KTX77", createdAt: Fixtures.date(27, 9, 30),
        updatedAt: Fixtures.date(27, 10, 6), lookupCount: 2
    )

    static func listStore(_ payments: [PaymentSummary] = [held, sending]) -> TestStore {
        var state = Fixtures.freshState()
        state.now = Fixtures.morning
        state.header.heldCount = payments.filter(\.state.isOpen).count
        state.screen = .heldPayments(HeldPaymentsScreen(payments: payments, calendar: Fixtures.calendar))
        return TestStore(state)
    }

    @Test("at start the console asks for held payments and the balance, and opens on the list when there are any")
    func shownAtStart() {
        let store = TestStore(Fixtures.freshState())
        store.send(.started(at: Fixtures.morning)) {
            $0.now = Fixtures.morning
            $0.showsHeldPaymentsWhenLoaded = true
        }
        store.receive(.loadShift)
        store.receive(.loadBalance, answer: .balanceLoaded(.failure(Fixtures.refusal(.invalidToken)))) {
            $0.header.balanceProblem = "Khalti does not accept this counter's token."
        }
        store.receive(.loadHeldPayments, answer: .heldPaymentsLoaded(.success([Self.held]))) {
            $0.showsHeldPaymentsWhenLoaded = false
            $0.header.heldCount = 1
            $0.screen = .heldPayments(HeldPaymentsScreen(payments: [Self.held], calendar: Fixtures.calendar))
        }
        // Later refreshes never take the clerk away from what they are doing.
        store.send(.heldPaymentsLoaded(.success([Self.held, Self.sending]))) {
            $0.header.heldCount = 2
            $0.screen = .heldPayments(HeldPaymentsScreen(payments: [Self.held, Self.sending], calendar: Fixtures.calendar))
        }
        store.press(.escape) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
        store.send(.heldPaymentsLoaded(.success([Self.held])))  { $0.header.heldCount = 1 }
    }

    @Test("with no held payments, or a clerk already typing, the console stays on the username")
    func notShownAtStart() {
        let store = TestStore(Fixtures.freshState())
        store.send(.started(at: Fixtures.morning)) {
            $0.now = Fixtures.morning
            $0.showsHeldPaymentsWhenLoaded = true
        }
        store.type("ab")
        store.receive(.loadShift)
        store.receive(.loadHeldPayments, answer: .heldPaymentsLoaded(.success([Self.held]))) {
            $0.showsHeldPaymentsWhenLoaded = false
            $0.header.heldCount = 1
        }
        store.receive(.loadBalance)
    }

    @Test("Up/Down select, Enter shows details, Esc goes back")
    func navigation() {
        let store = Self.listStore()
        store.press(.down) {
            var screen = HeldPaymentsScreen(payments: [Self.held, Self.sending], calendar: Fixtures.calendar)
            screen.selected = 1
            $0.screen = .heldPayments(screen)
        }
        store.press(.enter) {
            var screen = HeldPaymentsScreen(payments: [Self.held, Self.sending], calendar: Fixtures.calendar)
            screen.selected = 1
            screen.showsDetails = true
            $0.screen = .heldPayments(screen)
        }
        store.press(.escape) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
    }

    @Test("details say everything about the payment and what to do")
    func details() {
        let screen = HeldPaymentsScreen(payments: [Self.held], calendar: Fixtures.calendar)
        let lines = screen.details(of: Self.held, now: Fixtures.morning).map { "\($0.label): \($0.value)" }
        #expect(lines == [
            "State: HELD", "Username: Pradhanang", "Name: Ashish Pradhanang - Home", "Plan: 3 months",
            "Amount: Rs. 5,085.00", "Taken: 2025-11-27 09:30", "Counter: Counter 1, Sita", "Reference: ARNHELD1",
            "Lookups: 1", "Next lookup: 2025-11-27 10:05",
            "What to do: Keep the cash aside: the payment is pending and will be looked up. Next lookup at 10:05, by itself; "
                + "l looks up now those past Khalti's five minutes.",
        ])
        #expect(screen.advice(for: Self.paidLater, now: Fixtures.morning) == "Paid. Keep the cash and give the receipt. p prints it.")
        #expect(screen.advice(for: Fixtures.payment(state: .notReceived), now: Fixtures.morning)
            == "Khalti never received it. Give the customer their money back.")
        #expect(screen.advice(for: Fixtures.payment(state: .notPaid), now: Fixtures.morning)
            == "Not paid. Give the customer their money back.")
        #expect(screen.advice(for: Fixtures.payment(state: .held, attention: "Khalti recorded Rs. 10.00."), now: Fixtures.morning)
            .hasPrefix("NEEDS A PERSON: Khalti recorded Rs. 10.00. It is no longer looked up by itself."))
    }

    @Test("l looks up now: the answers replace the payments in the list, the result is summed up, a paid one's receipt prints")
    func lookUpNow() {
        let store = Self.listStore()
        store.press(.character("l")) {
            var screen = HeldPaymentsScreen(payments: [Self.held, Self.sending], calendar: Fixtures.calendar)
            screen.isLookingUp = true
            $0.screen = .heldPayments(screen)
        }
        store.press(.character("l")) // one lookup at a time
        let found = HeldLookupResult(
            lookedUp: [Self.paidLater], settled: [SettledPayment(before: .held, payment: Self.paidLater, note: "Lookup: Khalti says paid.")])
        store.receive(.lookUpNow([Self.held.reference, Self.sending.reference]), answer: .heldPaymentsLookedUp(.success(found))) {
            var screen = HeldPaymentsScreen(payments: [Self.paidLater, Self.sending], calendar: Fixtures.calendar)
            screen.notice = "Looked up 1: 1 paid, 0 to refund, 0 still held."
            $0.screen = .heldPayments(screen)
            $0.header.heldCount = 1
            $0.notices = Notices(shown: [Notice("Pradhanang: now PAID - printing the receipt", tone: .good, reference: Self.paidLater.reference)])
        }
        store.receive(.loadBalance)
        // Its receipt prints as a payment's does (no expiry known: the account was not looked up again).
        let receipt = Receipt(payment: Self.paidLater, newExpiry: nil, environment: .sandbox)
        store.receive(.printSettledReceipt(receipt), answer: .settledReceiptPrinted(Self.paidLater.reference, .success("saved as /r/1.txt"))) {
            $0.printedReceipts = [Self.paidLater.reference]
            $0.notices = Notices(shown: [Notice("Pradhanang: now PAID - receipt printed", tone: .good, reference: Self.paidLater.reference)])
        }
        // p prints it again, marked as a copy.
        store.press(.character("p")) {
            $0.screen = .heldPayments(HeldPaymentsScreen(payments: [Self.paidLater, Self.sending], calendar: Fixtures.calendar))
            $0.lastReceipt = receipt.reprint()
            $0.statusMessage = "Printing the receipt of ARNHELD1."
        }
        store.receive(.printReceipt(receipt.reprint()))
        // p does nothing on a payment that is not paid.
        store.press(.down) {
            var screen = HeldPaymentsScreen(payments: [Self.paidLater, Self.sending], calendar: Fixtures.calendar)
            screen.selected = 1
            $0.screen = .heldPayments(screen)
        }
        store.press(.character("p"))
        // Leaving the list: the notice has been seen.
        store.press(.escape) {
            $0.screen = .usernameEntry(UsernameEntryScreen())
            $0.notices = Notices()
        }
    }

    @Test("l with payments inside Khalti's five minutes says when each will be looked up; flagged ones are not asked about")
    func lookUpTooSoon() {
        let flagged = Fixtures.payment(
            state: .held, reference: "ARNFLAG3", username: "queuedfail", createdAt: Fixtures.date(27, 8, 0), attention: "Khalti recorded Rs. 10.00.")
        let fresh = Fixtures.payment(
            state: .held, reference: "ARNHELD1", username: "queuedok", createdAt: Fixtures.date(27, 9, 58), nextLookupAt: Fixtures.date(27, 10, 3))
        let store = Self.listStore([fresh, flagged])
        #expect(HeldPaymentsScreen(payments: [fresh, flagged], calendar: Fixtures.calendar).openReferences == [fresh.reference])
        store.press(.character("l")) {
            var screen = HeldPaymentsScreen(payments: [fresh, flagged], calendar: Fixtures.calendar)
            screen.isLookingUp = true
            $0.screen = .heldPayments(screen)
        }
        let found = HeldLookupResult(lookedUp: [], notYetDue: [fresh], waitingForPerson: [flagged])
        store.receive(.lookUpNow([fresh.reference]), answer: .heldPaymentsLookedUp(.success(found))) {
            var screen = HeldPaymentsScreen(payments: [fresh, flagged], calendar: Fixtures.calendar)
            screen.notice = "Nothing was looked up. Khalti asks for five minutes after sending; looked up by themselves then: "
                + "queuedok at 10:03."
            $0.screen = .heldPayments(screen)
        }
        // The flagged one says why it waits, and who settles it.
        store.press(.down) {
            var screen = HeldPaymentsScreen(payments: [fresh, flagged], calendar: Fixtures.calendar)
            screen.selected = 1
            $0.screen = .heldPayments(screen)
        }
        #expect(HeldPaymentsScreen(payments: [flagged], calendar: Fixtures.calendar).advice(for: flagged, now: Fixtures.morning)
            == "NEEDS A PERSON: Khalti recorded Rs. 10.00. It is no longer looked up by itself. Keep the cash aside: a supervisor "
                + "checks with Khalti and records the decision (arrownet resolve ARNFLAG3 --paid or --not-paid).")
    }

    @Test("a failed lookup is shown on the list with its reason")
    func lookupFails() {
        let store = Self.listStore()
        store.press(.character("l")) {
            var screen = HeldPaymentsScreen(payments: [Self.held, Self.sending], calendar: Fixtures.calendar)
            screen.isLookingUp = true
            $0.screen = .heldPayments(screen)
        }
        store.receive(.lookUpNow([Self.held.reference, Self.sending.reference]), answer: .heldPaymentsLookedUp(.failure(Fixtures.refusal(.maintenance)))) {
            var screen = HeldPaymentsScreen(payments: [Self.held, Self.sending], calendar: Fixtures.calendar)
            screen.lookupError = Fixtures.refusal(.maintenance)
            $0.screen = .heldPayments(screen)
        }
    }

    @Test("nothing open: l says there is nothing to look up")
    func nothingToLookUp() {
        let store = Self.listStore([Self.paidLater])
        store.press(.character("l")) {
            var screen = HeldPaymentsScreen(payments: [Self.paidLater], calendar: Fixtures.calendar)
            screen.notice = "Nothing to look up: every payment here is settled or waits for a person."
            $0.screen = .heldPayments(screen)
        }
    }

    @Test("F5 opens the list from the username and loads it; a read failure shows on the list")
    func openFromUsername() {
        let store = TestStore(Fixtures.freshState())
        store.press(.function(5)) {
            var screen = HeldPaymentsScreen(payments: [], calendar: Fixtures.calendar)
            screen.isLoading = true
            $0.screen = .heldPayments(screen)
        }
        store.receive(.loadHeldPayments, answer: .heldPaymentsLoaded(.failure(ConsoleError(kind: .unavailable, reason: "The journal is locked.", nextStep: "Try again.")))) {
            var screen = HeldPaymentsScreen(payments: [], calendar: Fixtures.calendar)
            screen.lookupError = ConsoleError(kind: .unavailable, reason: "The journal is locked.", nextStep: "Try again.")
            $0.screen = .heldPayments(screen)
        }
    }

    @Test("held payments that cannot be read at start are said on the status line")
    func unreadableAtStart() {
        let store = TestStore(Fixtures.freshState())
        store.send(.started(at: Fixtures.morning)) {
            $0.now = Fixtures.morning
            $0.showsHeldPaymentsWhenLoaded = true
        }
        store.receive(.loadBalance)
        store.receive(.loadShift)
        store.receive(.loadHeldPayments, answer: .heldPaymentsLoaded(.failure(ConsoleError(kind: .unavailable, reason: "The journal is locked.", nextStep: "Try again.")))) {
            $0.showsHeldPaymentsWhenLoaded = false
            $0.statusMessage = "Held payments could not be read: The journal is locked. Try again."
        }
    }

    @Test("a lookup answer after the clerk left the list refreshes the held count")
    func lookupAfterLeaving() {
        let store = TestStore(Fixtures.freshState())
        store.send(.heldPaymentsLookedUp(.success(HeldLookupResult(lookedUp: [Self.paidLater]))))
        store.receive(.loadHeldPayments)
    }
}
