import ArrownetDomain
import Foundation
import KhaltiClient
import KhaltiSandbox
import PaymentDesk
import PaymentJournal
import Testing

@Suite("Desk: reconciliation of held payments against the sandbox")
struct ReconcileTests {
    static let fiveMinutes: TimeInterval = 300

    @Test("dropped connection: held, not looked up before five minutes, then found paid; one payment on the ledger")
    func droppedThenPaid() async throws {
        let statusCalls = FaultRule(call: .status, effect: .latency(milliseconds: 0))
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection), statusCalls])) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            let early = await harness.reconcile(after: Self.fiveMinutes - 1)
            #expect(early == ReconcileReport())
            #expect(harness.sandbox.faultStatuses()[1].fired == 0, "no lookup before the delay")

            let report = await harness.reconcile(after: 1)
            #expect(report.changes.map(\.after.state) == [.paid])
            #expect(report.changes.first?.before == .held)
            let record = try await harness.record(held)
            #expect(record.state == .paid)
            #expect(record.lookupCount == 1)
            #expect(record.transactionID != nil)
            #expect(try await harness.ledgerCount(held) == 1)
            #expect(try await harness.journal.events(of: held.reference).map(\.to) == [.prepared, .sending, .held, .paid])
        }
    }

    @Test("Queued, then Success through a lookup")
    func queuedThenSuccess() async throws {
        try await DeskHarness.with { harness in
            guard case .held(let held, let reason) = try await harness.pay("queuedok") else { Issue.record("not held"); return }
            #expect(reason.contains("Queued"))
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.changes.map(\.after.state) == [.paid])
            #expect(try await harness.record(held).state == .paid)
        }
    }

    @Test("Queued, then Failed through a lookup: not paid")
    func queuedThenFailed() async throws {
        try await DeskHarness.with { harness in
            guard case .held(let held, _) = try await harness.pay("queuedfail") else { Issue.record("not held"); return }
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.changes.map(\.after.state) == [.notPaid])
            #expect(try await harness.record(held).state == .notPaid)
        }
    }

    @Test("still pending: held again, the next lookup on a growing interval")
    func growingInterval() async throws {
        let rules = ReconciliationRules()
        #expect((1...7).map { rules.interval(afterLookups: $0) } == [60, 120, 240, 480, 960, 1800, 1800])
        // queuedok settles after one lookup; a status fault makes the first lookups "pending" ones.
        let config = SandboxConfiguration(customers: try SandboxCustomer.seededCustomers().map { customer in
            var slow = customer
            if customer.username == "queuedok" { slow.settleAfterLookups = 3 }
            return slow
        })
        try await DeskHarness.with(config) { harness in
            guard case .held(let held, _) = try await harness.pay("queuedok") else { Issue.record("not held"); return }
            let first = await harness.reconcile(after: Self.fiveMinutes)
            #expect(first.stillHeld.map(\.reference) == [held.reference])
            #expect(first.stillHeld.first?.nextLookupAt == harness.clock.now.addingTimeInterval(60))
            #expect(await harness.reconcile(after: 59) == ReconcileReport())
            let second = await harness.reconcile(after: 1)
            #expect(second.stillHeld.first?.nextLookupAt == harness.clock.now.addingTimeInterval(120))
            let third = await harness.reconcile(after: 120)
            #expect(third.changes.map(\.after.state) == [.paid])
        }
    }

    @Test("unknown reference (002) counts as not received only after three lookups over fifteen minutes")
    func unknownThenNotReceived() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .maintenance)])) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            // Support forcing lookups cannot shorten the window.
            for _ in 0..<4 {
                let report = await harness.reconcile(after: 1, force: true)
                #expect(report.stillHeld.map(\.reference) == [held.reference])
            }
            #expect(try await harness.record(held).unknownReferenceLookups == 4)
            // Past the window since sending: the next 002 decides.
            let late = await harness.reconcile(after: 15 * 60, force: true)
            #expect(late.changes.map(\.after.state) == [.notReceived])
            #expect(try await harness.ledgerCount(held) == 0)
            #expect(try await harness.desk.openPayment(for: try Username("Pradhanang")) == nil)
        }
    }

    @Test("002 after the window but too few lookups is still held")
    func windowNeedsSeveralLookups() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .httpError(status: 500))])) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            #expect(await harness.reconcile(after: 20 * 60).stillHeld.count == 1)
            #expect(await harness.reconcile(after: 60).stillHeld.count == 1)
            let third = await harness.reconcile(after: 120)
            #expect(third.changes.map(\.after.state) == [.notReceived])
            #expect(try await harness.record(held).lookupCount == 3)
        }
    }

    @Test("a 1016 refusal is looked up at once, and resolves as not received after the window")
    func insufficientCreditsResolves() async throws {
        try await DeskHarness.with(SandboxConfiguration(openingBalance: Money(rupees: 100))) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            #expect(await harness.reconcile().stillHeld.map(\.reference) == [held.reference], "due at once")
            _ = await harness.reconcile(after: 60)
            let last = await harness.reconcile(after: 15 * 60)
            #expect(last.changes.map(\.after.state) == [.notReceived])
        }
    }

    @Test("a lookup whose amount disagrees is flagged for a person, never resolved, and no longer looked up")
    func amountMismatch() async throws {
        try await DeskHarness.with { harness in
            // Khalti already has T1 for three months; the desk then sends T1 for one month (1013).
            let threeMonths = try #require(try await harness.account("Pradhanang").plan(for: .threeMonths))
            let existing = await harness.api.pay(PaymentRequest(
                username: try Username("Pradhanang"), plan: threeMonths, reference: try PaymentReference("T1")))
            #expect(existing.verdict == .paid)
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            #expect(held.reference.value == "T1")

            let report = await harness.reconcile()
            #expect(report.needingAttention.map(\.reference) == [held.reference])
            let record = try await harness.record(held)
            #expect(record.state == .held)
            #expect(record.attention?.contains("Rs. 5,085.00") == true)
            #expect(record.nextLookupAt == nil)
            #expect(await harness.reconcile(after: 3600, force: true) == ReconcileReport())
            #expect(try await harness.desk.heldPayments().map(\.reference) == [held.reference])
        }
    }

    @Test("a lookup that fails changes nothing")
    func failedLookupChangesNothing() async throws {
        let faults = [
            FaultRule(call: .commit, effect: .dropConnection),
            FaultRule(call: .status, effect: .maintenance),
            FaultRule(call: .bulkStatus, effect: .httpError(status: 502)),
        ]
        try await DeskHarness.with(SandboxConfiguration(faults: faults)) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            let before = try await harness.record(held)
            let eventsBefore = try await harness.journal.events(of: held.reference)
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.failures.map(\.payment.reference) == [held.reference])
            #expect(report.failures.first?.kind == .unavailable)
            #expect(report.changes.isEmpty && report.stillHeld.isEmpty)
            #expect(try await harness.record(held) == before)
            #expect(try await harness.journal.events(of: held.reference) == eventsBefore)
        }
    }

    @Test("many held payments go in one bulk lookup")
    func bulk() async throws {
        let counters = [FaultRule(call: .status, effect: .latency(milliseconds: 0)), FaultRule(call: .bulkStatus, effect: .latency(milliseconds: 0))]
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection)] + counters)) { harness in
            var held: [PaymentReference] = []
            for name in ["Pradhanang", "duecustomer", "expired", "longname"] {
                guard case .held(let summary, _) = try await harness.pay(name) else { Issue.record("\(name) not held"); return }
                held.append(summary.reference)
            }
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(Set(report.changes.map(\.after.reference)) == Set(held))
            #expect(report.changes.allSatisfy { $0.after.state == .paid })
            let fired = harness.sandbox.faultStatuses().map(\.fired)
            #expect(fired[1] == 0, "no single lookups")
            #expect(fired[2] == 1, "one bulk lookup")
        }
    }

    @Test("references a bulk answer leaves out are looked up one by one")
    func bulkOmissionFallsBack() async throws {
        let dropsSecond: (KhaltiAPI) -> KhaltiGateway = { api in
            var gateway = KhaltiGateway.live(api)
            gateway.lookUpMany = { references throws(KhaltiError) in
                var answers = try await api.lookUp(references)
                answers[references[1]] = nil
                return answers
            }
            return gateway
        }
        let statusCalls = FaultRule(call: .status, effect: .latency(milliseconds: 0))
        try await DeskHarness.with(
            SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection), statusCalls]), gateway: dropsSecond
        ) { harness in
            for name in ["Pradhanang", "duecustomer", "expired"] {
                guard case .held = try await harness.pay(name) else { Issue.record("\(name) not held"); return }
            }
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.changes.count == 3)
            #expect(report.changes.allSatisfy { $0.after.state == .paid })
            #expect(harness.sandbox.faultStatuses()[1].fired == 1, "exactly the omitted one was looked up singly")
        }
    }

    @Test("payments sent to another Khalti are never looked up here")
    func otherKhalti() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection)])) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            let elsewhere = PaymentDesk(
                journal: harness.journal, gateway: .live(harness.api), environment: .live, clock: { harness.clock.now })
            #expect(await elsewhere.reconcile(force: true) == ReconcileReport())
            #expect(try await harness.record(held).state == .held)
        }
    }

    @Test("at start: sending is held and looked up (never resent), prepared is abandoned")
    func recoveryAtStart() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection)])) { harness in
            // What a killed process leaves: one intent sent (and applied by Khalti), one not.
            let account = try await harness.account("Pradhanang")
            let sent = PaymentIntent(
                reference: try PaymentReference("SENT1"), khaltiEnvironment: harness.desk.khaltiEnvironment, username: account.username,
                customerName: account.fullName, plan: account.plans[0], counter: "c", operatorName: "o", createdAt: harness.clock.now)
            _ = try await harness.journal.prepare(sent)
            _ = try await harness.journal.markSending(sent.reference, at: harness.clock.now)
            _ = await harness.api.pay(PaymentRequest(username: account.username, plan: account.plans[0], reference: sent.reference))
            let due = try await harness.account("duecustomer")
            let unsent = PaymentIntent(
                reference: try PaymentReference("UNSENT1"), khaltiEnvironment: harness.desk.khaltiEnvironment, username: due.username,
                customerName: due.fullName, plan: due.plans[0], counter: "c", operatorName: "o", createdAt: harness.clock.now)
            _ = try await harness.journal.prepare(unsent)

            let recovered = try await harness.desk.recoverAtStart()
            #expect(recovered.map(\.after.state) == [.held, .abandoned])
            #expect(try await harness.desk.heldPayments().map(\.reference.value) == ["SENT1"])
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.changes.map(\.after.state) == [.paid])
            #expect(try await harness.sandbox.ledgerEntries(reference: "SENT1").count == 1)
            #expect(try await harness.sandbox.ledgerEntries(reference: "UNSENT1").isEmpty)
        }
    }

    @Test("a payment a dead process left sending is recovered while the desk runs, after the stranded time")
    func strandedWhileRunning() async throws {
        try await DeskHarness.with { harness in
            let account = try await harness.account("Pradhanang")
            let intent = PaymentIntent(
                reference: try PaymentReference("STRAND1"), khaltiEnvironment: harness.desk.khaltiEnvironment, username: account.username,
                customerName: account.fullName, plan: account.plans[0], counter: "other", operatorName: "o", createdAt: harness.clock.now)
            _ = try await harness.journal.prepare(intent)
            _ = try await harness.journal.markSending(intent.reference, at: harness.clock.now)
            #expect(await harness.reconcile(after: 9 * 60).recovered.isEmpty)
            let report = await harness.reconcile(after: 61)
            #expect(report.recovered.map(\.after.state) == [.held])
            // Nothing reached Khalti: 002 until the window has passed.
            #expect(report.stillHeld.map(\.reference.value) == ["STRAND1"])
        }
    }
}
