import ArrownetDomain
import Foundation
import NetworkTestSupport
import KhaltiSandbox
import Testing
@testable import KhaltiClient

@Suite("Contract: details and balance against the sandbox")
struct DetailsContractTests {
    @Test("the seed's Pradhanang answer reads as the account it describes")
    func pradhanang() async throws {
        try await SandboxHarness.with { harness in
            let account = try await harness.account("Pradhanang")
            #expect(account.fullName == "Ashish Pradhanang - Home")
            #expect(account.currentPlan == "50Mbps")
            #expect(account.daysRemaining == 464)
            #expect(account.hasDue == false)
            #expect(account.acceptsAdvancePayment == true)
            #expect(account.plans == [
                Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
                Plan(duration: .threeMonths, amount: Money(paisa: 508_500)),
                Plan(duration: .sixMonths, amount: Money(paisa: 949_200)),
                Plan(duration: .twelveMonths, amount: Money(paisa: 1_762_800)),
            ])
        }
    }

    @Test("a Devanagari name arrives intact")
    func devanagari() async throws {
        try await SandboxHarness.with { harness in
            let account = try await harness.account("devanagari")
            #expect(account.fullName.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) })
        }
    }

    @Test("an unknown username is 4000, told as no such customer")
    func unknownUser() async throws {
        try await SandboxHarness.with { harness in
            let error = await #expect(throws: KhaltiError.self) { try await harness.account("nosuchcustomer") }
            guard case .refused(let refusal)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(refusal.code == .clientError)
            #expect(refusal.kind == .notFound)
            let name = try Username("nosuchcustomer")
            #expect(error?.explanation(username: name).hasPrefix("No Arrownet customer with username nosuchcustomer.") == true)
        }
    }

    @Test("a token Khalti does not know is 1002, a token problem, and never quoted")
    func invalidToken() async throws {
        let token = "TEST:definitely-not-the-sandbox-token"
        try await SandboxHarness.with(token: token) { harness in
            let error = await #expect(throws: KhaltiError.self) { try await harness.account("Pradhanang") }
            guard case .refused(let refusal)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(refusal.code == .invalidToken)
            #expect(refusal.kind == .tokenOrAccount)
            #expect(!"\(error!)".contains("definitely-not"))
            #expect(!String(reflecting: error!).contains("definitely-not"))
        }
    }

    @Test("maintenance is 1019, service unavailable")
    func maintenance() async throws {
        try await SandboxHarness.with(SandboxConfiguration(faults: [FaultRule(call: .details, effect: .maintenance)])) { harness in
            let error = await #expect(throws: KhaltiError.self) { try await harness.account("Pradhanang") }
            guard case .refused(let refusal)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(refusal.code == .maintenance)
            #expect(error?.kind == .unavailable)
            #expect(harness.sandbox.faultStatuses().first?.fired == 1)
        }
    }

    @Test("a 5xx with an HTML page is a clear error")
    func htmlServerError() async throws {
        try await SandboxHarness.with(SandboxConfiguration(faults: [FaultRule(call: .details, effect: .httpError(status: 502))])) { harness in
            let error = await #expect(throws: KhaltiError.self) { try await harness.account("Pradhanang") }
            #expect(error == .httpStatus(502, body: .html))
            #expect(error?.kind == .unavailable)
            #expect(error?.description.contains("HTTP 502 with an HTML page") == true)
        }
    }

    @Test("a 200 that is not JSON is a clear error")
    func notJSON() async throws {
        try await SandboxHarness.with(SandboxConfiguration(faults: [FaultRule(call: .details, effect: .nonJSONBody)])) { harness in
            let error = await #expect(throws: KhaltiError.self) { try await harness.account("Pradhanang") }
            guard case .unreadableAnswer(200, let problem)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(problem.contains("not JSON"))
        }
    }

    @Test("a slow answer times out after the configured seconds")
    func timeout() async throws {
        let configuration = SandboxConfiguration(faults: [FaultRule(call: .details, effect: .latency(milliseconds: 3_000))])
        try await SandboxHarness.with(configuration, timeouts: KhaltiTimeouts(details: 1)) { harness in
            let started = ContinuousClock.now
            let error = await #expect(throws: KhaltiError.self) { try await harness.account("Pradhanang") }
            #expect(error == .timedOut(seconds: 1))
            // The error says the client gave up; the bound only catches a hang (a full parallel
            // run on two cores can be slow to resume a task).
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    @Test("an answer over the size cap is refused")
    func tooLarge() async throws {
        try await SandboxHarness.with(maximumAnswerBytes: 64) { harness in
            let error = await #expect(throws: KhaltiError.self) { try await harness.account("Pradhanang") }
            #expect(error == .answerTooLarge(limitBytes: 64))
        }
    }

    @Test("nothing listening is 'cannot connect'")
    func nothingListening() async throws {
        let closed = try ClosedPort()
        let api = try KhaltiAPI(endpoint: try KhaltiEndpoint(parsing: closed.baseURL), token: try KhaltiToken(SandboxToken.value))
        defer { withExtendedLifetime(closed) {} }
        let error = await #expect(throws: KhaltiError.self) { try await api.accountDetails(for: try Username("Pradhanang")) }
        guard case .cannotConnect? = error else { Issue.record("got \(String(describing: error))"); await api.shutdown(); return }
        await api.shutdown()
    }

    @Test("balance is read exactly and goes down with a payment")
    func balance() async throws {
        try await SandboxHarness.with(SandboxConfiguration(openingBalance: Money(paisa: 10_000_000))) { harness in
            #expect(try await harness.api.balance().available == Money(paisa: 10_000_000))
            _ = try await harness.pay("Pradhanang", reference: "BAL1")
            #expect(try await harness.api.balance().available == Money(paisa: 10_000_000 - 169_500))
        }
    }
}
