import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

/// A whole payment costs the username's letters and at most four more keys.
@Suite("Fast path")
struct FastPathTests {
    /// Runs a payment as the runtime would: keys from the clerk, answers fed for
    /// every effect. Counts the keys and returns the final state.
    static func pay(username: String, planKey: Key) -> (keys: Int, state: ConsoleState) {
        var state = Fixtures.freshState()
        var clock = Fixtures.morning
        var keys = 0
        var pending: [ConsoleEffect] = []

        func press(_ key: Key) {
            keys += 1
            pending += reduce(into: &state, action: .key(key, at: clock))
        }
        func answerEffects() {
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                switch effect {
                case .fetchAccount(_, let id):
                    pending += reduce(into: &state, action: .accountLoaded(id, .success(AccountLookup(account: Fixtures.account(username), payments: []))))
                case .commitPayment(let order):
                    let paid = Fixtures.payment(state: .paid, username: username, duration: order.plan.duration, amount: order.plan.amount, transactionID: "KTX1")
                    pending += reduce(into: &state, action: .paymentFinished(Fixtures.paid(paid), at: clock))
                case .printReceipt:
                    pending += reduce(into: &state, action: .receiptPrinted(.success("printed")))
                default:
                    break
                }
            }
        }

        for character in username { press(.character(character)) }
        let letters = keys
        press(.enter)            // look up
        answerEffects()
        press(planKey)           // choose the plan
        answerEffects()
        clock += 2               // the clerk reads the details back
        press(.character("y"))   // the customer agrees
        answerEffects()
        guard case .outcome(let outcome) = state.screen, outcome.result == .paid else { return (keys - letters, state) }
        press(.enter)            // next customer
        return (keys - letters, state)
    }

    @Test("letters + Enter + a plan digit + y + Enter: paid, and ready for the next customer", arguments: [
        Key.character("1"), .character("3"), .character("6"), .character("2"), .enter,
    ])
    func fourKeys(planKey: Key) {
        let (extraKeys, state) = Self.pay(username: "Pradhanang", planKey: planKey)
        #expect(extraKeys == 4)
        #expect(extraKeys <= 4)
        #expect(state.screen == .usernameEntry(UsernameEntryScreen()))
        #expect(state.lastReceipt?.transactionID == "KTX1")
    }
}
