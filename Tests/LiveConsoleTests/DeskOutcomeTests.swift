import ArrownetDomain
import ConsoleCore
import Foundation
@testable import LiveConsole
import Testing

@Suite("The payment desk's outcomes on the console")
struct DeskOutcomeTests {
    static func shown(_ outcome: DeskOutcome) -> ConsoleCore.PaymentOutcome {
        DeskOutcomes.consoleOutcome(outcome, calendar: Fixtures.calendar, now: Fixtures.morning.addingTimeInterval(600))
    }

    @Test("paid, held and not paid keep the journal's record and the desk's sentence")
    func recorded() {
        let paid = Fixtures.payment(.paid)
        #expect(Self.shown(.paid(paid)) == .journaled(paid, reason: PaymentSentences.paid))
        #expect(PaymentSentences.paid == "Khalti says the payment succeeded.")
        let held = Fixtures.payment(.held)
        #expect(Self.shown(.held(held, reason: "No answer came from Khalti.")) == .journaled(held, reason: "No answer came from Khalti."))
        let failed = Fixtures.payment(.notPaid)
        #expect(Self.shown(.notPaid(failed, reason: "Khalti says the payment failed.")) == .journaled(failed, reason: "Khalti says the payment failed."))
    }

    @Test("an open payment that appeared meanwhile: nothing started, settle it first")
    func blocked() {
        let open = Fixtures.payment(.held)
        #expect(Self.shown(.blockedByOpenPayment(open)) == .notTaken(ConsoleError(
            kind: .requestRejected,
            reason: "A payment of Rs. 1,695.00 for 1 month taken at 10:00 (Ram, Counter 2) is not settled (HELD, reference ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V). "
                + "No new payment was started.",
            nextStep: "Settle it first: F5 lists held payments, l looks them up now.")))
    }

    @Test("already paid today: when, how much, where; look the customer up again")
    func paidToday() {
        let earlier = Fixtures.payment(.paid, at: Fixtures.morning.addingTimeInterval(-3600))
        #expect(Self.shown(.needsSecondConfirmation(paidToday: [earlier])) == .notTaken(ConsoleError(
            kind: .requestRejected,
            reason: "This customer was already paid today: Rs. 1,695.00 for 1 month at 09:00 (Counter 2, Ram).",
            nextStep: "Look the customer up again, and pay again only if the customer means to.")))
    }

    @Test("refused before writing, and a journal that cannot be written: nothing sent")
    func notTaken() {
        #expect(Self.shown(.refused("Nothing is due and this account does not accept advance payment.")) == .notTaken(ConsoleError(
            kind: .requestRejected, reason: "Nothing is due and this account does not accept advance payment.", nextStep: "")))
        guard case .notTaken(let error) = Self.shown(.notSent("The payment journal could not be written (disk full). Nothing was sent to Khalti.")) else {
            Issue.record("a journal failure must not look recorded")
            return
        }
        #expect(error.kind == .unavailable)
        #expect(error.reason == "The payment journal could not be written (disk full). Nothing was sent to Khalti.")
    }
}

extension DeskOutcomeTests {
    @Test("no open shift (closed at another terminal): its own outcome, so the console asks for a shift")
    func noOpenShift() {
        #expect(Self.shown(.noOpenShift(counter: "Counter 1")) == .noOpenShift(counter: "Counter 1"))
    }
}
