import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

/// The payment desk's way of reporting: the journal's state and the desk's sentence.
@Suite("Outcomes reported by the payment desk")
struct JournaledOutcomeTests {
    static let order = ConfirmationTests.order
    static let answeredAt = OutcomeTests.answeredAt

    @Test("paid: the same screen and receipt as a paid verdict; the desk's sentence is not needed")
    func paid() {
        let store = OutcomeTests.sendingStore()
        let payment = Fixtures.payment(state: .paid, transactionID: "KTX9001", updatedAt: Self.answeredAt)
        let receipt = Receipt(payment: payment, newExpiry: Self.order.newExpiry, environment: .sandbox)
        store.send(.paymentFinished(.journaled(payment, reason: "Khalti says the payment succeeded."), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.lastReceipt = receipt
            $0.screen = .outcome(OutcomeScreen(
                result: .paid, order: Self.order, payment: payment, headline: "PAID",
                reason: "Khalti confirmed the payment of Rs. 5,085.00 (Khalti transaction KTX9001).",
                nextStep: "Keep the cash and give the receipt.", receipt: receipt, printStatus: .printing
            ))
        }
        store.receive(.printReceipt(receipt))
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
    }

    @Test("held: the desk's reason, checked at the journal's next lookup")
    func held() {
        let store = OutcomeTests.sendingStore()
        let payment = Fixtures.payment(state: .held, nextLookupAt: Fixtures.date(27, 10, 5))
        let reason = "Khalti says the payment is Queued, not final yet. It may have gone through: it will be looked up, never sent again."
        store.send(.paymentFinished(.journaled(payment, reason: reason), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .held, order: Self.order, payment: payment, headline: "HELD", reason: reason,
                nextStep: "Keep the cash aside and do not take this payment again: it will be looked up at 10:05. F5 lists held payments.",
                tellCustomer: "Your payment is waiting for Khalti's confirmation. We will check it at 10:05; please do not pay again. "
                    + "You will get a receipt, or your money back if it did not go through.",
                checkAt: Fixtures.date(27, 10, 5)
            ))
        }
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
    }

    @Test("an answer the journal could not write leaves the payment sending: held, looked up after Khalti's five minutes")
    func sendingIsHeld() {
        let store = OutcomeTests.sendingStore()
        let payment = Fixtures.payment(state: .sending)
        let reason = "Khalti says the payment succeeded. The answer could not be written to the journal; the payment will be looked up."
        store.send(.paymentFinished(.journaled(payment, reason: reason), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .held, order: Self.order, payment: payment, headline: "HELD", reason: reason,
                nextStep: "Keep the cash aside and do not take this payment again: it will be looked up at 10:05. F5 lists held payments.",
                tellCustomer: "Your payment is waiting for Khalti's confirmation. We will check it at 10:05; please do not pay again. "
                    + "You will get a receipt, or your money back if it did not go through.",
                checkAt: Self.answeredAt.addingTimeInterval(300)
            ))
        }
        // No receipt: the journal does not say paid.
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
    }

    @Test("not paid, not received, never sent: refund, under the journal's own word", arguments: [
        (PaymentState.notPaid, "NOT PAID"), (.notReceived, "NOT RECEIVED"), (.abandoned, "NOT SENT"),
    ])
    func refund(state: PaymentState, headline: String) {
        let store = OutcomeTests.sendingStore()
        let payment = Fixtures.payment(state: state)
        store.send(.paymentFinished(.journaled(payment, reason: "Khalti says the payment failed."), at: Self.answeredAt)) {
            $0.now = Self.answeredAt
            $0.screen = .outcome(OutcomeScreen(
                result: .notPaid, order: Self.order, payment: payment, headline: headline,
                reason: "Khalti says the payment failed.", nextStep: "Give the customer their money back."
            ))
        }
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
    }
}
