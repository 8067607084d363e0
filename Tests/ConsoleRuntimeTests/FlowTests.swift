import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import Foundation
import Testing

/// Whole counter flows through reduce and the driver, against fake worlds that
/// answer the way Khalti and the journal do in each case of issue 5.
@Suite("Flows")
struct FlowTests {
    typealias Harness = ConsoleDriverTests.Harness

    /// Types the username, looks it up, takes the 1-month plan and confirms; returns the final state.
    static func payOneMonth(in world: Harness, username: String = "Pradhanang") async -> ConsoleState {
        await world.type(username)
        await world.driver.press(.enter)
        await world.driver.whenIdle()
        await world.driver.press(.character("1"))
        world.clock.advance(seconds: 2)
        await world.driver.press(.character("y"))
        await world.driver.whenIdle()
        return await world.state
    }

    @Test("Khalti refuses the token or is in maintenance: the clerk reads why on the username screen", arguments: [
        KhaltiErrorCode.invalidToken, .inactiveToken, .maintenance, .serviceNotEnabled,
    ])
    func lookupRefused(code: KhaltiErrorCode) async {
        let world = ConsoleDriverTests.harness { environment, _, _ in
            environment.fetchAccount = { _ throws(ConsoleError) in throw World.refusal(code) }
        }
        await world.type("Pradhanang")
        await world.driver.press(.enter)
        await world.driver.whenIdle()
        guard case .usernameEntry(let entry) = await world.state.screen else { Issue.record("left the username screen"); return }
        #expect(entry.lookupError?.sentence == "\(code.meaning) \(code.nextStep)")
        #expect(entry.text == "Pradhanang")
    }

    @Test("the journal cannot be read: no payment can start, the reason is shown")
    func journalUnreadable() async {
        let world = ConsoleDriverTests.harness { environment, _, _ in
            environment.customerPayments = { _ throws(ConsoleError) in
                throw ConsoleError(kind: .unavailable, reason: "The payment journal could not be read.", nextStep: "Call support.")
            }
        }
        await world.type("Pradhanang")
        await world.driver.press(.enter)
        await world.driver.whenIdle()
        guard case .usernameEntry(let entry) = await world.state.screen else { Issue.record("left the username screen"); return }
        #expect(entry.lookupError?.reason == "The payment journal could not be read.")
    }

    @Test("not paid: the clerk is told to refund; no receipt is printed")
    func notPaid() async {
        let world = ConsoleDriverTests.harness { environment, clock, _ in
            environment.pay = { order in
                World.notPaid(World.summary(for: order, state: .notPaid, at: clock.now), .failed(state: "Error"))
            }
        }
        let state = await Self.payOneMonth(in: world)
        guard case .outcome(let outcome) = state.screen else { Issue.record("no outcome"); return }
        #expect(outcome.result == .notPaid)
        #expect(outcome.nextStep == "Give the customer their money back.")
        #expect(state.lastReceipt == nil)
        #expect(!world.calls.all.contains { $0.hasPrefix("print") })
    }

    @Test("a customer with a held payment cannot pay again until it is settled")
    func heldCustomerBlocked() async {
        let order = World.order()
        let world = ConsoleDriverTests.harness { environment, _, calls in
            environment.customerPayments = { _ in [World.summary(for: order, state: .held, at: World.morning)] }
            environment.pay = { _ in
                calls.record("pay")
                return World.journalFailed()
            }
        }
        let state = await Self.payOneMonth(in: world)
        guard case .account(let screen) = state.screen else { Issue.record("not on the account screen"); return }
        #expect(screen.notice == screen.refusal)
        #expect(screen.openPayment != nil)
        #expect(!world.calls.all.contains("pay"))
    }
}
