import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

/// The payment's answer, as the live desk reports it (`Fixtures.paid`, `.held`, ...
/// go through LiveConsole's `DeskOutcomes` with the desk's `PaymentSentences`): the
/// journal's state decides the screen, the desk's sentence says why.
@Suite("Payment outcomes")
struct OutcomeTests {
    static let order = ConfirmationTests.order
    static let sentAt = Fixtures.morning
    static let answeredAt = Fixtures.morning.addingTimeInterval(3)
    static let heldNextStep = "Keep the cash aside and do not take this payment again: it will be looked up at 10:05. F5 lists held payments."
    static let tellHeld = "Your payment is waiting for Khalti's confirmation. We will check it at 10:05; please do not pay again. "
        + "You will get a receipt, or your money back if it did not go through."

    static func sendingStore() -> TestStore {
        var state = Fixtures.freshState()
        state.now = sentAt
        state.screen = .sending(SendingScreen(order: order, startedAt: sentAt))
        return TestStore(state, now: answeredAt)
    }

    @Test("paid: the desk's sentence, the receipt printed at once and shown where it went, balance and held list refreshed")
    func paid() {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: .paid, transactionID: "KTX9001", updatedAt: Self.answeredAt)
        let receipt = Receipt(payment: payment, newExpiry: Self.order.newExpiry, environment: .sandbox)
        let shown = OutcomeScreen(
            result: .paid, order: Self.order, payment: payment, headline: "PAID",
            reason: "Khalti says the payment succeeded.",
            nextStep: "Keep the cash and give the receipt.", receipt: receipt, printStatus: .printing
        )
        store.send(.paymentFinished(Fixtures.paid(payment), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.lastReceipt = receipt
            $0.screen = .outcome(shown)
        }
        // Where the receipt went is said once, on the result, not again on the status line.
        store.receive(.printReceipt(receipt), answer: .receiptPrinted(.success("saved to /var/arrownet/receipts/1.txt"))) {
            var printed = shown
            printed.printStatus = .printed("saved to /var/arrownet/receipts/1.txt")
            $0.screen = .outcome(printed)
        }
        store.receive(.loadBalance, answer: .balanceLoaded(.success(Money(rupees: 94_915)))) {
            $0.header.balance = Money(rupees: 94_915)
        }
        store.receive(.loadHeldPayments, answer: .heldPaymentsLoaded(.success([])))
        // r prints the same receipt again, marked REPRINT.
        store.press(.character("r")) {
            var reprinting = shown
            reprinting.printStatus = .printing
            $0.screen = .outcome(reprinting)
        }
        let outOfPaper = ConsoleError(kind: .unavailable, reason: "The printer is out of paper.", nextStep: "Load paper, then press r.")
        store.receive(.printReceipt(receipt.reprint()), answer: .receiptPrinted(.failure(outOfPaper))) {
            var failed = shown
            failed.printStatus = .failed(outOfPaper)
            $0.screen = .outcome(failed)
        }
        store.press(.enter) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
        // Ctrl-R on the next customer's screen reprints the last receipt; the status line says where it went.
        store.press(.control("r")) { $0.statusMessage = "Printing the last receipt again (Counter1-6Q7R8S9T0V)." }
        // The receipt number is the counter and the end of the reference.
        #expect(receipt.number == "Counter1-6Q7R8S9T0V")
        store.receive(.printReceipt(receipt.reprint()), answer: .receiptPrinted(.success("saved to /var/arrownet/receipts/2.txt"))) {
            $0.statusMessage = "Receipt printed: saved to /var/arrownet/receipts/2.txt"
        }
        store.press(.control("r")) { $0.statusMessage = "Printing the last receipt again (Counter1-6Q7R8S9T0V)." }
        store.receive(.printReceipt(receipt.reprint()), answer: .receiptPrinted(.failure(outOfPaper))) {
            $0.statusMessage = "The receipt was not printed: The printer is out of paper. Load paper, then press r."
        }
    }

