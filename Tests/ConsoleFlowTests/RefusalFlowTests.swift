import ArrownetDomain
import ConsoleCore
import Foundation
import KhaltiSandbox
import Testing

/// Flows where Khalti refuses or is down: what the clerk is told, and that nothing
/// was paid, or that it was held exactly as the payment policy says.
@Suite("Console flows: refusals and outages")
struct RefusalFlowTests {
    @Test("an unknown username: the clerk is told to check it; nothing is written or sent")
    func unknownCustomer() async throws {
        try await LiveCounter.with { counter in
            await counter.type("nosuchcustomer")
            await counter.press(.enter)
            let entry = try await counter.state.usernameEntry()
            #expect(entry.lookupError == ConsoleError(
                kind: .notFound, reason: "No Arrownet customer with username nosuchcustomer.",
                nextStep: "Check the username with the customer."))
            #expect(entry.text == "nosuchcustomer")
            #expect(try await counter.journalPayments().isEmpty)
            #expect(try await counter.ledger().isEmpty)
        }
    }

    @Test("a wrong token: the header and the lookup say the token is refused; the token is shown nowhere; nothing paid")
    func tokenRefused() async throws {
        let wrongToken = "TEST:not-this-counters-token-7f3a"
        try await LiveCounter.with(token: wrongToken) { counter in
            #expect(await counter.state.header.balanceProblem?.hasPrefix("Khalti does not accept this counter's token.") == true)
            await counter.type("Pradhanang")
            await counter.press(.enter)
            let state = await counter.state
            let error = try #require(try state.usernameEntry().lookupError)
            #expect(error.kind == .tokenOrAccount)
            #expect(error.reason.hasPrefix("Khalti does not accept this counter's token."))
            #expect(error.nextStep == "Retrying will not fix this: ask the supervisor to check the counter's Khalti token and account.")
            #expect(!String(describing: state).contains("not-this-counters-token"))
            #expect(try await counter.journalPayments().isEmpty)
            #expect(try await counter.ledger().isEmpty)
        }
    }

    @Test("maintenance on the details call: the clerk is told to try again later; nothing is written or sent")
    func maintenanceOnDetails() async throws {
        try await LiveCounter.with(faults: [FaultRule(call: .details, effect: .maintenance)]) { counter in
            await counter.type("Pradhanang")
            await counter.press(.enter)
            let error = try #require(try await counter.state.usernameEntry().lookupError)
            #expect(error.kind == .unavailable)
            #expect(error.reason.hasPrefix("Khalti's Arrownet service is in maintenance."))
            #expect(error.nextStep == "Try again in a few minutes.")
            #expect(try await counter.journalPayments().isEmpty)
            #expect(try await counter.ledger().isEmpty)
        }
    }

    /// Maintenance is an answered refusal: nothing can land later, so one lookup that
    /// finds no payment settles it while the customer is still at the counter.
    @Test("maintenance refused on the payment (HTTP 400): settled NOT PAID within seconds; the customer can pay again")
    func maintenanceOnPayment() async throws {
        try await LiveCounter.with(faults: [FaultRule(call: .commit, times: 1, effect: .refusal(code: "1019", status: 400))]) { counter in
            await counter.payOneMonth("Pradhanang")
            let outcome = try await counter.state.outcome()
            #expect(outcome.headline == "NOT PAID")
            #expect(outcome.reason == "Khalti's Arrownet service is in maintenance: nothing was paid. Try again later.")
            #expect(try await counter.journalPayments().map(\.state) == [.notPaid])
            #expect(try await counter.ledger().isEmpty)
            #expect(await counter.state.header.heldCount == 0)

            // Taken again at once, and paid.
            await counter.press(.enter)
            await counter.payOneMonth("Pradhanang")
            #expect(try await counter.state.outcome().headline == "PAID")
            #expect(try await counter.ledger().count == 1)
        }
    }

    /// A 502 HTML page may have gone through: held, and after three "unknown reference"
    /// answers over fifteen minutes it is "not received": then, and only then, the money goes back.
    @Test("a 502 on the payment: held, then not received after the lookup window")
    func serverErrorOnPayment() async throws {
        try await LiveCounter.with(faults: [FaultRule(call: .commit, effect: .httpError(status: 502))]) { counter in
            await counter.payOneMonth("Pradhanang")
            let held = try await counter.state.outcome()
            #expect(held.headline == "HELD")
            #expect(held.reason.hasPrefix("Khalti's answer (HTTP 502) could not be read."))
            #expect(try await counter.journalPayments().map(\.state) == [.held])

            await counter.press(.function(5))
            counter.clock.advance(seconds: 5 * 60)
            await counter.press(.character("l"))
            #expect(try await counter.state.heldList().notice == "Looked up 1: 0 paid, 0 to refund, 1 still held.")
            counter.clock.advance(seconds: 11 * 60)
            await counter.press(.character("l"))
            #expect(try await counter.state.heldList().payments.map(\.state) == [.held])
            await counter.press(.character("l"))

            let list = try await counter.state.heldList()
            #expect(list.payments.map(\.state) == [.notReceived])
            #expect(list.notice == "Looked up 1: 0 paid, 1 to refund, 0 still held.")
            let payment = try #require(list.selectedPayment)
            #expect(list.advice(for: payment, now: counter.clock.now) == "Khalti never received it. Give the customer their money back.")
            #expect(try await counter.journalPayments().map(\.state) == [.notReceived])
            #expect(try await counter.ledger().isEmpty)
        }
    }

    @Test("Khalti down during look up now: the clerk is told the lookup failed; the payment stays held")
    func lookupFails() async throws {
        try await LiveCounter.with(faults: [FaultRule(call: .commit, username: "queuedok", effect: .dropConnection)]) { counter in
            await counter.payOneMonth("queuedok")
            #expect(try await counter.state.outcome().headline == "HELD")
            counter.sandbox.add(FaultRule(call: .status, effect: .httpError(status: 502)))
            await counter.press(.function(5))
            counter.clock.advance(seconds: 5 * 60)
            await counter.press(.character("l"))
            let list = try await counter.state.heldList()
            #expect(list.lookupError == ConsoleError(
                kind: .unavailable, reason: "The lookup failed: Khalti answered HTTP 502 with an HTML page. Try again in a few minutes.",
                nextStep: "Nothing changed: the payments stay held."))
            #expect(list.payments.map(\.state) == [.held])
            #expect(try await counter.journalPayments().map(\.state) == [.held])
        }
    }
}
