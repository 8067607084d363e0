import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

@Suite("Held payments of another Khalti account")
struct HeldOtherAccountTests {
    @Test("l says a payment held under another Khalti account waits for that account's token, by its fingerprint")
    func otherAccountSaid() {
        let other = Fixtures.payment(state: .held, reference: "ARNOTHER1", username: "gita", createdAt: Fixtures.date(27, 9, 40))
        let theirs = PaymentSummary(
            reference: other.reference, username: other.username, customerName: other.customerName, duration: other.duration,
            amount: other.amount, counter: other.counter, operatorName: other.operatorName, state: other.state,
            transactionID: nil, createdAt: other.createdAt, updatedAt: other.updatedAt, nextLookupAt: nil, lookupCount: 0,
            attention: nil, khaltiAccount: "ab12cd34ef56ab78" + String(repeating: "0", count: 48))
        let store = HeldPaymentsTests.listStore([theirs])
        store.press(.character("l")) {
            var screen = HeldPaymentsScreen(payments: [theirs], calendar: Fixtures.calendar)
            screen.isLookingUp = true
            $0.screen = .heldPayments(screen)
        }
        let found = HeldLookupResult(lookedUp: [], otherAccount: [theirs])
        store.receive(.lookUpNow([theirs.reference]), answer: .heldPaymentsLookedUp(.success(found))) {
            var screen = HeldPaymentsScreen(payments: [theirs], calendar: Fixtures.calendar)
            screen.notice = "Nothing was looked up. gita: held under another Khalti account (fingerprint ab12cd34ef56ab78…): "
                + "look it up from a counter with that account's token."
            $0.screen = .heldPayments(screen)
        }
    }
}