    @Test("held: the desk's reason, what to tell the customer and when it will be checked; the cash is kept aside")
    func held() {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: .held, nextLookupAt: Fixtures.date(27, 10, 5))
        store.send(.paymentFinished(Fixtures.held(payment, .noAnswer), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .held, order: Self.order, payment: payment, headline: "HELD",
                reason: "No answer came from Khalti. It may have gone through: it will be looked up, never sent again.",
                nextStep: Self.heldNextStep, tellCustomer: Self.tellHeld, checkAt: Fixtures.date(27, 10, 5)
            ))
        }
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments, answer: .heldPaymentsLoaded(.success([payment]))) { $0.header.heldCount = 1 }
        // No receipt for a held payment: r does nothing, and the footer does not offer it.
        store.press(.character("r"))
        #expect(!footerHints(for: store.state).contains { $0.label == "r" })
        store.press(.function(5)) {
            var list = HeldPaymentsScreen(payments: [], calendar: Fixtures.calendar)
            list.isLoading = true
            $0.screen = .heldPayments(list)
        }
        store.receive(.loadHeldPayments)
    }

    @Test("held after Khalti's refusal (HTTP 400): the refusal's meaning is said; checked when the journal says")
    func heldWithRefusal() {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: .held, nextLookupAt: Self.answeredAt)
        store.send(.paymentFinished(
            Fixtures.held(payment, .rejectedMaybeApplied(httpStatus: 400, errorCode: "1016"), refusal: .insufficientCredits),
            at: Self.answeredAt
        )) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .held, order: Self.order, payment: payment, headline: "HELD",
                reason: "Khalti refused the request (HTTP 400, code 1016). Khalti balance too low for this payment. "
                    + "It may have gone through: it will be looked up, never sent again.",
                nextStep: "Keep the cash aside and do not take this payment again: it will be looked up at 10:00. F5 lists held payments.",
                tellCustomer: "Your payment is waiting for Khalti's confirmation. We will check it at 10:00; please do not pay again. "
                    + "You will get a receipt, or your money back if it did not go through.",
                checkAt: Self.answeredAt
            ))
        }
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
    }

    @Test("an answer the journal could not write leaves the payment sending: held, looked up after Khalti's five minutes")
    func sendingIsHeld() {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: .sending)
        // The desk's words for it (PaymentDesk.pay): the answer's sentence, then the journal's failure.
        let reason = PaymentSentences.paid + " The answer could not be written to the journal (disk I/O error); the payment will be looked up."
        store.send(.paymentFinished(Fixtures.outcome(.held(payment, reason: reason)), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .held, order: Self.order, payment: payment, headline: "HELD", reason: reason,
                nextStep: Self.heldNextStep, tellCustomer: Self.tellHeld, checkAt: Self.answeredAt.addingTimeInterval(300)
            ))
        }
        // No receipt: the journal does not say paid.
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
    }

    @Test("not paid: refund the customer, under the journal's own word", arguments: [
        (PaymentState.notPaid, "NOT PAID", PaymentSentences.notPaid(.failed(state: "Failed"))),
        (.notPaid, "NOT PAID", PaymentSentences.notPaid(.notSent)),
        (.notReceived, "NOT RECEIVED", PaymentSentences.notPaid(.serviceNotFound)),
        (.abandoned, "NOT SENT", "Another counter's start-up recovery cancelled this payment before it was sent; nothing was paid. Take the payment again."),
    ])
    func notPaid(state: PaymentState, headline: String, reason: String) {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: state)
        store.send(.paymentFinished(Fixtures.outcome(.notPaid(payment, reason: reason)), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .notPaid, order: Self.order, payment: payment, headline: headline, reason: reason,
                nextStep: "Give the customer their money back."
            ))
        }
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
        store.press(.enter) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
    }

    @Test("not taken: nothing was sent, with the desk's reason and next step (none twice)")
    func notTaken() {
        let store = Self.sendingStore()
        store.send(.paymentFinished(Fixtures.journalFailed(), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .notTaken, order: Self.order, payment: nil, headline: "NOT SENT",
                reason: "The payment journal could not be written (disk I/O error). Nothing was sent to Khalti.",
                nextStep: "Nothing was sent: give back any cash taken for it. Call support: no payment can be taken until the journal can be used."
            ))
        }
        // A refusal that already says what to do adds no empty next step.
        let refused = Self.sendingStore()
        refused.send(.paymentFinished(Fixtures.outcome(.refused("Arrownet does not offer 3 months; look the customer up again.")), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .notTaken, order: Self.order, payment: nil, headline: "NOT SENT",
                reason: "Arrownet does not offer 3 months; look the customer up again.",
                nextStep: "Nothing was sent: give back any cash taken for it."
            ))
        }
    }

    @Test("every hold and not-paid reason the desk can give reaches the result screen in its own words")
    func everyReasonWorded() {
        let holds: [HoldReason] = [
            .pending(state: "Queued"), .unknownState(nil), .unknownState("Weird"),
            .rejectedMaybeApplied(httpStatus: 400, errorCode: nil), .serverError(httpStatus: 502),
            .unreadableAnswer(httpStatus: 200), .noAnswer, .unexpectedStatus(httpStatus: 302),
        ]
        let payment = Fixtures.payment(state: .held)
        let heldScreens = holds.map { OutcomeWording.screen(
            for: Fixtures.held(payment, $0), order: Self.order, environment: .sandbox, calendar: Fixtures.calendar, now: Self.answeredAt)
        }
        #expect(heldScreens.allSatisfy { $0.result == .held && $0.headline == "HELD" })
        #expect(Set(heldScreens.map(\.reason)).count == holds.count)
        #expect(heldScreens.map(\.reason) == holds.map { PaymentSentences.held($0) })
        let notPaid: [NotPaidReason] = [.failed(state: "Expired"), .serviceNotFound, .notSent, .refunded]
        let refundScreens = notPaid.map { OutcomeWording.screen(
            for: Fixtures.notPaid(Fixtures.payment(state: .notPaid), $0), order: Self.order, environment: .sandbox,
            calendar: Fixtures.calendar, now: Self.answeredAt)
        }
        #expect(refundScreens.allSatisfy { $0.result == .notPaid && $0.nextStep == "Give the customer their money back." })
        #expect(Set(refundScreens.map(\.reason)).count == notPaid.count)
        #expect(refundScreens.allSatisfy { $0.reason.hasSuffix(".") })
    }

    @Test("a payment answer that arrives on another screen is not shown, but the held list is refreshed")
    func lateOutcome() {
        var state = Fixtures.freshState()
        state.now = Fixtures.morning
        let store = TestStore(state)
        store.send(.paymentFinished(Fixtures.journalFailed(), at: Fixtures.morning)) { $0.now = Fixtures.morning }
        store.receive(.loadHeldPayments)
    }
}
