import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

@Suite("Payment outcomes")
struct OutcomeTests {
    static let order = ConfirmationTests.order
    static let sentAt = Fixtures.morning
    static let answeredAt = Fixtures.morning.addingTimeInterval(3)

    static func sendingStore() -> TestStore {
        var state = Fixtures.freshState()
        state.now = sentAt
        state.screen = .sending(SendingScreen(order: order, startedAt: sentAt))
        return TestStore(state, now: answeredAt)
    }

    @Test("paid: Khalti's transaction id, the receipt printed at once, balance and held list refreshed")
    func paid() {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: .paid, transactionID: "KTX9001", updatedAt: Self.answeredAt)
        let receipt = Receipt(payment: payment, newExpiry: Self.order.newExpiry, environment: .sandbox)
        let shown = OutcomeScreen(
            result: .paid, order: Self.order, payment: payment, headline: "PAID",
            reason: "Khalti confirmed the payment of Rs. 5,085.00 (Khalti transaction KTX9001).",
            nextStep: "Keep the cash and give the receipt.", receipt: receipt, printStatus: .printing
        )
        store.send(.paymentFinished(.recorded(payment, verdict: .paid, khaltiError: nil), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.lastReceipt = receipt
            $0.screen = .outcome(shown)
        }
        store.receive(.printReceipt(receipt), answer: .receiptPrinted(.success("saved to /var/arrownet/receipts/1.txt"))) {
            $0.statusMessage = "Receipt printed: saved to /var/arrownet/receipts/1.txt"
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
        store.receive(.printReceipt(receipt.reprint()), answer: .receiptPrinted(.failure(ConsoleError(
            kind: .unavailable, reason: "The printer is out of paper.", nextStep: "Load paper, then press r."
        )))) {
            $0.statusMessage = "The receipt was not printed: The printer is out of paper. Load paper, then press r."
            var failed = shown
            failed.printStatus = .failed(ConsoleError(kind: .unavailable, reason: "The printer is out of paper.", nextStep: "Load paper, then press r."))
            $0.screen = .outcome(failed)
        }
        store.press(.enter) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
        // Ctrl-R on the next customer's screen reprints the last receipt.
        store.press(.control("r")) { $0.statusMessage = "Printing the last receipt again (Counter1-6Q7R8S9T0V)." }
        // The receipt number is the counter and the end of the reference.
        #expect(receipt.number == "Counter1-6Q7R8S9T0V")
        store.receive(.printReceipt(receipt.reprint()))
    }

    @Test("held: what to tell the customer and when it will be checked; the cash is kept aside")
    func held() {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: .held, nextLookupAt: Fixtures.date(27, 10, 5))
        store.send(.paymentFinished(.recorded(payment, verdict: .held(.noAnswer, lookUpAfterSeconds: 300), khaltiError: nil), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .held, order: Self.order, payment: payment, headline: "HELD",
                reason: "Khalti did not answer in time; the payment may or may not have gone through.",
                nextStep: "Keep the cash aside and do not take this payment again: it will be looked up at 10:05. F5 lists held payments.",
                tellCustomer: "Your payment is waiting for Khalti's confirmation. We will check it at 10:05; please do not pay again. "
                    + "You will get a receipt, or your money back if it did not go through.",
                checkAt: Fixtures.date(27, 10, 5)
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

    @Test("held with Khalti's refusal: the refusal is said, and the lookup time comes from the verdict when the journal has none")
    func heldWithRefusal() {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: .held)
        let refusal = ConsoleError(code: .insufficientCredits)
        store.send(.paymentFinished(
            .recorded(payment, verdict: .held(.rejectedMaybeApplied(httpStatus: 400, errorCode: "1016"), lookUpAfterSeconds: 0), khaltiError: refusal),
            at: Self.answeredAt
        )) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .held, order: Self.order, payment: payment, headline: "HELD",
                reason: "Khalti refused the request (HTTP 400, code \"1016\"), but it may still have gone through. "
                    + "Khalti said: Khalti balance too low for this payment.",
                nextStep: "Keep the cash aside and do not take this payment again: it will be looked up at 10:00. F5 lists held payments.",
                tellCustomer: "Your payment is waiting for Khalti's confirmation. We will check it at 10:00; please do not pay again. "
                    + "You will get a receipt, or your money back if it did not go through.",
                checkAt: Self.answeredAt
            ))
        }
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
    }

    @Test("not paid: refund the customer")
    func notPaid() {
        let store = Self.sendingStore()
        let payment = Fixtures.payment(state: .notPaid)
        store.send(.paymentFinished(.recorded(payment, verdict: .notPaid(.failed(state: "Failed")), khaltiError: nil), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .notPaid, order: Self.order, payment: payment, headline: "NOT PAID",
                reason: "Khalti says the payment failed (state \"Failed\"); no money moved.",
                nextStep: "Give the customer their money back."
            ))
        }
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
        store.press(.enter) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
    }

    @Test("not taken: nothing was sent, with the reason and next step")
    func notTaken() {
        let store = Self.sendingStore()
        let problem = ConsoleError(kind: .unavailable, reason: "The payment journal could not be written.", nextStep: "Call support.")
        store.send(.paymentFinished(.notTaken(problem), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .notTaken, order: Self.order, payment: nil, headline: "NOT SENT",
                reason: "The payment journal could not be written.",
                nextStep: "Nothing was sent: give back any cash taken for it. Call support."
            ))
        }
    }

    @Test("every hold reason and every not-paid reason has its own sentence")
    func everyReasonWorded() {
        let holds: [HoldReason] = [
            .pending(state: "Queued"), .unknownState(nil), .unknownState("Weird"),
            .rejectedMaybeApplied(httpStatus: 400, errorCode: nil), .serverError(httpStatus: 502),
            .unreadableAnswer(httpStatus: 200), .noAnswer, .unexpectedStatus(httpStatus: 302),
        ]
        let holdTexts = holds.map(OutcomeWording.holdReason)
        #expect(Set(holdTexts).count == holds.count)
        #expect(holdTexts.allSatisfy { $0.hasPrefix("Khalti") && $0.hasSuffix(".") })
        let notPaid: [NotPaidReason] = [.failed(state: "Expired"), .serviceNotFound, .notSent, .refunded]
        let notPaidTexts = notPaid.map(OutcomeWording.notPaidReason)
        #expect(Set(notPaidTexts).count == notPaid.count)
        #expect(notPaidTexts.allSatisfy { $0.hasSuffix(".") })
    }

    @Test("every Khalti error code reaches the clerk as a reason and a next step")
    func everyErrorCode() {
        for code in KhaltiErrorCode.allCases {
            let error = ConsoleError(code: code)
            #expect(error.reason == code.meaning)
            #expect(error.nextStep == code.nextStep)
            #expect(error.sentence.hasSuffix(".") && error.sentence.count > 30, "\(code.code)")
        }
        #expect(ConsoleError(kind: .unavailable, reason: "Khalti did not answer within 20 s. Check the connection.", nextStep: "").sentence
            == "Khalti did not answer within 20 s. Check the connection.")
        #expect(ConsoleError(code: .validationError, khaltiSaid: "amount: Invalid amount").reason
            == "Khalti refused the request as invalid. (Khalti: amount: Invalid amount)")
    }

    @Test("a payment answer that arrives on another screen is not shown, but the held list is refreshed")
    func lateOutcome() {
        var state = Fixtures.freshState()
        state.now = Fixtures.morning
        let store = TestStore(state)
        store.send(.paymentFinished(.notTaken(ConsoleError(code: .maintenance)), at: Fixtures.morning))
        store.receive(.loadHeldPayments)
    }
}
