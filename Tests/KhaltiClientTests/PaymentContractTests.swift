import ArrownetDomain
import Foundation
import NetworkTestSupport
import KhaltiSandbox
import Testing
@testable import KhaltiClient

@Suite("Contract: payments and lookups against the sandbox")
struct PaymentContractTests {
    @Test("a paid payment: Success, Khalti's id, one ledger entry")
    func success() async throws {
        try await SandboxHarness.with { harness in
            let result = try await harness.pay("Pradhanang", months: .threeMonths, reference: "PAY1")
            #expect(result.verdict == .paid)
            #expect(result.transactionID != nil)
            #expect(try await harness.payments(reference: "PAY1") == 1)
            let lookup = try await harness.api.lookUp(try PaymentReference("PAY1"))
            guard case .found(let facts) = lookup else { Issue.record("got \(lookup)"); return }
            #expect(facts.state == "Success")
            #expect(facts.amount == .value(Money(paisa: 508_500)))
            #expect(facts.refunded == .value(false))
        }
    }

    @Test("a duplicate reference is 1013, held for lookup, and never applied twice")
    func duplicateReference() async throws {
        try await SandboxHarness.with { harness in
            #expect(try await harness.pay("Pradhanang", reference: "DUP1").verdict == .paid)
            let second = try await harness.pay("Pradhanang", reference: "DUP1")
            #expect(second.refusal?.code == .duplicateReference)
            guard case .held(.rejectedMaybeApplied(400, "1013"), 0) = second.verdict else { Issue.record("got \(second.verdict)"); return }
            #expect(try await harness.payments(reference: "DUP1") == 1)
        }
    }

