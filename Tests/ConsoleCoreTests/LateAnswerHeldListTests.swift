import ArrownetDomain
@testable import ConsoleCore
import Testing

@Suite("Held list: a final payment Khalti's later answer contradicts (issue 20, finding 3)")
struct LateAnswerHeldListTests {
    static let flagged = Fixtures.payment(
        state: .notPaid, attention: "recorded NOT PAID by Ram at 10:02 after 'customer left'; Khalti says Success")

    @Test("its advice names both facts and who settles it, and asks no cash to be kept aside")
    func advice() {
        let screen = HeldPaymentsScreen(payments: [Self.flagged], calendar: Fixtures.calendar)
        let advice = screen.advice(for: Self.flagged, now: Fixtures.morning)
        #expect(advice == "NEEDS A PERSON: recorded NOT PAID by Ram at 10:02 after 'customer left'; Khalti says Success. It stays NOT PAID "
            + "until a supervisor checks with Khalti and records the decision (arrownet resolve ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V --paid or --not-paid).")
        #expect(!advice.contains("aside"))
        #expect(screen.openReferences.isEmpty, "never looked up by l")
    }

    @Test("flagged by a background lookup: the notice names the contradiction, no cash aside, and the held count leaves it out")
    func notice() {
        let payment = BackgroundSettlementTests.queuedFail
        let flagged = BackgroundSettlementTests.settled(payment, .notPaid, attention: "recorded NOT PAID by Ram; Khalti says Success")
        let store = TestStore(BackgroundSettlementTests.state(on: .usernameEntry(UsernameEntryScreen())))
        store.send(.heldPaymentsReconciled(HeldReconciliation(settled: [flagged], held: [flagged.payment]))) {
            $0.header.heldCount = 0
            $0.notices = Notices(shown: [Notice(
                "queuedfail: NEEDS A PERSON - Khalti contradicts NOT PAID; see F5", tone: .warning, reference: flagged.payment.reference)])
        }
        store.receive(.loadBalance)
    }
}
