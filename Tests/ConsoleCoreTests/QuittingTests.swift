import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

/// Ctrl-Q, Ctrl-C and the signals reach `reduce` like any key: it quits at once, or,
/// with a payment on its way, says it will and quits once the answer is recorded.
@Suite("Quitting")
struct QuittingTests {
    static let signals: [TerminationSignal] = [.interrupt, .quit, .terminate, .hangUp]

    static func sendingStore() -> TestStore {
        let store = OutcomeTests.sendingStore()
        store.now = OutcomeTests.sentAt.addingTimeInterval(1)
        return store
    }

    @Test("Ctrl-C and every signal quit at once where no payment is on its way")
    func atOnce() {
        for (title, state) in KeyMapTests.everyScreen where title != "Sending payment" {
            let store = TestStore(state)
            store.press(.control("c"))
            store.receive(.quit)
            for signal in Self.signals {
                let signalled = TestStore(state)
                signalled.send(.signal(signal))
                signalled.receive(.quit)
            }
        }
    }

    @Test("Ctrl-C while sending: the screen says the console will quit once the answer is recorded; then it does")
    func waitsForThePayment() {
        let store = Self.sendingStore()
        store.press(.control("c")) {
            $0.screen = .sending(SendingScreen(order: OutcomeTests.order, startedAt: OutcomeTests.sentAt, quitsWhenRecorded: true))
        }
        // Asking again changes nothing; no key pays or goes back meanwhile.
        store.press(.control("c"))
        store.press(.character("y"))
        let payment = Fixtures.payment(state: .paid, transactionID: "KTX9001", updatedAt: OutcomeTests.answeredAt)
        let receipt = Receipt(payment: payment, newExpiry: OutcomeTests.order.newExpiry, environment: .sandbox)
        store.send(.paymentFinished(Fixtures.paid(payment), at: OutcomeTests.answeredAt)) {
            $0.now = OutcomeTests.answeredAt
            $0.lastReceipt = receipt
            $0.screen = .outcome(OutcomeScreen(
                result: .paid, order: OutcomeTests.order, payment: payment, headline: "PAID", reason: PaymentSentences.paid,
                nextStep: "Keep the cash and give the receipt.", receipt: receipt, printStatus: .printing))
        }
        // The receipt is still printed (the runtime waits for it before the process ends), and then the console quits.
        store.receive(.printReceipt(receipt))
        store.receive(.loadBalance)
        store.receive(.loadHeldPayments)
        store.receive(.quit)
    }

    @Test("a signal while sending waits the same way, also when nothing was sent")
    func signalWhileSending() {
        for signal in Self.signals {
            let store = Self.sendingStore()
            store.send(.signal(signal)) {
                $0.screen = .sending(SendingScreen(order: OutcomeTests.order, startedAt: OutcomeTests.sentAt, quitsWhenRecorded: true))
            }
            store.send(.paymentFinished(Fixtures.journalFailed(), at: OutcomeTests.answeredAt)) {
                $0.now = OutcomeTests.answeredAt
                $0.screen = .outcome(OutcomeWording.screen(
                    for: Fixtures.journalFailed(), order: OutcomeTests.order, environment: .sandbox,
                    calendar: Fixtures.calendar, now: OutcomeTests.answeredAt))
            }
            store.receive(.quit)
        }
    }

    @Test("without a quit asked for, the answer does not quit")
    func answerAlone() {
        let store = Self.sendingStore()
        store.send(.paymentFinished(Fixtures.journalFailed(), at: OutcomeTests.answeredAt)) {
            $0.now = OutcomeTests.answeredAt
            $0.screen = .outcome(OutcomeWording.screen(
                for: Fixtures.journalFailed(), order: OutcomeTests.order, environment: .sandbox,
                calendar: Fixtures.calendar, now: OutcomeTests.answeredAt))
        }
        #expect(store.outstanding.isEmpty)
    }
}