    @Test("too little balance is 1016; the lookup then says Khalti never saw it")
    func insufficientCredits() async throws {
        try await SandboxHarness.with(SandboxConfiguration(openingBalance: Money(rupees: 100))) { harness in
            let result = try await harness.pay("Pradhanang", reference: "LOW1")
            #expect(result.refusal?.code == .insufficientCredits)
            #expect(result.refusal?.explanation().hasPrefix("Khalti balance too low for this payment.") == true)
            #expect(result.verdict == .held(.refused(httpStatus: 400, code: .insufficientCredits), lookUpAfterSeconds: 0),
                    "an answered refusal: one lookup at once settles it")
            #expect(try await harness.api.lookUp(try PaymentReference("LOW1")) == .unknownReference)
        }
    }

    @Test("maintenance on a payment: at HTTP 503 held for five minutes (Khalti's rule for 5xx); at 400 an answered refusal, looked up at once")
    func maintenance() async throws {
        try await SandboxHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .maintenance)])) { harness in
            let result = try await harness.pay("Pradhanang", reference: "MNT1")
            #expect(result.verdict == .held(.rejectedMaybeApplied(httpStatus: 503, errorCode: "1019"), lookUpAfterSeconds: 300))
            #expect(result.refusal?.code == .maintenance)
        }
        let refused = SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .refusal(code: "1019", status: 400))])
        try await SandboxHarness.with(refused) { harness in
            let result = try await harness.pay("Pradhanang", reference: "MNT2")
            #expect(result.verdict == .held(.refused(httpStatus: 400, code: .maintenance), lookUpAfterSeconds: 0))
            #expect(result.refusal?.code == .maintenance)
        }
    }

    @Test("an HTML 500 on a payment is held, never failed")
    func htmlServerError() async throws {
        try await SandboxHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .httpError(status: 500))])) { harness in
            let result = try await harness.pay("Pradhanang", reference: "H500")
            #expect(result.verdict == .held(.unreadableAnswer(httpStatus: 500), lookUpAfterSeconds: 300))
        }
    }

    @Test("a 200 that is not JSON on a payment is held")
    func notJSON() async throws {
        try await SandboxHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .nonJSONBody)])) { harness in
            let result = try await harness.pay("Pradhanang", reference: "NJ1")
            #expect(result.verdict == .held(.unreadableAnswer(httpStatus: 200), lookUpAfterSeconds: 300))
        }
    }

    @Test("applied, then the connection dropped: held, and the lookup finds it paid")
    func dropConnection() async throws {
        try await SandboxHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection)])) { harness in
            let result = try await harness.pay("Pradhanang", reference: "DROP1")
            #expect(result.verdict == .held(.noAnswer, lookUpAfterSeconds: 300))
            #expect(try await harness.payments(reference: "DROP1") == 1)
            let lookup = try await harness.api.lookUp(try PaymentReference("DROP1"))
            #expect(LookupPolicy.verdict(for: lookup, expectedAmount: Money(paisa: 169_500)) == .paid(transactionID: lookup.transactionID))
        }
    }

    @Test("applied, then answered after the client gave up: held after the payment timeout")
    func answerLate() async throws {
        let configuration = SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .answerLate(milliseconds: 3_000))])
        try await SandboxHarness.with(configuration, timeouts: KhaltiTimeouts(payment: 1)) { harness in
            let result = try await harness.pay("Pradhanang", reference: "LATE1")
            #expect(result.verdict == .held(.noAnswer, lookUpAfterSeconds: 300))
            #expect(try await harness.eventualPayments(reference: "LATE1") == 1)
        }
    }

    @Test("nothing listening: the payment provably never left, so it is not paid")
    func notSent() async throws {
        let closed = try ClosedPort()
        let api = try KhaltiAPI(endpoint: try KhaltiEndpoint(parsing: closed.baseURL), token: try KhaltiToken(SandboxToken.value))
        defer { withExtendedLifetime(closed) {} }
        let request = PaymentRequest(
            username: try Username("Pradhanang"), plan: Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
            reference: try PaymentReference("NS1")
        )
        #expect(await api.pay(request).verdict == .notPaid(.notSent))
        await api.shutdown()
    }

    @Test("Queued then Success, and Queued then Failed, through lookups")
    func queued() async throws {
        try await SandboxHarness.with { harness in
            let ok = try await harness.pay("queuedok", reference: "Q1")
            guard case .held(.pending, _) = ok.verdict else { Issue.record("got \(ok.verdict)"); return }
            let fail = try await harness.pay("queuedfail", reference: "Q2")
            guard case .held(.pending, _) = fail.verdict else { Issue.record("got \(fail.verdict)"); return }
            var okVerdict = LookupVerdict.stillPending
            var failVerdict = LookupVerdict.stillPending
            for _ in 0..<5 where okVerdict == .stillPending || failVerdict == .stillPending {
                okVerdict = LookupPolicy.verdict(for: try await harness.api.lookUp(try PaymentReference("Q1")), expectedAmount: Money(paisa: 169_500))
                failVerdict = LookupPolicy.verdict(for: try await harness.api.lookUp(try PaymentReference("Q2")), expectedAmount: Money(paisa: 169_500))
            }
            guard case .paid = okVerdict else { Issue.record("queuedok ended \(okVerdict)"); return }
            guard case .notPaid = failVerdict else { Issue.record("queuedfail ended \(failVerdict)"); return }
        }
    }

    @Test("failed at once is not paid, and the balance comes back")
    func failedAtOnce() async throws {
        try await SandboxHarness.with { harness in
            let before = try await harness.api.balance().available
            let result = try await harness.pay("failnow", reference: "F1")
            guard case .notPaid(.failed) = result.verdict else { Issue.record("got \(result.verdict)"); return }
            #expect(try await harness.api.balance().available == before)
        }
    }

    @Test("bulk lookup answers each reference, unknown ones as unknown")
    func bulk() async throws {
        try await SandboxHarness.with { harness in
            _ = try await harness.pay("Pradhanang", reference: "B1")
            _ = try await harness.pay("failnow", reference: "B2")
            let references = try ["B1", "B2", "NEVERSENT"].map { try PaymentReference($0) }
            let answers = try await harness.api.lookUp(references)
            #expect(answers.count == 3)
            guard case .success(.found(let paid))? = answers[references[0]], paid.state == "Success" else {
                Issue.record("B1: \(String(describing: answers[references[0]]))"); return
            }
            guard case .success(.found(let failed))? = answers[references[1]] else { Issue.record("B2"); return }
            #expect(StateMeaning(state: failed.state) == .failed)
            #expect(answers[references[2]] == .success(.unknownReference))
        }
    }

    @Test("a bulk lookup of more references than one call takes is split into several")
    func bulkChunks() async throws {
        try await SandboxHarness.with { harness in
            _ = try await harness.pay("Pradhanang", reference: "CHUNK1")
            let references = try (0..<(KhaltiAPI.bulkLookupLimit * 2 + 5)).map { try PaymentReference("CHUNKX\($0)") }
                + [try PaymentReference("CHUNK1")]
            let answers = try await harness.api.lookUp(references)
            #expect(answers.count == references.count)
            guard case .success(.found(let facts))? = answers[try PaymentReference("CHUNK1")], facts.state == "Success" else {
                Issue.record("CHUNK1 not found in the last chunk")
                return
            }
        }
    }

    @Test("an unknown reference is 002, its own outcome")
    func unknownReference() async throws {
        try await SandboxHarness.with { harness in
            let reference = try PaymentReference("NOPE1")
            #expect(try await harness.api.lookUp(reference) == .unknownReference)
        }
    }
}

extension LookupAnswer {
    var transactionID: String? {
        if case .found(let facts) = self { return facts.transactionID }
        return nil
    }
}
